package io.recoveryportal.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.recovery.Refusal;
import io.recoveryportal.recovery.RefusalReason;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status rules: forward only, final states final, late stages still stamped. */
class HelpdeskStatusTest {

  private static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");

  private static HelpdeskRequest request() {
    return new HelpdeskRequest(
        1L,
        "agent-oid",
        "Hana Horvat",
        "INC1",
        "user-oid",
        "jane.smith@contoso.com",
        "interview-1",
        T0);
  }

  @Test
  void statusesOnlyMoveForward() {
    HelpdeskRequest r = request();
    assertTrue(r.advance(HelpdeskStatus.IN_PROGRESS, T0.plusSeconds(10)));
    assertTrue(r.advance(HelpdeskStatus.PENDING_REVIEW, T0.plusSeconds(20)));
    assertFalse(r.advance(HelpdeskStatus.IN_PROGRESS, T0.plusSeconds(30)), "no way back");
    assertEquals(
        T0.plusSeconds(10),
        r.reachedAt(HelpdeskStatus.IN_PROGRESS),
        "an earlier stage keeps its first time");
    assertTrue(r.advance(HelpdeskStatus.SUCCESS, T0.plusSeconds(40)));
    assertEquals(HelpdeskStatus.SUCCESS, r.getStatus());
  }

  @Test
  void successAndFailedAreFinalAndNeverBecomeEachOther() {
    HelpdeskRequest ok = request();
    ok.advance(HelpdeskStatus.SUCCESS, T0);
    assertFalse(ok.advance(HelpdeskStatus.FAILED, T0.plusSeconds(1)));
    assertNull(ok.reachedAt(HelpdeskStatus.FAILED), "a refused final status leaves no time behind");
    HelpdeskRequest failed = request();
    failed.advance(HelpdeskStatus.FAILED, T0);
    assertFalse(failed.advance(HelpdeskStatus.SUCCESS, T0.plusSeconds(1)));
    assertEquals(HelpdeskStatus.FAILED, failed.getStatus());
  }

  @Test
  void aLateStartAfterTheResultKeepsTheResultButFillsInTheTimeline() {
    HelpdeskRequest r = request();
    r.advance(HelpdeskStatus.SUCCESS, T0.plusSeconds(60));
    assertFalse(r.advance(HelpdeskStatus.IN_PROGRESS, T0.plusSeconds(5)));
    assertEquals(HelpdeskStatus.SUCCESS, r.getStatus());
    assertEquals(T0.plusSeconds(5), r.reachedAt(HelpdeskStatus.IN_PROGRESS));
    r.advance(HelpdeskStatus.IN_PROGRESS, T0.plusSeconds(7));
    assertEquals(
        T0.plusSeconds(5),
        r.reachedAt(HelpdeskStatus.IN_PROGRESS),
        "a second copy changes nothing");
  }

  @Test
  void theAttemptsVerdictDecidesTheFinalStatuses() {
    assertEquals(Optional.of(HelpdeskStatus.SUCCESS), HelpdeskStatus.of(State.MATCHED));
    assertEquals(Optional.of(HelpdeskStatus.SUCCESS), HelpdeskStatus.of(State.APPROVED));
    assertEquals(Optional.of(HelpdeskStatus.SUCCESS), HelpdeskStatus.of(State.COMPLETED));
    assertEquals(Optional.of(HelpdeskStatus.PENDING_REVIEW), HelpdeskStatus.of(State.ESCALATED));
    assertEquals(Optional.of(HelpdeskStatus.FAILED), HelpdeskStatus.of(State.DENIED));
    assertEquals(Optional.of(HelpdeskStatus.FAILED), HelpdeskStatus.of(State.FAILED));
    assertEquals(
        Optional.empty(),
        HelpdeskStatus.of(State.VERIFYING),
        "no verdict yet: nothing to show but the link");
    assertEquals(
        Optional.empty(), HelpdeskStatus.of(State.VERIFIED), "being judged: not Success yet");
  }

  @Test
  void refusalsAreExplainedToTheAgent() {
    assertTrue(
        HelpdeskRequests.forAgent(Refusal.of(RefusalReason.DIRECTORY_ROLE))
            .in(Locale.ENGLISH)
            .contains("holds a directory role"));
    assertTrue(
        HelpdeskRequests.forAgent(new Refusal(RefusalReason.PROTECTED_GROUP, "90a3"))
            .in(Locale.ENGLISH)
            .contains("protected group 90a3"));
    assertTrue(
        HelpdeskRequests.forAgent(Refusal.of(RefusalReason.ACCOUNT_DISABLED))
            .in(Locale.ENGLISH)
            .contains("disabled"));
    assertTrue(
        HelpdeskRequests.forAgent(Refusal.of(RefusalReason.NO_ACCOUNT))
            .in(Locale.ENGLISH)
            .contains("No account"));
    String several =
        HelpdeskRequests.forAgent(new Refusal(RefusalReason.SEVERAL_ACCOUNTS, "2"))
            .in(Locale.ENGLISH);
    assertTrue(
        several.contains("More than one account") && several.contains("several accounts (2)"),
        several);
    assertTrue(
        HelpdeskRequests.forAgent(Refusal.of(RefusalReason.OWN_ACCOUNT))
            .in(Locale.ENGLISH)
            .contains("your own account"));
    // every reason has its words for the agent: the switch has no default to fall into
    for (RefusalReason r : RefusalReason.values()) {
      assertFalse(HelpdeskRequests.forAgent(Refusal.of(r)).in(Locale.ENGLISH).isBlank(), r.name());
    }
  }
}
