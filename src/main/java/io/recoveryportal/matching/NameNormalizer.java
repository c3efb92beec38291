package io.recoveryportal.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a personal name into comparable words.
 *
 * <ol>
 *   <li>Unicode NFKC, so compatibility forms (full-width letters, ligatures such as "ﬁ" or "Ĳ")
 *       become plain letters and a letter typed as base + combining mark equals the precomposed
 *       one.
 *   <li>Lower case in {@link Locale#ROOT}; the Turkish dotless ı is then mapped to i, and the dot
 *       that "İ".toLowerCase leaves behind is a combining mark dropped below, so İ, ı, I and i all
 *       fold to i, which is what ICAO Doc 9303 prescribes for the MRZ.
 *   <li>Separators: whitespace, periods, commas and the MRZ filler "&lt;" end a unit; hyphens and
 *       dashes split words inside a unit; apostrophes and the Catalan middle dot join ("O'Connor"
 *       is one word "oconnor").
 *   <li>Each word gets three spellings (see {@link NameToken}): ICAO Doc 9303 Part 3
 *       transliteration (Ä→AE, Ö→OE, Ü→UE, Å→AA, Ø→OE, Æ→AE, Œ→OE, ß→SS, Þ→TH, Ð→D, Đ→D, Ł→L, Ħ→H,
 *       Ŧ→T, Ŋ→N, ı→I, Ĳ→IJ, every other accented letter to its base letter), the national passport
 *       form of the few letters that have a digraph of their own (Đ→DJ in Serbian and older
 *       Yugoslav documents, Chinese pinyin ü→YU, Japanese ō→OH), and the plain form with diacritics
 *       dropped (Müller→muller, Søren→soren). The package description lists what is not handled.
 * </ol>
 *
 * Anything else makes the name unusable rather than being silently dropped: letters of another
 * script (a Cyrillic "а" inside "Jаne" is a classic look-alike attack, and transliterating Cyrillic
 * or Greek names varies by country, so a human compares those), digits, symbols, emoji and
 * invisible formatting characters.
 */
public final class NameNormalizer {

  /** Longer input is not a name; refusing it also bounds the work done on hostile input. */
  static final int MAX_CHARS = 200;

  /** Real names have far fewer words; this bounds the alignment search. */
  static final int MAX_WORDS = 16;

  /** Letters whose ICAO spelling differs from merely dropping the diacritic: {icao, plain}. */
  private static final Map<Integer, String[]> SPECIAL =
      Map.ofEntries(
          entry('ä', "ae", "a"),
          entry('ö', "oe", "o"),
          entry('ü', "ue", "u"),
          entry('å', "aa", "a"),
          entry('ø', "oe", "o"),
          entry('æ', "ae", "ae"),
          entry('œ', "oe", "oe"),
          entry('ß', "ss", "ss"),
          entry('þ', "th", "th"),
          entry('ð', "d", "d"),
          entry('đ', "d", "d"),
          entry('ł', "l", "l"),
          entry('ħ', "h", "h"),
          entry('ŧ', "t", "t"),
          entry('ŋ', "n", "n"),
          entry('ı', "i", "i"),
          entry('ĳ', "ij", "ij"));

  /**
   * Letters whose own country's passports use a digraph instead of the ICAO letter: Serbian (and
   * older Yugoslav) documents write Đ as DJ (DJOKOVIC); Chinese passports write the pinyin ü of Lü
   * and Nü as YU (LYU); Japanese passports may write the long ō as OH (SATOH, OHNO). A capital eth
   * Ð looks exactly like a capital Đ, and a name typed in capitals may carry either, so ð gets the
   * same form. A word gets all of them at once: a document uses one country's convention, and
   * mixing per letter would multiply the spellings.
   */
  private static final Map<Integer, String> NATIONAL =
      Map.of((int) 'đ', "dj", (int) 'ð', "dj", (int) 'ü', "yu", (int) 'ō', "oh");

  private NameNormalizer() {}

  private static Map.Entry<Integer, String[]> entry(char c, String icao, String plain) {
    return Map.entry((int) c, new String[] {icao, plain});
  }

  /**
   * The name's words, or why it cannot be compared; never throws. Null and blank give a blank name.
   */
  public static NormalizedName normalize(String raw) {
    if (raw == null) {
      return new NormalizedName(List.of(), null);
    }
    if (raw.length() > MAX_CHARS) {
      return NormalizedName.unusable("longer than " + MAX_CHARS + " characters");
    }
    String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<List<NameToken>> units = new ArrayList<>();
    List<NameToken> unit = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (endsUnit(cp)) {
        endWord(word, unit);
        endUnit(unit, units);
      } else if (isHyphen(cp)) {
        endWord(word, unit);
      } else if (isJoiner(cp)) {
        continue;
      } else if (isMark(cp)) {
        word.appendCodePoint(cp);
      } else if (Character.isLetter(cp)) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script != Character.UnicodeScript.LATIN) {
          return NormalizedName.unusable("non-Latin script (" + script + ")");
        }
        word.appendCodePoint(cp);
      } else {
        return NormalizedName.unusable(String.format("unsupported character U+%04X", cp));
      }
    }
    endWord(word, unit);
    endUnit(unit, units);
    if (units.stream().mapToInt(List::size).sum() > MAX_WORDS) {
      return NormalizedName.unusable("more than " + MAX_WORDS + " words");
    }
    return new NormalizedName(units, null);
  }

  private static boolean endsUnit(int cp) {
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || cp == '.'
        || cp == ','
        || cp == '<';
  }

  private static boolean isHyphen(int cp) {
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63;
  }

  /**
   * Apostrophes (straight, curly, modifier letters, grave, prime) and the Catalan middle dot of
   * "l·l".
   */
  private static boolean isJoiner(int cp) {
    return cp == '\''
        || cp == '`'
        || cp == 0x2018
        || cp == 0x2019
        || cp == 0x201B
        || cp == 0x02BC
        || cp == 0x02BB
        || cp == 0x2032
        || cp == 0x00B7;
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static void endWord(StringBuilder word, List<NameToken> unit) {
    if (!word.isEmpty()) {
      NameToken token = spell(word.toString());
      if (!token.plain().isEmpty()) { // a stray combining mark is not a word
        unit.add(token);
      }
      word.setLength(0);
    }
  }

  private static void endUnit(List<NameToken> unit, List<List<NameToken>> units) {
    if (!unit.isEmpty()) {
      units.add(List.copyOf(unit));
      unit.clear();
    }
  }

  /** The three spellings of one lower-case word. */
  static NameToken spell(String word) {
    StringBuilder icao = new StringBuilder();
    StringBuilder national = new StringBuilder();
    StringBuilder plain = new StringBuilder();
    Normalizer.normalize(word, Normalizer.Form.NFC)
        .codePoints()
        .forEach(
            cp -> {
              String[] special = SPECIAL.get(cp);
              String icaoForm =
                  special != null ? special[0] : stripMarks(new String(Character.toChars(cp)));
              icao.append(icaoForm);
              national.append(NATIONAL.getOrDefault(cp, icaoForm));
              plain.append(special != null ? special[1] : icaoForm);
            });
    return new NameToken(
        Normalizer.normalize(word, Normalizer.Form.NFC),
        icao.toString(),
        national.toString(),
        plain.toString());
  }

  /**
   * Canonical decomposition without the combining marks: é→e, č→c, ő→o, and the dot of a folded İ.
   */
  private static String stripMarks(String s) {
    StringBuilder out = new StringBuilder();
    Normalizer.normalize(s, Normalizer.Form.NFD)
        .codePoints()
        .filter(cp -> !isMark(cp))
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
