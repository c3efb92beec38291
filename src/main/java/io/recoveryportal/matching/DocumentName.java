package io.recoveryportal.matching;

import static io.recoveryportal.matching.RuleResult.DOCUMENT_NAME;

import io.recoveryportal.matching.NameAlignment.Window;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The verified name in document order, and where its given names are when the claims or the name's
 * layout say so.
 *
 * <p>Incode sends no family-name claim. When {@code given_name} is a proper part of {@code name}
 * ("MICHAEL JAMES" of "MICHAEL JAMES BROWN", "VAN AN" of "NGUYEN VAN AN") it tells exactly which
 * words are given names, and the rest are family names. When it repeats the whole name (Incode's
 * published example), or is absent, the name's own layout may still say it: the machine-readable
 * zone's "SMITH&lt;&lt;JANE" and the "SMITH, JANE" form both put the family name first. Otherwise
 * the structure is unknown and {@link NameRules} infers it from where the directory surname sits. A
 * {@code given_name} that is not part of {@code name} means the claims contradict each other:
 * REVIEW.
 */
final class DocumentName {

  /** What says which words are the given names. */
  enum Order {
    /** Incode's given_name claim, a proper part of the name. */
    CLAIM,
    /** The name's layout: the MRZ's "&lt;&lt;" or a comma after the family name. */
    LAYOUT,
    /** Nothing: inferred from where the directory surname is. */
    INFERRED
  }

  private static final int SHOW_MAX = 60;
  private static final Pattern MRZ_SEPARATOR = Pattern.compile("<<");

  private final List<NameToken> words;
  private final boolean[] unitStarts;
  private final Window givenWindow;
  private final Order order;
  private final RuleResult rule;

  private DocumentName(NormalizedName name, Window givenWindow, Order order, RuleResult rule) {
    this.words = name.tokens();
    this.unitStarts = new boolean[words.size() + 1];
    int at = 0;
    for (List<NameToken> unit : name.units()) {
      unitStarts[at] = true;
      at += unit.size();
    }
    unitStarts[words.size()] = true;
    this.givenWindow = givenWindow;
    this.order = order;
    this.rule = rule;
  }

  static DocumentName of(String fullName, String givenName) {
    NormalizedName full = NameNormalizer.normalize(fullName);
    NormalizedName given = NameNormalizer.normalize(givenName);
    if (full.problem() != null) {
      return unusable(RuleStatus.FAIL, "document name unusable: " + full.problem());
    }
    if (given.problem() != null) {
      return unusable(RuleStatus.FAIL, "document given_name unusable: " + given.problem());
    }
    if (full.isBlank() && given.isBlank()) {
      return unusable(RuleStatus.MISSING, "no name in the verified identity");
    }
    if (full.isBlank()) {
      return inferred(
          given,
          givenName,
          "no name claim; given_name '" + show(given) + "' taken as the full name");
    }
    if (given.isBlank()) {
      return inferred(full, fullName, "name '" + show(full) + "'; no given_name claim");
    }
    List<NameToken> words = full.tokens();
    List<Window> at = NameAlignment.find(given.tokens(), words);
    if (at.stream().anyMatch(w -> w.start() == 0 && w.end() == words.size())) {
      return inferred(full, fullName, "given_name repeats the full name '" + show(full) + "'");
    }
    if (at.size() == 1) {
      return new DocumentName(
          full,
          at.get(0),
          Order.CLAIM,
          RuleResult.pass(
              DOCUMENT_NAME,
              "given_name '" + show(given) + "' marks the given names in '" + show(full) + "'"));
    }
    if (at.size() > 1) {
      return inferred(
          full, fullName, "given_name '" + show(given) + "' occurs twice in '" + show(full) + "'");
    }
    return unusable(
        RuleStatus.FAIL,
        "given_name '" + show(given) + "' is not part of name '" + show(full) + "'");
  }

  /**
   * No usable given_name claim: the layout of {@code raw} may still say where the family name ends.
   */
  private static DocumentName inferred(NormalizedName name, String raw, String explanation) {
    Window given = raw == null ? null : givenByLayout(raw, name.tokens().size());
    if (given != null) {
      return new DocumentName(
          name,
          given,
          Order.LAYOUT,
          RuleResult.pass(DOCUMENT_NAME, explanation + "; its layout puts the family name first"));
    }
    return new DocumentName(
        name,
        null,
        Order.INFERRED,
        RuleResult.pass(DOCUMENT_NAME, explanation + "; name order inferred"));
  }

  /**
   * The given names when the name is laid out family name first: the MRZ's primary identifier
   * before "&lt;&lt;", or one comma after the family name. A comma before a generational suffix
   * only ("JOHN SMITH, JR") says nothing.
   */
  private static Window givenByLayout(String raw, int wordCount) {
    String[] parts = raw.contains("<<") ? MRZ_SEPARATOR.split(raw, 2) : raw.split(",", -1);
    if (parts.length != 2) {
      return null;
    }
    List<NameToken> family = NameNormalizer.normalize(parts[0]).tokens();
    List<NameToken> given = NameNormalizer.normalize(parts[1]).tokens();
    if (family.isEmpty()
        || given.isEmpty()
        || family.size() + given.size() != wordCount
        || given.stream().allMatch(NameRules::isSuffix)) {
      return null;
    }
    return new Window(family.size(), wordCount);
  }

  private static DocumentName unusable(RuleStatus status, String explanation) {
    return new DocumentName(
        new NormalizedName(List.of(), null),
        null,
        Order.INFERRED,
        new RuleResult(DOCUMENT_NAME, status, explanation));
  }

  /** A name for an explanation, shortened so hostile input cannot flood the review record. */
  static String show(NormalizedName name) {
    return show(name.tokens());
  }

  static String show(List<NameToken> words) {
    return shorten(NameToken.show(words));
  }

  private static String shorten(String s) {
    return s.length() <= SHOW_MAX ? s : s.substring(0, SHOW_MAX) + "…";
  }

  /** The words of {@code window} as printed, hyphens kept: "jean-luc picard". */
  String showHyphenated(Window window) {
    StringBuilder b = new StringBuilder();
    for (int i = window.start(); i < window.end(); i++) {
      if (i > window.start()) {
        b.append(unitStarts[i] ? ' ' : '-');
      }
      b.append(words.get(i).text());
    }
    return shorten(b.toString());
  }

  boolean usable() {
    return rule.status() == RuleStatus.PASS;
  }

  /** The whole name in document order. */
  List<NameToken> words() {
    return words;
  }

  /**
   * Whether a name may begin or end before word {@code i} (0 to the word count): not inside a
   * hyphenated unit ("JEAN-LUC" is one given name, "JEAN LUC" two).
   */
  boolean unitBoundary(int i) {
    return unitStarts[i];
  }

  /** Where the claim or the layout puts the given names, or null when the structure is unknown. */
  Window givenWindow() {
    return givenWindow;
  }

  /** What fixed the given names, if anything did. */
  Order order() {
    return order;
  }

  RuleResult rule() {
    return rule;
  }
}
