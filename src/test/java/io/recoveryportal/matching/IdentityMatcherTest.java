package io.recoveryportal.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties the table cannot show: explanations, invariants of the result, and robustness on
 * hostile input.
 */
class IdentityMatcherTest {

  private static final LocalDate BORN = LocalDate.of(1985, 6, 15);
  private static final DirectoryPerson JANE =
      new DirectoryPerson("Jane", "Smith", "Jane Smith", "1985-06-15");

  private static MatchResult match(String name, String given, DirectoryPerson dir) {
    return IdentityMatcher.match(
        new VerifiedIdentity(name, given, BORN), dir, MatchingPolicy.DEFAULT);
  }

  private static RuleResult rule(MatchResult r, String name) {
    return r.rule(name).orElseThrow();
  }

  @Test
  void explanationsSayHowASpellingWasAccepted() {
    DirectoryPerson thomas = new DirectoryPerson("Thomas", "Müller", "Thomas Müller", "1985-06-15");
    assertEquals(
        "family name 'müller' found in document as 'mueller' (ICAO transliteration)",
        rule(match("THOMAS MUELLER", "THOMAS", thomas), "family-name").explanation());
    assertEquals(
        "family name 'müller' found in document as 'muller' (diacritics ignored)",
        rule(match("THOMAS MULLER", "THOMAS", thomas), "family-name").explanation());
    DirectoryPerson claire = new DirectoryPerson("Claire", "Dubois-Martin", null, "1985-06-15");
    assertEquals(
        "family name 'dubois martin' found in document as 'duboismartin' (spacing differs)",
        rule(match("CLAIRE DUBOISMARTIN", null, claire), "family-name").explanation());
  }

  @Test
  void explanationsSayWhichNationalSpellingOrLayoutWasRelied() {
    DirectoryPerson novak = new DirectoryPerson("Novak", "Đoković", null, "1985-06-15");
    assertEquals(
        "family name 'đoković' found in document as 'djokovic' (national passport spelling)",
        rule(match("NOVAK DJOKOVIC", "NOVAK", novak), "family-name").explanation());
    DirectoryPerson henry = new DirectoryPerson("Henry", "James", null, "1985-06-15");
    assertEquals(
        "family name first on the document (as the name's layout puts it)",
        rule(match("JAMES<<HENRY<<<<<<<<", null, henry), "name-order").explanation());
    assertEquals(
        "name 'james henry'; no given_name claim; its layout puts the family name first",
        rule(match("JAMES, HENRY", null, henry), "document-name").explanation());
    assertEquals(
        Outcome.REVIEW,
        match("JAMES HENRY, JR", null, henry).outcome(),
        "a comma before a suffix states no order");
  }

  @Test
  void aGivenNameThatIsPartOfAHyphenatedOneIsNamedWithTheHyphen() {
    DirectoryPerson jean = new DirectoryPerson("Jean", "Dupont", null, "1985-06-15");
    assertEquals(
        "directory given name 'jean' is only part of a hyphenated given name in 'jean-marc'",
        rule(match("JEAN-MARC DUPONT", "JEAN-MARC", jean), "given-name").explanation());
    // the same words without the hyphen: Marc is a middle name (the MRZ's spelling of Jean-Marc
    // too: documented)
    assertEquals(Outcome.MATCH, match("JEAN MARC DUPONT", "JEAN MARC", jean).outcome());
  }

  @Test
  void theSurnameConventionNeedsAThreeLetterCountry() {
    DirectoryPerson jose = new DirectoryPerson("José", "García", null, "1985-06-15");
    for (String country : new String[] {"ESP", "esp", " MEX "}) {
      assertEquals(
          Outcome.MATCH,
          IdentityMatcher.match(
                  new VerifiedIdentity("JOSE GARCIA LOPEZ", "JOSE", BORN, country),
                  jose,
                  MatchingPolicy.DEFAULT)
              .outcome(),
          country);
    }
    for (String country : new String[] {"ES", "Spain", "", "E5P"}) {
      MatchResult r =
          IdentityMatcher.match(
              new VerifiedIdentity("JOSE GARCIA LOPEZ", "JOSE", BORN, country),
              jose,
              MatchingPolicy.DEFAULT);
      assertEquals(Outcome.REVIEW, r.outcome(), country);
      assertTrue(
          rule(r, "family-name")
              .explanation()
              .contains("Incode's claims do not give the document's country"),
          country);
    }
  }

  @Test
  void placeholderBirthdatesAreConfigurable() {
    DirectoryPerson jane1970 = new DirectoryPerson("Jane", "Smith", null, "1970-01-01");
    VerifiedIdentity doc1970 = new VerifiedIdentity("JANE SMITH", "JANE", LocalDate.of(1970, 1, 1));
    assertEquals(
        Outcome.REVIEW, IdentityMatcher.match(doc1970, jane1970, MatchingPolicy.DEFAULT).outcome());
    assertEquals(
        Outcome.REVIEW,
        IdentityMatcher.match(doc1970, jane1970, null).outcome(),
        "no policy is the default policy");
    MatchingPolicy without1970 = MatchingPolicy.withPlaceholderBirthdates("1900-01-01,1901-01-01");
    assertEquals(Outcome.MATCH, IdentityMatcher.match(doc1970, jane1970, without1970).outcome());
    assertEquals(MatchingPolicy.DEFAULT, MatchingPolicy.withPlaceholderBirthdates(" "));
    assertEquals(
        Optional.of("'1970-13-01' is not an ISO date (YYYY-MM-DD)"),
        MatchingPolicy.problem("1900-01-01, 1970-13-01"));
    assertEquals(Optional.empty(), MatchingPolicy.problem(null));
  }

  @Test
  void explanationsForFailuresNameTheWordsButNoBirthdates() {
    DirectoryPerson bob = new DirectoryPerson("Bob", "Wilson", "Bob Wilson", "1975-12-01");
    MatchResult r =
        IdentityMatcher.match(
            new VerifiedIdentity("ROBERT WILSON", "ROBERT", LocalDate.of(1975, 12, 2)),
            bob,
            MatchingPolicy.DEFAULT);
    assertEquals(
        "first given name 'bob' ≠ document's 'robert'", rule(r, "given-name").explanation());
    String birthdate = rule(r, "birthdate").explanation();
    assertEquals("birthdate differs from the directory's: one day apart", birthdate);
    r.rules()
        .forEach(
            x -> assertFalse(x.explanation().matches(".*\\d{4}.*"), "a birthdate leaked: " + x));
  }

  @Test
  void displayNameInformsButNeverDecides() {
    DirectoryPerson sarah =
        new DirectoryPerson("Sarah", "O'Connor", "Sarah J. O'Connor", "1985-06-15");
    MatchResult r = match("SARAH O'CONNOR", "SARAH", sarah);
    assertEquals(RuleStatus.FAIL, rule(r, "display-name").status());
    assertEquals(
        "display name word(s) 'j' not on the document", rule(r, "display-name").explanation());
    assertFalse(rule(r, "display-name").required());
    assertEquals(Outcome.MATCH, r.outcome());
    assertEquals(Optional.empty(), r.firstFailure());
  }

  @Test
  void aMatchCannotBeBuiltAroundAFailingRequiredRule() {
    List<RuleResult> failing =
        List.of(
            new RuleResult("family-name", RuleStatus.PASS, "ok"),
            new RuleResult("birthdate", RuleStatus.MISSING, "none"));
    assertThrows(IllegalArgumentException.class, () -> new MatchResult(Outcome.MATCH, failing));
    assertThrows(IllegalArgumentException.class, () -> new MatchResult(Outcome.MATCH, List.of()));
    assertEquals(Outcome.REVIEW, MatchResult.of(failing).outcome());
    assertEquals("birthdate", MatchResult.of(failing).firstFailure().orElseThrow().rule());
    assertEquals(Outcome.REVIEW, MatchResult.of(List.of()).outcome(), "no rules, no match");
    List<RuleResult> onlyDisplayFails =
        List.of(
            new RuleResult("family-name", RuleStatus.PASS, "ok"),
            new RuleResult("display-name", RuleStatus.FAIL, "differs"));
    assertEquals(Outcome.MATCH, new MatchResult(Outcome.MATCH, onlyDisplayFails).outcome());
  }

  @Test
  void nullsAnywhereAreAReviewNotAnException() {
    assertEquals(
        Outcome.REVIEW, IdentityMatcher.match(null, null, MatchingPolicy.DEFAULT).outcome());
    assertEquals(
        Outcome.REVIEW, IdentityMatcher.match(null, JANE, MatchingPolicy.DEFAULT).outcome());
    assertEquals(
        Outcome.REVIEW,
        IdentityMatcher.match(
                new VerifiedIdentity("JANE SMITH", "JANE", BORN), null, MatchingPolicy.DEFAULT)
            .outcome());
    assertEquals(
        "document-name",
        IdentityMatcher.match(null, JANE, MatchingPolicy.DEFAULT)
            .firstFailure()
            .orElseThrow()
            .rule());
    assertEquals(
        "family-name",
        IdentityMatcher.match(
                new VerifiedIdentity("JANE SMITH", "JANE", BORN), null, MatchingPolicy.DEFAULT)
            .firstFailure()
            .orElseThrow()
            .rule());
  }

  @Test
  void hostileStringsAreAReviewWithAReason() {
    String huge = "JANE ".repeat(10_000) + "SMITH";
    MatchResult r = match(huge, huge, JANE);
    assertEquals(Outcome.REVIEW, r.outcome());
    assertEquals(
        "document name unusable: longer than 200 characters",
        rule(r, "document-name").explanation());
    MatchResult directoryHuge =
        match(
            "JANE SMITH",
            "JANE",
            new DirectoryPerson("Jane", "Smith".repeat(100), null, "1985-06-15"));
    assertEquals("family-name", directoryHuge.firstFailure().orElseThrow().rule());
    MatchResult zeroWidth = match("JANE\u200BSMITH", null, JANE);
    assertEquals(
        "document name unusable: unsupported character U+200B",
        rule(zeroWidth, "document-name").explanation());
  }

  @Test
  void manyRepeatedWordsStayFast() {
    String sixteen = "LEE ".repeat(15) + "LEE";
    DirectoryPerson lee =
        new DirectoryPerson(
            "Lee Lee Lee Lee Lee Lee Lee Lee",
            "Lee Lee Lee Lee Lee Lee Lee Lee",
            null,
            "1985-06-15");
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> assertEquals(Outcome.MATCH, match(sixteen, null, lee).outcome()));
    DirectoryPerson leeMore =
        new DirectoryPerson(
            "Lee Lee Lee Lee Lee Lee Lee Lee A", "Lee Lee Lee Lee Lee Lee Lee", null, "1985-06-15");
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> assertEquals(Outcome.REVIEW, match(sixteen, null, leeMore).outcome()));
  }

  /**
   * Random characters from every troublesome class: never an exception, never a matcher-error,
   * never a MATCH.
   */
  @Test
  void fuzzedInputNeverThrowsNorMatches() {
    String alphabet = "AaÄäÖßıİ'’-., <\u0301\u200B😀Жω王0\t\n\uD800\uDFFF\u0000";
    Random random = new Random(20261123);
    for (int i = 0; i < 3_000; i++) {
      String[] s = new String[7];
      for (int k = 0; k < s.length; k++) {
        int len = random.nextInt(25);
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < len; c++) {
          b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        s[k] = random.nextInt(10) == 0 ? null : b.toString();
      }
      MatchResult r =
          IdentityMatcher.match(
              new VerifiedIdentity(s[0], s[1], random.nextBoolean() ? BORN : null),
              new DirectoryPerson(s[2], s[3], s[4], s[5]),
              MatchingPolicy.DEFAULT);
      assertNotEquals(Outcome.MATCH, r.outcome(), () -> String.join(" | ", s));
      assertTrue(r.rule("matcher-error").isEmpty(), () -> String.join(" | ", s) + " " + r);
      assertEquals(6, r.rules().size());
    }
  }

  @Test
  void theGivenNameClaimCanRepeatTheFullNameOrNot() {
    DirectoryPerson an = new DirectoryPerson("An", "Nguyen", "Nguyen Van An", "1985-06-15");
    for (String given : new String[] {"VAN AN", "NGUYEN VAN AN", null, ""}) {
      assertEquals(
          Outcome.MATCH, match("NGUYEN VAN AN", given, an).outcome(), "given_name " + given);
    }
    assertEquals(
        "family name first on the document (as the given_name claim marks it)",
        rule(match("NGUYEN VAN AN", "VAN AN", an), "name-order").explanation());
    assertEquals(
        "family name first on the document (inferred from where the surname is); 'nguyen' is a surname rarely used as a given name",
        rule(match("NGUYEN VAN AN", "NGUYEN VAN AN", an), "name-order").explanation());
  }

  @Test
  void birthdateParsingIsStrict() {
    assertEquals(Optional.of(BORN), BirthdateRule.parse("1985-06-15"));
    assertEquals(Optional.of(BORN), BirthdateRule.parse("1985-06-15T00:00Z"));
    assertEquals(Optional.of(BORN), BirthdateRule.parse("1985-06-15T00:00:00-00:00"));
    for (String bad :
        new String[] {
          "1985-06-15T00:00:01Z",
          "1985-06-15T00:00:00",
          "1985-13-01",
          "1985-02-29",
          "+1985-06-15",
          "1985-06-15Z",
          "85-06-15",
          "1985/06/15",
          "١٩٨٥-٠٦-١٥"
        }) {
      assertEquals(Optional.empty(), BirthdateRule.parse(bad), bad);
    }
    assertEquals(Optional.of(LocalDate.of(1984, 2, 29)), BirthdateRule.parse("1984-02-29"));
  }
}
