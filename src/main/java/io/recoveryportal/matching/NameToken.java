package io.recoveryportal.matching;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One word of a name in comparable form. Documents spell a letter like ü either the ICAO way in the
 * machine-readable zone (MUELLER) or with the diacritic simply dropped (MULLER), and a few
 * countries' passports write a letter as a digraph of their own (Đ as DJ), so each word carries
 * three spellings; two words are alike when any spelling of one equals any spelling of the other.
 *
 * @param text the case-folded word with its diacritics, for explanations ("müller")
 * @param icao the ICAO Doc 9303 transliteration ("mueller")
 * @param national the national passport form where a letter has one ("đoković": "djokovic"), else
 *     the ICAO form
 * @param plain the word with diacritics stripped ("muller")
 */
public record NameToken(String text, String icao, String national, String plain) {

  /** A single letter such as the "J" of "Sarah J. O'Connor". */
  public boolean isInitial() {
    return plain.length() == 1;
  }

  /** Whether the two words are the same name under either spelling. */
  public boolean spelledLike(NameToken other) {
    for (String mine : List.of(icao, national, plain)) {
      if (mine.equals(other.icao) || mine.equals(other.national) || mine.equals(other.plain)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether this word is the initial of {@code name} ("j" of "jane"); an initial never stands for
   * an initial.
   */
  boolean abbreviates(NameToken name) {
    return isInitial() && !name.isInitial() && (name.plain.charAt(0) == plain.charAt(0));
  }

  /**
   * Several words written as one, so that "Dubois-Martin", "DUBOIS MARTIN", "DUBOISMARTIN" and
   * "O'Connor" / "O CONNOR" compare alike whatever spacing each side used.
   */
  static NameToken joined(List<NameToken> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return new NameToken(
        words.stream().map(NameToken::text).collect(Collectors.joining(" ")),
        words.stream().map(NameToken::icao).collect(Collectors.joining()),
        words.stream().map(NameToken::national).collect(Collectors.joining()),
        words.stream().map(NameToken::plain).collect(Collectors.joining()));
  }

  /** Words as a reviewer reads them: "maria jose". */
  static String show(List<NameToken> words) {
    return words.stream().map(NameToken::text).collect(Collectors.joining(" "));
  }
}
