package io.recoveryportal.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.recoveryportal.recovery.Attempt.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptTest {

    private final Instant t0 = Instant.parse("2026-11-23T07:00:00Z");

    private Attempt attempt() {
        return new Attempt("h".repeat(64), Attempt.Kind.RECOVERY, Attempt.RequestedAction.PASSWORD, "jane.smith@contoso.com", t0, Duration.ofMinutes(30));
    }

    @Test
    void movesOnlyFromTheExpectedState() {
        Attempt a = attempt();
        a.moveTo(State.STARTED, State.VERIFYING, t0.plusSeconds(5));
        assertEquals(State.VERIFYING, a.getState());
        assertEquals(t0.plusSeconds(5), a.getUpdatedAt());
        // a replayed step finds the attempt already moved on
        assertThrows(IllegalStateException.class, () -> a.moveTo(State.STARTED, State.VERIFYING, t0.plusSeconds(6)));
        assertEquals(State.VERIFYING, a.getState());
    }

    @Test
    void anExpiredAttemptCannotMove() {
        Attempt a = attempt();
        assertThrows(IllegalStateException.class, () -> a.moveTo(State.STARTED, State.VERIFYING, t0.plus(Duration.ofMinutes(30))));
        assertEquals(State.STARTED, a.getState());
    }
}
