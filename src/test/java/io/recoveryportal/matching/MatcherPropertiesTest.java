package io.recoveryportal.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.matching.PairsTable.Pair;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The three properties of issue 11, over generated input (jqwik) rather than hand-picked rows: a swapped pair of
 * common given names never auto-approves, a word added to a document name never turns a REVIEW into a MATCH, and a
 * placeholder birthdate never auto-approves.
 */
class MatcherPropertiesTest {

    /** Given names common in the West and in the cultures the matcher reads family name first; several are surnames too. */
    static final List<String> COMMON_GIVEN_NAMES = List.of(
            "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
            "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Paul", "Steven", "Andrew", "George", "Edward",
            "Henry", "Morgan", "Taylor", "Jordan", "Lee", "Kim", "Jean", "Marie", "Anna", "Jan", "Peter", "Simon",
            "Martin", "Abe", "Ryan", "Scott", "Howard", "Elliott", "Grant", "Owen", "Mary", "Patricia", "Jennifer",
            "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Lisa", "Margaret",
            "Emily", "Carol", "Laura", "Rebecca", "Jo", "Sue", "Wei", "Li", "Jun", "Ming", "Yan", "Min", "Lin", "Song",
            "Hong", "Yu", "Jin", "Hana", "Yuki", "Kenji", "Mai", "An", "Nam", "Minh", "Son", "Ha", "Laszlo", "Zoltan");

    private static final LocalDate BORN = LocalDate.of(1985, 6, 15);

    private static MatchResult match(VerifiedIdentity doc, DirectoryPerson dir) {
        return IdentityMatcher.match(doc, dir, MatchingPolicy.DEFAULT);
    }

    // ---- a swapped pair of common given names never auto-approves ----

    @Provide
    Arbitrary<String> givenNames() {
        return Arbitraries.of(COMMON_GIVEN_NAMES);
    }

    @Provide
    Arbitrary<String> claimShapes() {
        return Arbitraries.of("absent", "empty", "full name");
    }

    /**
     * Directory "A B", document "B A": without a given_name claim that splits it, or a layout that states the order,
     * the document may just as well be the person A B. Every pair and claim shape is tried.
     */
    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 30_000)
    void aSwappedPairOfCommonGivenNamesNeverAutoApproves(@ForAll("givenNames") String a, @ForAll("givenNames") String b,
            @ForAll("claimShapes") String shape) {
        if (a.equals(b)) {
            return;
        }
        String name = (b + " " + a).toUpperCase(Locale.ROOT);
        String claim = switch (shape) {
            case "absent" -> null;
            case "empty" -> "";
            default -> name;
        };
        MatchResult r = match(new VerifiedIdentity(name, claim, BORN), new DirectoryPerson(a, b, a + " " + b, BORN.toString()));
        assertEquals(Outcome.REVIEW, r.outcome(), a + " " + b + " / " + name + " " + r.rules());
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void noSurnameReadFamilyFirstWithoutReviewIsACommonGivenName(@ForAll("givenNames") String name) {
        NameToken word = NameNormalizer.normalize(name).tokens().get(0);
        assertTrue(!FamilyNameFirstSurnames.contains(word), name + " is listed in family-name-first-surnames.txt");
    }

    // ---- a word added to a document name never turns REVIEW into MATCH ----

    @Provide
    Arbitrary<Pair> reviewRows() {
        return Arbitraries.of(PairsTable.load().stream().filter(p -> p.expected() == Outcome.REVIEW).toList());
    }

    /** Words that are no name of the row, no generational suffix and no particle: a second person's name or a label. */
    @Provide
    Arbitrary<String> extraWords() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(2).ofMaxLength(9)
                .filter(w -> !NameRules.SUFFIXES.contains(w.toLowerCase(Locale.ROOT))
                        && !NameRules.PARTICLES.contains(w.toLowerCase(Locale.ROOT)));
    }

    @Property(tries = 3_000)
    void aWordAddedAnywhereNeverTurnsReviewIntoMatch(@ForAll("reviewRows") Pair p, @ForAll("extraWords") String word) {
        VerifiedIdentity doc = p.document();
        if (doc.fullName() == null || mentions(p, word)) {
            return;
        }
        for (String name : withWordInserted(doc.fullName(), word)) {
            VerifiedIdentity longer = new VerifiedIdentity(name, doc.givenName(), doc.birthdate(), doc.documentCountry());
            assertEquals(Outcome.REVIEW, match(longer, p.directory()).outcome(), p + ": " + name);
        }
    }

    @Provide
    Arbitrary<Pair> givenFirstMatchRows() {
        return Arbitraries.of(PairsTable.load().stream()
                .filter(p -> p.expected() == Outcome.MATCH && p.document().documentCountry() == null)
                .filter(p -> match(p.document(), p.directory()).rule(RuleResult.NAME_ORDER).orElseThrow().explanation()
                        .startsWith("given names first"))
                .toList());
    }

    /** After the surname of a given-names-first document there is nothing a careful reviewer would wave through. */
    @Property(tries = 1_000)
    void aWordAfterTheSurnameTurnsAGivenNamesFirstMatchIntoReview(@ForAll("givenFirstMatchRows") Pair p,
            @ForAll("extraWords") String word) {
        VerifiedIdentity doc = p.document();
        if (mentions(p, word)) {
            return;
        }
        String name = (doc.fullName() != null ? doc.fullName() : doc.givenName()) + " " + word;
        String claim = doc.fullName() != null ? doc.givenName() : name;
        MatchResult r = match(new VerifiedIdentity(name, claim, doc.birthdate()), p.directory());
        assertEquals(Outcome.REVIEW, r.outcome(), p + ": " + name + " " + r.rules());
        assertEquals(RuleResult.FAMILY_NAME, r.firstFailure().orElseThrow().rule(), p + ": " + name);
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
        return Stream.of(p.directory().givenName(), p.directory().surname(), p.directory().displayName(),
                        p.document().fullName(), p.document().givenName())
                .flatMap(s -> NameNormalizer.normalize(s).tokens().stream())
                .anyMatch(w::spelledLike);
    }

    // ---- a placeholder birthdate never auto-approves ----

    @Provide
    Arbitrary<Pair> matchRows() {
        return Arbitraries.of(PairsTable.load().stream().filter(p -> p.expected() == Outcome.MATCH).toList());
    }

    @Provide
    Arbitrary<LocalDate> defaultPlaceholders() {
        return Arbitraries.of(MatchingPolicy.DEFAULT_PLACEHOLDER_BIRTHDATES);
    }

    @Property(tries = 1_000)
    void aDefaultPlaceholderNeverAutoApproves(@ForAll("matchRows") Pair p, @ForAll("defaultPlaceholders") LocalDate placeholder) {
        MatchResult r = match(withBirthdate(p.document(), placeholder), withBirthdate(p.directory(), placeholder));
        assertEquals(Outcome.REVIEW, r.outcome(), p.toString());
        assertEquals(RuleStatus.MISSING, r.rule(RuleResult.BIRTHDATE).orElseThrow().status(), p.toString());
    }

    /** Any date an operator lists is a placeholder, and only the listed ones: the same row matches without it. */
    @Property(tries = 1_000)
    void aConfiguredPlaceholderNeverAutoApproves(@ForAll("matchRows") Pair p, @ForAll LocalDate date) {
        VerifiedIdentity doc = withBirthdate(p.document(), date);
        DirectoryPerson dir = withBirthdate(p.directory(), date);
        MatchingPolicy listed = MatchingPolicy.withPlaceholderBirthdates("1900-01-01, " + date);
        assertEquals(Outcome.REVIEW, IdentityMatcher.match(doc, dir, listed).outcome(), p + " " + date);
        MatchingPolicy other = MatchingPolicy.withPlaceholderBirthdates(date.plusDays(1).toString());
        assertEquals(Outcome.MATCH, IdentityMatcher.match(doc, dir, other).outcome(), p + " " + date);
    }

    private static VerifiedIdentity withBirthdate(VerifiedIdentity v, LocalDate date) {
        return new VerifiedIdentity(v.fullName(), v.givenName(), date, v.documentCountry());
    }

    private static DirectoryPerson withBirthdate(DirectoryPerson d, LocalDate date) {
        return new DirectoryPerson(d.givenName(), d.surname(), d.displayName(), date.toString());
    }
}
