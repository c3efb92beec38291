package io.recoveryportal.review;

import java.io.Serializable;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The side-by-side rows of the case page: each directory field next to what the document said, with
 * the rule that compared them and the words (or date parts) that differ marked. Only a reading aid
 * for the reviewer: matching ({@link io.recoveryportal.matching.IdentityMatcher}) is what decided,
 * and its outcome is shown as is.
 */
public final class Comparison {

  /** A piece of a value and whether the other side lacks it. */
  public record Part(String text, boolean differs) implements Serializable {

    private static final long serialVersionUID = 1L;
  }

  /**
   * One field: its label (a key of the messages bundle), both sides in parts, and the outcome of
   * the rule that compared it (PASS, FAIL, MISSING, or NOT_COMPARED when matching did not run, as
   * for Incode MANUAL_REVIEW).
   */
  public record Row(
      String label, List<Part> directory, List<Part> verified, String rule, String outcome)
      implements Serializable {

    private static final long serialVersionUID = 1L;
  }

  private Comparison() {}

  public static List<Row> rows(
      CaseFile.Directory d, CaseFile.Verified v, List<CaseFile.Rule> rules) {
    List<Row> rows = new ArrayList<>();
    rows.add(names("case.field.given-name", d.givenName(), v.givenName(), "given-name", rules));
    rows.add(names("case.field.family-name", d.surname(), v.fullName(), "family-name", rules));
    rows.add(
        names("case.field.display-name", d.displayName(), v.fullName(), "display-name", rules));
    rows.add(dates(d.birthdate(), v.birthdate(), rules));
    return rows;
  }

  private static Row names(
      String label, String directory, String verified, String rule, List<CaseFile.Rule> rules) {
    Set<String> dWords = folded(words(directory));
    Set<String> vWords = folded(words(verified));
    return new Row(
        label,
        marked(words(directory), vWords),
        marked(words(verified), dWords),
        rule,
        outcome(rule, rules));
  }

  private static Row dates(String directory, LocalDate verified, List<CaseFile.Rule> rules) {
    List<String> dParts = dateParts(directory);
    List<String> vParts = verified == null ? List.of() : dateParts(verified.toString());
    List<Part> d = new ArrayList<>();
    List<Part> v = new ArrayList<>();
    // compare year, month and day in place; an unreadable directory value is shown whole and marked
    boolean comparable = dParts.size() == 3 && vParts.size() == 3;
    for (int i = 0; i < dParts.size(); i++) {
      d.add(
          new Part(
              (i > 0 && comparable ? "-" : "") + dParts.get(i),
              !comparable || !dParts.get(i).equals(vParts.get(i))));
    }
    for (int i = 0; i < vParts.size(); i++) {
      v.add(
          new Part(
              (i > 0 ? "-" : "") + vParts.get(i),
              !comparable || !vParts.get(i).equals(dParts.get(i))));
    }
    return new Row("case.field.birthdate", d, v, "birthdate", outcome("birthdate", rules));
  }

  private static List<String> dateParts(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    String v = value.trim();
    if (v.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      return List.of(v.substring(0, 4), v.substring(5, 7), v.substring(8, 10));
    }
    return List.of(v);
  }

  private static String outcome(String rule, List<CaseFile.Rule> rules) {
    Optional<CaseFile.Rule> r = rules.stream().filter(x -> x.rule().equals(rule)).findFirst();
    return r.map(CaseFile.Rule::status).orElse("NOT_COMPARED");
  }

  private static List<Part> marked(List<String> words, Set<String> other) {
    return words.stream().map(w -> new Part(w, !other.contains(fold(w)))).toList();
  }

  private static List<String> words(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return List.of(value.trim().split("[\\s,]+"));
  }

  private static Set<String> folded(List<String> words) {
    Set<String> out = new HashSet<>();
    words.forEach(w -> out.add(fold(w)));
    return out;
  }

  /**
   * Case, accents and punctuation do not make a word differ: "José" and "JOSE", "O'Connor" and
   * "OCONNOR".
   */
  static String fold(String word) {
    String d = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return d.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }
}
