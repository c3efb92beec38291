package io.recoveryportal.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.recovery.Attempt.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptTest {

  private final Instant t0 = Instant.parse("2026-11-23T07:00:00Z");

  private Attempt attempt() {
    return new Attempt(
        "h".repeat(64),
        Attempt.Kind.RECOVERY,
        Attempt.RequestedAction.PASSWORD,
        "jane.smith@contoso.com",
        t0,
        Duration.ofMinutes(30));
  }

  @Test
  void movesOnlyFromTheExpectedState() {
    Attempt a = attempt();
    a.moveTo(State.STARTED, State.VERIFYING, t0.plusSeconds(5));
    assertEquals(State.VERIFYING, a.getState());
    assertEquals(t0.plusSeconds(5), a.getUpdatedAt());
    // a replayed step finds the attempt already moved on
    assertThrows(
        IllegalStateException.class,
        () -> a.moveTo(State.STARTED, State.VERIFYING, t0.plusSeconds(6)));
    assertEquals(State.VERIFYING, a.getState());
  }

  @Test
  void anExpiredAttemptCannotMove() {
    Attempt a = attempt();
    assertThrows(
        IllegalStateException.class,
        () -> a.moveTo(State.STARTED, State.VERIFYING, t0.plus(Duration.ofMinutes(30))));
    assertEquals(State.STARTED, a.getState());
  }

  private Attempt matched() {
    Attempt a = attempt();
    a.bindDirectoryUser("user-1");
    a.moveTo(State.STARTED, State.VERIFYING, t0);
    a.moveTo(State.VERIFYING, State.VERIFIED, t0);
    a.moveTo(State.VERIFIED, State.MATCHED, t0);
    return a;
  }

  @Test
  void aResetIsInDoubtOnceItsWriteWentUnansweredOrItsClaimIsOld() {
    Duration timeout = Duration.ofMinutes(3);
    Attempt a = matched();
    a.moveTo(State.MATCHED, State.RESETTING, t0.plusSeconds(10));
    a.resetStarted(t0.plusSeconds(10));
    assertFalse(a.isResetInDoubt(t0.plusSeconds(20), timeout), "a fresh claim is at work");
    assertTrue(
        a.isResetInDoubt(t0.plusSeconds(10).plus(timeout), timeout),
        "a claim this old is abandoned");
    a.resetChecked(t0.plusSeconds(40));
    assertTrue(
        a.isResetInDoubt(t0.plusSeconds(41), timeout), "an unanswered write is in doubt at once");
    a.moveTo(State.RESETTING, State.MATCHED, t0.plusSeconds(50));
    assertFalse(a.isResetInDoubt(t0.plusSeconds(51), timeout), "only a RESETTING attempt is");
    assertEquals(
        t0.plusSeconds(40),
        a.resetProgress().checkedAt(),
        "kept, so the page can say the last try was not saved");
    a.resetStarted(t0.plusSeconds(60));
    assertNull(a.resetProgress().checkedAt(), "a new claim starts afresh");
  }
}
