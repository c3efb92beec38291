package io.recoveryportal.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recoveryportal.matching.DirectoryPerson;
import io.recoveryportal.matching.IdentityMatcher;
import io.recoveryportal.matching.MatchResult;
import io.recoveryportal.matching.MatchingPolicy;
import io.recoveryportal.matching.RuleResult;
import io.recoveryportal.matching.RuleStatus;
import io.recoveryportal.matching.VerifiedIdentity;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The queue's reason for a matching escalation, from the real matcher's rule outcomes. */
class CaseReasonTest {

  private static CaseReason reason(VerifiedIdentity v, DirectoryPerson d) {
    MatchResult m = IdentityMatcher.match(v, d, MatchingPolicy.DEFAULT);
    boolean birthdateDiffers =
        m.rules().stream()
            .anyMatch(r -> RuleResult.BIRTHDATE.equals(r.rule()) && r.status() == RuleStatus.FAIL);
    return RecoveryService.reasonOf(m, birthdateDiffers);
  }

  @Test
  void aNicknameIsANameCaseEvenThoughTheRulesAfterItAreNotAssessed() {
    assertEquals(
        CaseReason.NAME,
        reason(
            new VerifiedIdentity("ROBERT WILSON", "ROBERT", LocalDate.of(1975, 12, 1)),
            new DirectoryPerson("Bob", "Wilson", "Bob Wilson", "1975-12-01")));
  }

  @Test
  void aDirectoryWithoutABirthdateIsAMissingAttributeCase() {
    assertEquals(
        CaseReason.MISSING_ATTRIBUTE,
        reason(
            new VerifiedIdentity("PRIYA PATEL", "PRIYA", LocalDate.of(1989, 3, 12)),
            new DirectoryPerson("Priya", "Patel", "Priya Patel", null)));
  }

  @Test
  void aPlaceholderBirthdateIsAMissingAttributeCaseEvenWhenTheDocumentCarriesItToo() {
    assertEquals(
        CaseReason.MISSING_ATTRIBUTE,
        reason(
            new VerifiedIdentity("JANE SMITH", "JANE", LocalDate.of(1900, 1, 1)),
            new DirectoryPerson("Jane", "Smith", "Jane Smith", "1900-01-01")));
  }

  @Test
  void aDifferentBirthdateIsABirthdateCase() {
    assertEquals(
        CaseReason.BIRTHDATE,
        reason(
            new VerifiedIdentity("JANE SMITH", "JANE", LocalDate.of(1985, 6, 16)),
            new DirectoryPerson("Jane", "Smith", "Jane Smith", "1985-06-15")));
  }
}
