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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The family-name, given-name and name-order rules. They are decided together: a MATCH needs one
 * reading of the document in which the directory surname and given names occupy different words, no
 * word is left over but generational suffixes and name particles (or, where the document's country
 * says so, a second surname), and the order of the names is stated or unambiguous. Reported
 * separately so the reviewer sees which part disagreed.
 */
final class NameRules {

  /** Generational suffixes: a word after the name that does not make it another person's. */
  static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

  /**
   * Name particles (Dutch, German, French, Italian, Spanish, Portuguese, Scandinavian, Arabic): a
   * directory may store them apart from the surname or drop them. The one-letter connectors (García
   * y López, Costa e Silva, Puig i Cadafalch) count only between words, since a last lone letter is
   * more likely an initial.
   */
  static final Set<String> PARTICLES =
      Set.of(
          "van", "von", "der", "den", "ter", "ten", "te", "zu", "zum", "zur", "de", "des", "du",
          "la", "le", "di", "da", "das", "do", "dos", "del", "della", "dei", "af", "av", "al", "el",
          "bin", "ibn", "bint", "binti", "ben");

  private static final Set<String> CONNECTORS = Set.of("y", "e", "i");

  /**
   * One way to read the document: these words are the directory surname, those are the given names.
   *
   * @param family the words spelling the directory surname
   * @param given the words holding the given names (the claim's or layout's, or those before/after
   *     the surname)
   * @param familyFirst whether the family name comes first (Vietnamese, Chinese, Hungarian
   *     documents)
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

  /** The document's issuing state or nationality (ICAO three-letter code), or null when unknown. */
  private final String country;

  private NameRules(
      DocumentName doc, NormalizedName dirGiven, NormalizedName dirSurname, String country) {
    this.doc = doc;
    this.words = doc.words();
    this.dirGiven = dirGiven;
    this.dirSurname = dirSurname;
    this.country = country;
  }

  /** family-name, given-name and name-order, in that order. */
  static List<RuleResult> evaluate(
      DocumentName doc,
      String directoryGivenName,
      String directorySurname,
      String documentCountry) {
    if (!doc.usable()) {
      String why = "not assessed: document name unusable";
      return List.of(missing(FAMILY_NAME, why), missing(GIVEN_NAME, why), missing(NAME_ORDER, why));
    }
    return new NameRules(
            doc,
            NameNormalizer.normalize(directoryGivenName),
            NameNormalizer.normalize(directorySurname),
            documentCountry)
        .evaluate();
  }

  /** A generational suffix (JR, SR, II, III, IV). */
  static boolean isSuffix(NameToken word) {
    return SUFFIXES.contains(word.plain());
  }

  private List<RuleResult> evaluate() {
    Optional<String> surnameIssue = issue("surname", dirSurname);
    Optional<String> givenIssue = issue("given name", dirGiven);
    List<Window> anywhere =
        surnameIssue.isPresent() ? List.of() : NameAlignment.find(dirSurname.tokens(), words);
    List<Reading> readings = readings(anywhere);

    if (surnameIssue.isEmpty() && givenIssue.isEmpty()) {
      // The first reading whose names fit decides, unless a later one is clean: "LEE LEE" read
      // either way.
      List<RuleResult> firstFit = null;
      for (Reading r : readings) {
        Optional<Anchor> anchor =
            r.anchors().stream().filter(a -> givenFits(r.given(), a, true)).findFirst();
        if (anchor.isPresent()) {
          List<RuleResult> verdict =
              List.of(
                  familyVerdict(r, anywhere),
                  givenPass(r, anchor.get()),
                  orderVerdict(r, anywhere));
          if (verdict.stream().allMatch(v -> v.status() == RuleStatus.PASS)) {
            return verdict;
          }
          firstFit = firstFit != null ? firstFit : verdict;
        }
      }
      if (firstFit != null) {
        return firstFit;
      }
    }

    RuleResult family =
        surnameIssue
            .map(why -> missing(FAMILY_NAME, why))
            .orElseGet(() -> familyFailure(anywhere, readings));
    if (givenIssue.isPresent()) {
      return List.of(
          family,
          missing(GIVEN_NAME, givenIssue.get()),
          missing(NAME_ORDER, "not assessed: directory given name unusable"));
    }
    // The given name fits only if it may reuse words the surname needs ("Lee Lee" against LEE
    // SMITH): an order problem.
    Window all = new Window(0, words.size());
    boolean onlyOnFamilyWords =
        !readings.isEmpty()
            && doc.givenWindow() == null
            && (givenFits(all, Anchor.FIRST, true) || givenFits(all, Anchor.LAST, true));
    if (onlyOnFamilyWords) {
      return List.of(
          family,
          pass(GIVEN_NAME, "given name '" + show(dirGiven) + "' is on the document"),
          fail(
              NAME_ORDER,
              "given name '"
                  + show(dirGiven)
                  + "' and family name '"
                  + show(dirSurname)
                  + "' only found sharing words of '"
                  + show(words)
                  + "'"));
    }
    Reading primary = readings.isEmpty() ? fallbackReading() : readings.get(0);
    RuleResult given = givenVerdict(primary);
    // Both passing cannot reach here: a passing family name gives readings, and a fitting one
    // returned above.
    String orderWhy =
        family.status() != RuleStatus.PASS
            ? "not assessed: family name not matched"
            : "not assessed: given name not matched";
    return List.of(family, given, missing(NAME_ORDER, orderWhy));
  }

  /**
   * Whether the directory given names fit the document words of {@code window}, whole hyphenated
   * names only if asked.
   */
  private boolean givenFits(Window window, Anchor anchor, boolean wholeNames) {
    return NameAlignment.givenNamesFit(
        dirGiven.unitTokens(),
        window.of(words),
        anchor,
        k -> !wholeNames || doc.unitBoundary(window.start() + k));
  }

  /** Why a directory name cannot be compared, if it cannot. */
  private static Optional<String> issue(String what, NormalizedName name) {
    if (name.isBlank()) {
      return Optional.of("directory has no " + what);
    }
    if (name.problem() != null) {
      // Transliterating Cyrillic, Greek or CJK is many-to-many (Олександр: OLEKSANDR or ALEKSANDR),
      // so a person compares.
      return Optional.of(
          "directory " + what + " unusable: " + name.problem() + "; compare by hand");
    }
    return Optional.empty();
  }

  /**
   * The readings each place where the surname was found allows, given-name-first ones first. With
   * the claim's or the layout's structure the given names are fixed and the surname must lie
   * outside them; without it, the words before the surname are given names, or, when the surname
   * opens the name, the words after it. A hyphenated unit is never split between the two: in
   * SMITH-JONES, SMITH belongs with JONES.
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
        int end = w.start();
        while (end > 0 && !doc.unitBoundary(end)) {
          end--;
        }
        if (end > 0) {
          out.add(new Reading(w, new Window(0, end), false));
        }
      } else if (w.end() < words.size()) {
        int start = w.end();
        while (start < words.size() && !doc.unitBoundary(start)) {
          start++;
        }
        if (start < words.size()) {
          out.add(new Reading(w, new Window(start, words.size()), true));
        }
      }
    }
    out.sort(Comparator.comparing(Reading::familyFirst));
    return out;
  }

  /** Where to look for the given names when the surname gave no reading. */
  private Reading fallbackReading() {
    Window given = doc.givenWindow();
    return given != null
        ? new Reading(null, given, given.start() > 0)
        : new Reading(null, new Window(0, words.size()), false);
  }

  private RuleResult familyFailure(List<Window> anywhere, List<Reading> readings) {
    if (!readings.isEmpty()) {
      // No reading fits the given names: that is the finding, so the surname is only reported as
      // found.
      Reading r = readings.get(0);
      NameToken dir = NameToken.joined(dirSurname.tokens());
      NameToken found = NameToken.joined(r.family().of(words));
      return pass(
          FAMILY_NAME,
          "family name '"
              + dir.text()
              + "' found in document as '"
              + found.text()
              + "'"
              + spellingNote(dir, found));
    }
    if (!anywhere.isEmpty() && doc.givenWindow() != null) {
      return fail(
          FAMILY_NAME,
          "family name '"
              + show(dirSurname)
              + "' only found among the document's given names '"
              + show(doc.givenWindow().of(words))
              + "'");
    }
    if (!anywhere.isEmpty()) {
      return fail(
          FAMILY_NAME,
          "family name '"
              + show(dirSurname)
              + "' is the whole document name '"
              + show(words)
              + "'; no given name left");
    }
    return fail(
        FAMILY_NAME,
        "family name '" + show(dirSurname) + "' not in document name '" + show(words) + "'");
  }

  /**
   * The surname was found; what about the document words that are neither it nor given names?
   * Suffixes and particles are fine. Anything else is a second surname or another word altogether
   * (a second person's name, a field label the reader picked up): a PASS only where the document's
   * country uses a convention that leaves exactly that surname out.
   */
  private RuleResult familyVerdict(Reading r, List<Window> surnameAt) {
    NameToken dir = NameToken.joined(dirSurname.tokens());
    if (doc.order() == DocumentName.Order.INFERRED
        && !r.familyFirst()
        && surnameAt.stream().anyMatch(w -> w.start() > 0 && w.end() <= r.given().end())) {
      // JOHN SMITH MARY SMITH read as given names JOHN SMITH MARY would hide a second person's name
      return fail(
          FAMILY_NAME,
          "family name '"
              + dir.text()
              + "' is also among the words read as given names '"
              + show(r.given().of(words))
              + "': the name may hold two people's names");
    }
    List<Integer> before = new ArrayList<>();
    List<Integer> after = new ArrayList<>();
    List<NameToken> minor = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      boolean inFamily = i >= r.family().start() && i < r.family().end();
      boolean inGiven = i >= r.given().start() && i < r.given().end();
      if (inFamily || inGiven) {
        continue;
      }
      if (isSuffix(words.get(i)) || isParticle(i)) {
        minor.add(words.get(i));
      } else {
        (i < r.family().start() ? before : after).add(i);
      }
    }
    NameToken found = NameToken.joined(r.family().of(words));
    String text =
        "family name '"
            + dir.text()
            + "' found in document as '"
            + found.text()
            + "'"
            + spellingNote(dir, found);
    String minorNote = minor.isEmpty() ? "" : "; '" + show(minor) + "' read as suffix or particle";
    if (before.isEmpty() && after.isEmpty()) {
      return pass(FAMILY_NAME, text + minorNote);
    }
    SurnameConvention convention = country == null ? null : SurnameConvention.of(country);
    if (before.isEmpty() && units(after) == 1 && convention == SurnameConvention.SPANISH) {
      return pass(
          FAMILY_NAME,
          text
              + minorNote
              + "; '"
              + show(of(after))
              + "' is the second surname, left out in Spanish usage"
              + " (document from "
              + country
              + ")");
    }
    if (after.isEmpty() && units(before) == 1 && convention == SurnameConvention.PORTUGUESE) {
      return pass(
          FAMILY_NAME,
          text
              + minorNote
              + "; '"
              + show(of(before))
              + "' is the first surname, left out in Portuguese usage"
              + " (document from "
              + country
              + ")");
    }
    if (before.isEmpty() && units(after) == 1) {
      return fail(
          FAMILY_NAME,
          "document has '"
              + show(of(after))
              + "' after the family name '"
              + dir.text()
              + "': the directory may hold only part of a two-part surname, which only Spanish usage allows and "
              + countryClause(convention)
              + ", or it is another word (a second person's name, a field label)");
    }
    if (before.isEmpty()) {
      return fail(
          FAMILY_NAME,
          "document has '"
              + show(of(after))
              + "' after the family name '"
              + dir.text()
              + "': not a generational suffix (jr, sr, ii, iii, iv) or a name particle");
    }
    List<NameToken> familyWords = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (i < r.given().start() || i >= r.given().end()) {
        familyWords.add(words.get(i));
      }
    }
    String why =
        after.isEmpty() && units(before) == 1
            ? ": only Portuguese usage leaves out the first surname, and "
                + countryClause(convention)
            : "";
    return fail(
        FAMILY_NAME,
        "directory surname '"
            + dir.text()
            + "' is only part of the document's family names '"
            + show(familyWords)
            + "'"
            + why);
  }

  private String countryClause(SurnameConvention convention) {
    if (convention == null) {
      return "Incode's claims do not give the document's country";
    }
    return "the document is from " + country + ", where " + convention.rule();
  }

  /** A name particle; a one-letter connector only with a word after it. */
  private boolean isParticle(int i) {
    String w = words.get(i).plain();
    return PARTICLES.contains(w) || CONNECTORS.contains(w) && i < words.size() - 1;
  }

  /**
   * How many of the document's whitespace-separated units the words at these positions belong to.
   */
  private int units(List<Integer> positions) {
    int count = 0;
    for (int k = 0; k < positions.size(); k++) {
      int i = positions.get(k);
      if (k == 0 || doc.unitBoundary(i) || positions.get(k - 1) != i - 1) {
        count++;
      }
    }
    return count;
  }

  private List<NameToken> of(List<Integer> positions) {
    return positions.stream().map(words::get).toList();
  }

  private RuleResult givenPass(Reading r, Anchor anchor) {
    String docGiven = show(r.given().of(words));
    String where =
        anchor == Anchor.FIRST
            ? "starts the document given names '" + docGiven + "'"
            : "ends the document given names '"
                + docGiven
                + "' (family name first; earlier names taken as middle names)";
    return pass(GIVEN_NAME, "given name '" + show(dirGiven) + "' " + where);
  }

  private RuleResult givenVerdict(Reading r) {
    for (Anchor anchor : r.anchors()) {
      if (givenFits(r.given(), anchor, true)) {
        return givenPass(r, anchor);
      }
    }
    return fail(GIVEN_NAME, givenFailure(r));
  }

  private String givenFailure(Reading r) {
    List<NameToken> units = dirGiven.unitTokens();
    List<NameToken> docGiven = r.given().of(words);
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
    if (r.anchors().stream().anyMatch(a -> givenFits(r.given(), a, false))) {
      // Jean is not Jean-Luc: twins are often named so, and they share the surname and the
      // birthdate.
      return "directory given name '"
          + show(dirGiven)
          + "' is only part of a hyphenated given name in '"
          + doc.showHyphenated(r.given())
          + "'";
    }
    boolean firstFits =
        r.anchors().stream()
            .anyMatch(a -> NameAlignment.givenNamesFit(List.of(first), docGiven, a, k -> true));
    if (!firstFits) {
      return r.familyFirst()
          ? "given name '"
              + first.text()
              + "' neither starts nor ends document given names '"
              + show(docGiven)
              + "'"
          : "first given name '" + first.text() + "' ≠ document's '" + docGiven.get(0).text() + "'";
    }
    return "directory given names '"
        + show(units)
        + "' not all on document given names '"
        + show(docGiven)
        + "', in order";
  }

  /**
   * Given names first needs nothing more. Family name first does when only inferred from where the
   * surname sits: JAMES HENRY is Henry James surname-first, or James Henry. It is left to the
   * matcher only when the directory's surname and given name each occupy exactly one side and the
   * surname is one that is rarely a given name ({@link FamilyNameFirstSurnames}); otherwise the
   * other person is as plausible and a reviewer decides.
   */
  private RuleResult orderVerdict(Reading r, List<Window> surnameAt) {
    String order =
        r.familyFirst() ? "family name first on the document" : "given names first on the document";
    String source =
        switch (doc.order()) {
          case CLAIM -> " (as the given_name claim marks it)";
          case LAYOUT -> " (as the name's layout puts it)";
          case INFERRED -> " (inferred from where the surname is)";
        };
    if (!r.familyFirst() || doc.order() != DocumentName.Order.INFERRED) {
      return pass(NAME_ORDER, order + source);
    }
    String inferred =
        "family name first only inferred, and neither the claims nor the name's layout say so: ";
    if (surnameAt.size() > 1) {
      return fail(
          NAME_ORDER,
          inferred + "'" + show(dirSurname) + "' is on both sides of '" + show(words) + "'");
    }
    if (r.family().of(words).stream()
        .anyMatch(w -> dirGiven.tokens().stream().anyMatch(w::spelledLike))) {
      return fail(
          NAME_ORDER, inferred + "the given name '" + show(dirGiven) + "' is also the family name");
    }
    NameToken surname = NameToken.joined(r.family().of(words));
    if (!FamilyNameFirstSurnames.contains(surname)) {
      return fail(
          NAME_ORDER,
          inferred
              + "'"
              + surname.text()
              + "' may be a given name, and read the usual way '"
              + show(words)
              + "' is another person, given name first");
    }
    return pass(
        NAME_ORDER,
        order + source + "; '" + surname.text() + "' is a surname rarely used as a given name");
  }

  /** How two spellings of the same name differ, for the reviewer. */
  static String spellingNote(NameToken dir, NameToken doc) {
    if (dir.text().equals(doc.text())) {
      return "";
    }
    if (dir.text().replace(" ", "").equals(doc.text().replace(" ", ""))) {
      return " (spacing differs)";
    }
    if (viaIcao(dir, doc) || viaIcao(doc, dir)) {
      return " (ICAO transliteration)";
    }
    return viaNational(dir, doc) || viaNational(doc, dir)
        ? " (national passport spelling)"
        : " (diacritics ignored)";
  }

  private static boolean viaNational(NameToken a, NameToken b) {
    return !a.national().equals(a.icao())
        && (a.national().equals(b.icao()) || a.national().equals(b.plain()));
  }

  private static boolean viaIcao(NameToken a, NameToken b) {
    return !a.icao().equals(a.plain()) && (a.icao().equals(b.icao()) || a.icao().equals(b.plain()));
  }
}
