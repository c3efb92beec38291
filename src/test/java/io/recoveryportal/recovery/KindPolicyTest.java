package io.recoveryportal.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.recovery.Attempt.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the kinds part ways, one row per question, read off each kind's policy (the one place that
 * decides it).
 */
class KindPolicyTest {

  private static <T> List<T> each(java.util.function.Function<KindPolicy, T> question) {
    return List.of(
        question.apply(Kind.RECOVERY.policy()),
        question.apply(Kind.ACTIVATION.policy()),
        question.apply(Kind.HELPDESK.policy()));
  }

  @Test
  void theKindsDifferExactlyHere() {
    // RECOVERY, ACTIVATION, HELPDESK
    assertEquals(
        List.of(
            Actor.person("employee"), Actor.person("new-hire"), Actor.person("helpdesk-caller")),
        each(KindPolicy::actor));
    assertEquals(List.of(true, false, true), each(KindPolicy::needsEnabledAccount));
    assertEquals(List.of(true, false, false), each(KindPolicy::carriesApprovalsOver));
    assertEquals(List.of(false, false, true), each(KindPolicy::resultFetchedByPortal));
    assertEquals(List.of(false, true, false), each(KindPolicy::activatesAccount));
    assertEquals(
        List.of(AuditType.RESET_PASSWORD, AuditType.ACTIVATION_PASSWORD, AuditType.RESET_PASSWORD),
        each(KindPolicy::passwordAuditType));
    assertEquals(
        List.of(AuditType.RESET_MFA, AuditType.ACTIVATION_MFA, AuditType.RESET_MFA),
        each(KindPolicy::mfaAuditType));
    assertEquals(
        List.of(
            AuditType.RECOVERY_COMPLETED,
            AuditType.ACTIVATION_COMPLETED,
            AuditType.RECOVERY_COMPLETED),
        each(KindPolicy::completedAuditType));
    assertEquals(
        List.of("recovery.tap", "activation.tap", "recovery.tap"), each(KindPolicy::tapKeyPrefix));
    assertEquals(
        List.of(Duration.ofMinutes(60), Duration.ofMinutes(480), Duration.ofMinutes(60)),
        each(KindPolicy::defaultTapLifetime));
    assertEquals(List.of(true, false, false), each(KindPolicy::employeeMailedOfDecision));
    assertEquals(List.of(false, false, true), each(KindPolicy::agentFollowsCase));
  }
}
