package io.recoveryportal.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.recoveryportal.matching.PairsTable.Pair;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three properties of issue 11, over generated input rather than hand-picked rows: a swapped
 * pair of common given names never auto-approves, a word added to a document name never turns a
 * REVIEW into a MATCH, and a placeholder birthdate never auto-approves. Generated words and dates
 * come from a Random seeded with the row's line, so a failure names its input and repeats.
 */
class MatcherPropertiesTest {

  /**
   * Given names common in the West and in the cultures the matcher reads family name first; several
   * are surnames too.
   */
  static final List<String> COMMON_GIVEN_NAMES =
      List.of(
          "James",
          "John",
          "Robert",
          "Michael",
          "William",
          "David",
          "Richard",
          "Joseph",
          "Thomas",
          "Charles",
          "Christopher",
          "Daniel",
          "Matthew",
          "Anthony",
          "Mark",
          "Paul",
          "Steven",
          "Andrew",
          "George",
          "Edward",
          "Henry",
          "Morgan",
          "Taylor",
          "Jordan",
          "Lee",
          "Kim",
          "Jean",
          "Marie",
          "Anna",
          "Jan",
          "Peter",
          "Simon",
          "Martin",
          "Abe",
          "Ryan",
          "Scott",
          "Howard",
          "Elliott",
          "Grant",
          "Owen",
          "Mary",
          "Patricia",
          "Jennifer",
          "Linda",
          "Elizabeth",
          "Barbara",
          "Susan",
          "Jessica",
          "Sarah",
          "Karen",
          "Nancy",
          "Lisa",
          "Margaret",
          "Emily",
          "Carol",
          "Laura",
          "Rebecca",
          "Jo",
          "Sue",
          "Wei",
          "Li",
          "Jun",
          "Ming",
          "Yan",
          "Min",
          "Lin",
          "Song",
          "Hong",
          "Yu",
          "Jin",
          "Hana",
          "Yuki",
          "Kenji",
          "Mai",
          "An",
          "Nam",
          "Minh",
          "Son",
          "Ha",
          "Laszlo",
          "Zoltan");

  private static final LocalDate BORN = LocalDate.of(1985, 6, 15);
  private static final int WORDS_PER_ROW = 25;

  private static MatchResult match(VerifiedIdentity doc, DirectoryPerson dir) {
    return IdentityMatcher.match(doc, dir, MatchingPolicy.DEFAULT);
  }

  static List<String> commonGivenNames() {
    return COMMON_GIVEN_NAMES;
  }

  // ---- a swapped pair of common given names never auto-approves ----

  /**
   * Directory "A B", document "B A" for every other common name B: without a given_name claim that
   * splits it, or a layout that states the order, the document may just as well be the person A B.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("commonGivenNames")
  void aSwappedPairOfCommonGivenNamesNeverAutoApproves(String given) {
    for (String surname : COMMON_GIVEN_NAMES) {
      if (surname.equals(given)) {
        continue;
      }
      String name = (surname + " " + given).toUpperCase(Locale.ROOT);
      for (String claim : Arrays.asList(null, "", name)) {
        MatchResult r =
            match(
                new VerifiedIdentity(name, claim, BORN),
                new DirectoryPerson(given, surname, null, BORN.toString()));
        assertEquals(
            Outcome.REVIEW,
            r.outcome(),
            given + " " + surname + " / " + name + " / " + claim + " " + r.rules());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commonGivenNames")
  void noSurnameReadFamilyFirstWithoutReviewIsACommonGivenName(String name) {
    NameToken word = NameNormalizer.normalize(name).tokens().get(0);
    assertFalse(
        FamilyNameFirstSurnames.contains(word),
        name + " is listed in family-name-first-surnames.txt");
  }

  // ---- a word added to a document name never turns REVIEW into MATCH ----

  static Stream<Pair> reviewRows() {
    return PairsTable.load().stream()
        .filter(p -> p.expected() == Outcome.REVIEW && p.document().fullName() != null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reviewRows")
  void aWordAddedAnywhereNeverTurnsReviewIntoMatch(Pair p) {
    VerifiedIdentity doc = p.document();
    for (String word : extraWords(p)) {
      for (String name : withWordInserted(doc.fullName(), word)) {
        VerifiedIdentity longer =
            new VerifiedIdentity(name, doc.givenName(), doc.birthdate(), doc.documentCountry());
        assertEquals(Outcome.REVIEW, match(longer, p.directory()).outcome(), p + ": " + name);
      }
    }
  }

  static Stream<Pair> givenFirstMatchRows() {
    return PairsTable.load().stream()
        .filter(p -> p.expected() == Outcome.MATCH && p.document().documentCountry() == null)
        .filter(
            p ->
                match(p.document(), p.directory())
                    .rule(RuleResult.NAME_ORDER)
                    .orElseThrow()
                    .explanation()
                    .startsWith("given names first"));
  }

  /**
   * After the surname of a given-names-first document there is nothing a careful reviewer would
   * wave through.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("givenFirstMatchRows")
  void aWordAfterTheSurnameTurnsAGivenNamesFirstMatchIntoReview(Pair p) {
    VerifiedIdentity doc = p.document();
    for (String word : extraWords(p)) {
      String name = (doc.fullName() != null ? doc.fullName() : doc.givenName()) + " " + word;
      String claim = doc.fullName() != null ? doc.givenName() : name;
      MatchResult r = match(new VerifiedIdentity(name, claim, doc.birthdate()), p.directory());
      assertEquals(Outcome.REVIEW, r.outcome(), p + ": " + name + " " + r.rules());
      assertEquals(RuleResult.FAMILY_NAME, r.firstFailure().orElseThrow().rule(), p + ": " + name);
    }
  }

  /**
   * Random words of 2 to 9 letters that are no name of the row, no generational suffix and no
   * particle: a second person's name or a field label.
   */
  private static List<String> extraWords(Pair p) {
    Random random = new Random(p.line());
    List<String> words = new ArrayList<>();
    while (words.size() < WORDS_PER_ROW) {
      StringBuilder w = new StringBuilder();
      for (int n = 2 + random.nextInt(8); n > 0; n--) {
        w.append((char) ('A' + random.nextInt(26)));
      }
      String lower = w.toString().toLowerCase(Locale.ROOT);
      if (!NameRules.SUFFIXES.contains(lower)
          && !NameRules.PARTICLES.contains(lower)
          && !mentions(p, w.toString())) {
        words.add(w.toString());
      }
    }
    return words;
  }

  /** The name with the word after each of its words in turn, and before the first. */
  private static List<String> withWordInserted(String name, String word) {
    List<String> words = Arrays.asList(name.strip().split("\\s+"));
    List<String> out = new ArrayList<>();
    for (int i = 0; i <= words.size(); i++) {
      List<String> longer = new ArrayList<>(words);
      longer.add(i, word);
      out.add(String.join(" ", longer));
    }
    return out;
  }

  /** Whether the word spells any name of the row (then it is no extra word). */
  private static boolean mentions(Pair p, String word) {
    NameToken w = NameNormalizer.normalize(word).tokens().get(0);
    return Stream.of(
            p.directory().givenName(),
            p.directory().surname(),
            p.directory().displayName(),
            p.document().fullName(),
            p.document().givenName())
        .flatMap(s -> NameNormalizer.normalize(s).tokens().stream())
        .anyMatch(w::spelledLike);
  }

  // ---- a placeholder birthdate never auto-approves ----

  static Stream<Pair> matchRows() {
    return PairsTable.load().stream().filter(p -> p.expected() == Outcome.MATCH);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matchRows")
  void aDefaultPlaceholderNeverAutoApproves(Pair p) {
    for (LocalDate placeholder : MatchingPolicy.DEFAULT_PLACEHOLDER_BIRTHDATES) {
      MatchResult r =
          match(
              withBirthdate(p.document(), placeholder), withBirthdate(p.directory(), placeholder));
      assertEquals(Outcome.REVIEW, r.outcome(), p + " " + placeholder);
      assertEquals(
          RuleStatus.MISSING,
          r.rule(RuleResult.BIRTHDATE).orElseThrow().status(),
          p + " " + placeholder);
    }
  }

  /**
   * Any date an operator lists is a placeholder, and only the listed ones: the same row matches
   * without it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("matchRows")
  void aConfiguredPlaceholderNeverAutoApproves(Pair p) {
    Random random = new Random(p.line());
    for (int i = 0; i < WORDS_PER_ROW; i++) {
      LocalDate date =
          LocalDate.ofEpochDay(
              random.nextLong(
                  LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 30).toEpochDay()));
      VerifiedIdentity doc = withBirthdate(p.document(), date);
      DirectoryPerson dir = withBirthdate(p.directory(), date);
      MatchingPolicy listed = MatchingPolicy.withPlaceholderBirthdates("1900-01-01, " + date);
      assertEquals(
          Outcome.REVIEW, IdentityMatcher.match(doc, dir, listed).outcome(), p + " " + date);
      MatchingPolicy other = MatchingPolicy.withPlaceholderBirthdates(date.plusDays(1).toString());
      assertEquals(Outcome.MATCH, IdentityMatcher.match(doc, dir, other).outcome(), p + " " + date);
    }
  }

  private static VerifiedIdentity withBirthdate(VerifiedIdentity v, LocalDate date) {
    return new VerifiedIdentity(v.fullName(), v.givenName(), date, v.documentCountry());
  }

  private static DirectoryPerson withBirthdate(DirectoryPerson d, LocalDate date) {
    return new DirectoryPerson(d.givenName(), d.surname(), d.displayName(), date.toString());
  }
}
