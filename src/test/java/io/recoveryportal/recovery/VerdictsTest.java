package io.recoveryportal.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.recoveryportal.matching.DirectoryPerson;
import io.recoveryportal.matching.IdentityMatcher;
import io.recoveryportal.matching.MatchResult;
import io.recoveryportal.matching.MatchingPolicy;
import io.recoveryportal.matching.VerifiedIdentity;
import io.recoveryportal.recovery.Verdicts.AccountRead;
import io.recoveryportal.verification.ProofingStatus;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The verdict table: one row per situation, the facts as the service would have them (a dash: not
 * known yet), and what comes out. The matches are the real matcher's, on demo people.
 */
class VerdictsTest {

  private static final Map<String, MatchResult> MATCHES =
      Map.of(
          "match",
              match("JANE SMITH", "JANE", LocalDate.of(1985, 6, 15), "Jane", "Smith", "1985-06-15"),
          "nickname",
              match(
                  "ROBERT WILSON",
                  "ROBERT",
                  LocalDate.of(1975, 12, 1),
                  "Bob",
                  "Wilson",
                  "1975-12-01"),
          "birthdate",
              match("JANE SMITH", "JANE", LocalDate.of(1985, 6, 16), "Jane", "Smith", "1985-06-15"),
          "no-birthdate",
              match("PRIYA PATEL", "PRIYA", LocalDate.of(1989, 3, 12), "Priya", "Patel", null));

  private static MatchResult match(
      String full, String given, LocalDate born, String dGiven, String dSurname, String dBorn) {
    return IdentityMatcher.match(
        new VerifiedIdentity(full, given, born),
        new DirectoryPerson(dGiven, dSurname, dGiven + " " + dSurname, dBorn),
        MatchingPolicy.DEFAULT);
  }

  @ParameterizedTest(name = "decoy={0} status={1} account={2} carried={3} match={4} -> {5}")
  @CsvSource({
    // decoy, status,     account,     carried, match,        verdict,        reason,
    // risk
    "true,  OK,            -,           false,   -,            Refused,        -,                     -",
    "true,  FAIL,          -,           false,   -,            Refused,        -,                     -",
    "true,  MANUAL_REVIEW, USABLE,      true,    match,        Refused,        -,                     -",
    "false, FAIL,          -,           false,   -,            Failed,         -,                     -",
    "false, MANUAL_REVIEW, -,           false,   -,            Escalate,       INCODE_MANUAL_REVIEW,  true",
    "false, OK,            -,           false,   -,            NeedsAccount,   -,                     -",
    "false, OK,            UNAVAILABLE, false,   -,            Escalate,       DIRECTORY_UNAVAILABLE, false",
    "false, OK,            CHANGED,     false,   -,            AccountChanged, -,                     -",
    "false, OK,            CHANGED,     true,    match,        AccountChanged, -,                     -",
    "false, OK,            USABLE,      false,   -,            NeedsMatch,     -,                     -",
    "false, OK,            USABLE,      true,    -,            Approved,       -,                     -",
    "false, OK,            USABLE,      true,    nickname,     Approved,       -,                     -",
    "false, OK,            USABLE,      false,   match,        Matched,        -,                     -",
    "false, OK,            USABLE,      false,   nickname,     Escalate,       NAME,                  false",
    "false, OK,            USABLE,      false,   birthdate,    Escalate,       BIRTHDATE,             true",
    "false, OK,            USABLE,      false,   no-birthdate, Escalate,       MISSING_ATTRIBUTE,     false",
  })
  void theVerdictFollowsTheTable(
      boolean decoy,
      ProofingStatus status,
      String account,
      boolean carried,
      String match,
      String verdict,
      String reason,
      String risk) {
    Verdicts.Judgement j =
        Verdicts.judge(
            decoy,
            status,
            "-".equals(account) ? null : AccountRead.valueOf(account),
            carried,
            "-".equals(match) ? null : MATCHES.get(match));
    assertEquals(verdict, j.getClass().getSimpleName());
    if (j instanceof Verdicts.Escalate e) {
      assertEquals(CaseReason.valueOf(reason), e.reason());
      assertEquals(Boolean.parseBoolean(risk), e.highRisk(), "four-eyes");
    }
  }
}
