package io.recoveryportal.matching;

import java.util.List;
import java.util.Objects;

/**
 * A name split into comparable words, or the reason it cannot be compared.
 *
 * @param units the name's whitespace-separated parts, each a list of words: "Jean-Luc Picard" has
 *     the units [jean, luc] and [picard]; hyphens split words but keep a compound given name one
 *     unit
 * @param problem why the name cannot be compared safely (non-Latin script, odd characters, too
 *     long), or null
 */
public record NormalizedName(List<List<NameToken>> units, String problem) {

  public NormalizedName {
    units = units.stream().map(List::copyOf).toList();
  }

  static NormalizedName unusable(String problem) {
    return new NormalizedName(List.of(), Objects.requireNonNull(problem));
  }

  /** Every word in order, hyphenated parts as separate words. */
  public List<NameToken> tokens() {
    return units.stream().flatMap(List::stream).toList();
  }

  /** One word per unit, compound given names joined ("jean luc" spelled "jeanluc"). */
  public List<NameToken> unitTokens() {
    return units.stream().map(NameToken::joined).toList();
  }

  /** No words at all (null, blank or punctuation only) and nothing wrong with it. */
  public boolean isBlank() {
    return problem == null && units.isEmpty();
  }

  /** Has words and no problem. */
  public boolean usable() {
    return problem == null && !units.isEmpty();
  }

  /** The words as a reviewer reads them. */
  public String show() {
    return NameToken.show(tokens());
  }
}
