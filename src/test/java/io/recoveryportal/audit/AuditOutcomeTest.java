package io.recoveryportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recoveryportal.helpdesk.HelpdeskStatus;
import io.recoveryportal.review.ReviewCases;
import io.recoveryportal.staff.StaffSignInException;
import io.recoveryportal.verification.VerificationFailedException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outcomes written from another package's enum ({@link AuditOutcome#of}) each have their audit
 * outcome.
 */
class AuditOutcomeTest {

  static Stream<Enum<?>> mirrored() {
    return Stream.of(
            VerificationFailedException.Reason.values(),
            StaffSignInException.Reason.values(),
            HelpdeskStatus.values(),
            ReviewCases.Result.values())
        .flatMap(Arrays::stream);
  }

  @ParameterizedTest
  @MethodSource("mirrored")
  void eachValueHasItsOutcome(Enum<?> value) {
    assertEquals(value.name(), AuditOutcome.of(value).name());
  }

  @org.junit.jupiter.api.Test
  void anActorIsWrittenAsTheTrailWroteItBefore() {
    assertEquals(
        List.of(
            "staff:oid-1",
            "staff:unknown",
            "employee",
            "system",
            "portal",
            "system:sla",
            "incode-webhook"),
        Stream.of(
                Actor.staff("oid-1"),
                Actor.staff(null),
                Actor.person("employee"),
                Actor.system(null),
                Actor.system("portal"),
                Actor.system("sla"),
                Actor.incodeWebhook())
            .map(Actor::label)
            .toList());
  }
}
