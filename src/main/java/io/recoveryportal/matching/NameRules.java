package io.recoveryportal.matching;

import static io.recoveryportal.matching.DocumentName.show;
import static io.recoveryportal.matching.RuleResult.FAMILY_NAME;
import static io.recoveryportal.matching.RuleResult.GIVEN_NAME;
import static io.recoveryportal.matching.RuleResult.NAME_ORDER;
import static io.recoveryportal.matching.RuleResult.fail;
import static io.recoveryportal.matching.RuleResult.missing;
import static io.recoveryportal.matching.RuleResult.pass;

import io.recoveryportal.matching.NameAlignment.Anchor;
import io.recoveryportal.matching.NameAlignment.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The family-name, given-name and name-order rules. They are decided together: a MATCH needs one reading of the
 * document in which the directory surname and given names occupy different words. Reported separately so the
 * reviewer sees which part disagreed.
 */
final class NameRules {

    /**
     * One way to read the document: these words are the directory surname, those are the given names.
     *
     * @param family      the words spelling the directory surname
     * @param given       the words holding the given names (the given_name claim's, or those before/after the family name)
     * @param familyFirst whether the family name comes first (Vietnamese, Chinese, Hungarian documents)
     */
    private record Reading(Window family, Window given, boolean familyFirst) {
        List<Anchor> anchors() {
            return familyFirst ? List.of(Anchor.FIRST, Anchor.LAST) : List.of(Anchor.FIRST);
        }
    }

    private final DocumentName doc;
    private final List<NameToken> words;
    private final NormalizedName dirGiven;
    private final NormalizedName dirSurname;

    private NameRules(DocumentName doc, NormalizedName dirGiven, NormalizedName dirSurname) {
        this.doc = doc;
        this.words = doc.words();
        this.dirGiven = dirGiven;
        this.dirSurname = dirSurname;
    }

    /** family-name, given-name and name-order, in that order. */
    static List<RuleResult> evaluate(DocumentName doc, String directoryGivenName, String directorySurname) {
        if (!doc.usable()) {
            String why = "not assessed: document name unusable";
            return List.of(missing(FAMILY_NAME, why), missing(GIVEN_NAME, why), missing(NAME_ORDER, why));
        }
        return new NameRules(doc, NameNormalizer.normalize(directoryGivenName), NameNormalizer.normalize(directorySurname))
                .evaluate();
    }

    private List<RuleResult> evaluate() {
        Optional<String> surnameIssue = issue("surname", dirSurname);
        Optional<String> givenIssue = issue("given name", dirGiven);
        List<Window> anywhere = surnameIssue.isPresent() ? List.of() : NameAlignment.find(dirSurname.tokens(), words);
        List<Reading> readings = readings(anywhere);

        if (surnameIssue.isEmpty() && givenIssue.isEmpty()) {
            for (Reading r : readings) {
                for (Anchor anchor : r.anchors()) {
                    if (NameAlignment.givenNamesFit(dirGiven.unitTokens(), r.given().of(words), anchor)) {
                        return List.of(familyPass(r), givenPass(r, anchor), orderPass(r));
                    }
                }
            }
        }

        RuleResult family = surnameIssue.map(why -> missing(FAMILY_NAME, why)).orElseGet(() -> familyVerdict(anywhere, readings));
        if (givenIssue.isPresent()) {
            return List.of(family, missing(GIVEN_NAME, givenIssue.get()), missing(NAME_ORDER, "not assessed: directory given name unusable"));
        }
        // The given name fits only if it may reuse words the surname needs ("Lee Lee" against LEE SMITH): an order problem.
        boolean onlyOnFamilyWords = !readings.isEmpty() && doc.givenWindow() == null
                && (NameAlignment.givenNamesFit(dirGiven.unitTokens(), words, Anchor.FIRST)
                    || NameAlignment.givenNamesFit(dirGiven.unitTokens(), words, Anchor.LAST));
        if (onlyOnFamilyWords) {
            return List.of(family,
                    pass(GIVEN_NAME, "given name '" + show(dirGiven) + "' is on the document"),
                    fail(NAME_ORDER, "given name '" + show(dirGiven) + "' and family name '"
                            + show(dirSurname) + "' only found sharing words of '" + show(words) + "'"));
        }
        Reading primary = readings.isEmpty() ? fallbackReading() : readings.get(0);
        RuleResult given = givenVerdict(primary);
        // Both passing cannot reach here: a passing family name gives readings, and a fitting one returned above.
        String orderWhy = family.status() != RuleStatus.PASS ? "not assessed: family name not matched" : "not assessed: given name not matched";
        return List.of(family, given, missing(NAME_ORDER, orderWhy));
    }

    /** Why a directory name cannot be compared, if it cannot. */
    private static Optional<String> issue(String what, NormalizedName name) {
        if (name.isBlank()) {
            return Optional.of("directory has no " + what);
        }
        if (name.problem() != null) {
            // Transliterating Cyrillic, Greek or CJK is many-to-many (Олександр: OLEKSANDR or ALEKSANDR), so a person compares.
            return Optional.of("directory " + what + " unusable: " + name.problem() + "; compare by hand");
        }
        return Optional.empty();
    }

    /**
     * The readings each place where the surname was found allows. With the given_name claim's structure the given
     * names are fixed and the surname must lie outside them; without it, words before the surname are given names,
     * or, when the surname opens the name, the words after it.
     */
    private List<Reading> readings(List<Window> surnameAt) {
        Window given = doc.givenWindow();
        List<Reading> out = new ArrayList<>();
        for (Window w : surnameAt) {
            if (given != null) {
                if (!w.overlaps(given)) {
                    out.add(new Reading(w, given, given.start() > 0));
                }
            } else if (w.start() > 0) {
                out.add(new Reading(w, new Window(0, w.start()), false));
            } else if (w.end() < words.size()) {
                out.add(new Reading(w, new Window(w.end(), words.size()), true));
            }
        }
        return out;
    }

    /** Where to look for the given names when the surname gave no reading. */
    private Reading fallbackReading() {
        Window given = doc.givenWindow();
        return given != null
                ? new Reading(null, given, given.start() > 0)
                : new Reading(null, new Window(0, words.size()), false);
    }

    private RuleResult familyVerdict(List<Window> anywhere, List<Reading> readings) {
        if (!readings.isEmpty()) {
            return familyPass(readings.get(0));
        }
        if (!anywhere.isEmpty() && doc.givenWindow() != null) {
            return fail(FAMILY_NAME, "family name '" + show(dirSurname) + "' only found among the document's given names '"
                    + show(doc.givenWindow().of(words)) + "'");
        }
        if (!anywhere.isEmpty()) {
            return fail(FAMILY_NAME, "family name '" + show(dirSurname) + "' is the whole document name '" + show(words)
                    + "'; no given name left");
        }
        return fail(FAMILY_NAME, "family name '" + show(dirSurname) + "' not in document name '" + show(words) + "'");
    }

    private RuleResult familyPass(Reading r) {
        NameToken dir = NameToken.joined(dirSurname.tokens());
        NameToken found = NameToken.joined(r.family().of(words));
        String text = "family name '" + dir.text() + "' found in document as '" + found.text() + "'" + spellingNote(dir, found);
        List<NameToken> extra = otherFamilyWords(r);
        if (!extra.isEmpty()) {
            // Spanish usage keeps the first of two surnames at work, Portuguese the last; either is a whole-word match.
            text += "; document also has '" + show(extra) + "' as further family name(s)";
        }
        return pass(FAMILY_NAME, text);
    }

    /** Document words that are neither the matched surname nor given names: a second surname, most often. */
    private List<NameToken> otherFamilyWords(Reading r) {
        List<NameToken> extra = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            boolean inFamily = i >= r.family().start() && i < r.family().end();
            boolean inGiven = i >= r.given().start() && i < r.given().end();
            if (!inFamily && !inGiven) {
                extra.add(words.get(i));
            }
        }
        return extra;
    }

    private RuleResult givenPass(Reading r, Anchor anchor) {
        String docGiven = show(r.given().of(words));
        String where = anchor == Anchor.FIRST
                ? "starts the document given names '" + docGiven + "'"
                : "ends the document given names '" + docGiven + "' (family name first; earlier names taken as middle names)";
        return pass(GIVEN_NAME, "given name '" + show(dirGiven) + "' " + where);
    }

    private RuleResult givenVerdict(Reading r) {
        List<NameToken> units = dirGiven.unitTokens();
        List<NameToken> docGiven = r.given().of(words);
        for (Anchor anchor : r.anchors()) {
            if (NameAlignment.givenNamesFit(units, docGiven, anchor)) {
                return givenPass(r, anchor);
            }
        }
        return fail(GIVEN_NAME, givenFailure(r, units, docGiven));
    }

    private static String givenFailure(Reading r, List<NameToken> units, List<NameToken> docGiven) {
        NameToken first = units.get(0);
        if (first.isInitial()) {
            return "directory first given name '" + first.text() + "' is only an initial";
        }
        if (docGiven.isEmpty()) {
            return "document has no given name";
        }
        if (!r.familyFirst() && docGiven.get(0).isInitial()) {
            return "document first given name '" + docGiven.get(0).text() + "' is only an initial";
        }
        boolean firstFits = r.anchors().stream().anyMatch(a -> NameAlignment.givenNamesFit(List.of(first), docGiven, a));
        if (!firstFits) {
            return r.familyFirst()
                    ? "given name '" + first.text() + "' neither starts nor ends document given names '" + show(docGiven) + "'"
                    : "first given name '" + first.text() + "' ≠ document's '" + docGiven.get(0).text() + "'";
        }
        return "directory given names '" + show(units) + "' not all on document given names '" + show(docGiven) + "', in order";
    }

    private RuleResult orderPass(Reading r) {
        String order = r.familyFirst() ? "family name first on the document" : "given names first on the document";
        String source = doc.givenWindow() != null ? " (as the given_name claim marks it)" : " (inferred from where the surname is)";
        return pass(NAME_ORDER, order + source);
    }

    /** How two spellings of the same name differ, for the reviewer. */
    static String spellingNote(NameToken dir, NameToken doc) {
        if (dir.text().equals(doc.text())) {
            return "";
        }
        if (dir.text().replace(" ", "").equals(doc.text().replace(" ", ""))) {
            return " (spacing differs)";
        }
        return viaIcao(dir, doc) || viaIcao(doc, dir) ? " (ICAO transliteration)" : " (diacritics ignored)";
    }

    private static boolean viaIcao(NameToken a, NameToken b) {
        return !a.icao().equals(a.plain()) && (a.icao().equals(b.icao()) || a.icao().equals(b.plain()));
    }
}
