package io.recoveryportal.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameNormalizerTest {

  private static NameToken only(String raw) {
    List<NameToken> tokens = NameNormalizer.normalize(raw).tokens();
    assertEquals(1, tokens.size(), raw + " -> " + tokens);
    return tokens.get(0);
  }

  /** ICAO Doc 9303 Part 3 spelling and the plain diacritic-stripped spelling of single words. */
  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource({
    "Müller, mueller, muller",
    "MÜLLER, mueller, muller",
    "Schäfer, schaefer, schafer",
    "Köhler, koehler, kohler",
    "Groß, gross, gross",
    "GROẞ, gross, gross",
    "Søren, soeren, soren",
    "Ålesund, aalesund, alesund",
    "Dæhlie, daehlie, daehlie",
    "Bœuf, boeuf, boeuf",
    "Þór, thor, thor",
    "Guðrún, gudrun, gudrun",
    "Đoković, dokovic, dokovic",
    "Łódź, lodz, lodz",
    "Ĳzerman, ijzerman, ijzerman",
    "Ħabib, habib, habib",
    "Dvořák, dvorak, dvorak",
    "Szőke, szoke, szoke",
    "Fűzfa, fuzfa, fuzfa",
    "Peña, pena, pena",
    "Conceição, conceicao, conceicao",
    "Nguyễn, nguyen, nguyen",
    "Bērziņš, berzins, berzins",
    "Țiriac, tiriac, tiriac",
    "Tarō, taro, taro",
    "ＳＭＩＴＨ, smith, smith",
    "ﬁnn, finn, finn",
  })
  void spellsBothWays(String raw, String icao, String plain) {
    NameToken t = only(raw);
    assertEquals(icao, t.icao());
    assertEquals(plain, t.plain());
  }

  /**
   * National passport digraphs: only Đ (and the look-alike capital eth), pinyin ü and Japanese ō
   * have one.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Đoković, djokovic, dokovic",
    "ĐURĐEVIĆ, djurdjevic, durdevic",
    "ÐOKIĆ, djokic, dokic",
    "Lü, lyu, lue",
    "Satō, satoh, sato",
    "Ōno, ohno, ono",
    "Müller, myuller, mueller",
    "Peña, pena, pena",
    "Smith, smith, smith",
  })
  void nationalSpellings(String raw, String national, String icao) {
    NameToken t = only(raw);
    assertEquals(national, t.national());
    assertEquals(icao, t.icao());
  }

  @Test
  void aNationalSpellingIsOneOfTheAcceptedOnesButNotMixedWithinAWord() {
    assertTrue(only("Đorđe").spelledLike(only("DJORDJE")));
    assertTrue(only("Đorđe").spelledLike(only("DORDE")));
    assertFalse(only("Đorđe").spelledLike(only("DJORDE")));
    assertFalse(
        only("Dorde").spelledLike(only("DJORDJE")), "without the stroke there is no evidence of Đ");
    assertTrue(only("Lü").spelledLike(only("LYU")));
    assertFalse(only("Satou").spelledLike(only("Satō")), "OU is not a passport spelling of ō");
  }

  @ParameterizedTest
  @ValueSource(strings = {"İ", "ı", "I", "i", "\u0049\u0307"})
  void turkishIsFoldToPlainI(String raw) {
    assertEquals("i", only(raw).icao());
    assertEquals("i", only(raw).plain());
  }

  @Test
  void turkishWordsFoldTheSameWhateverTheCase() {
    assertTrue(only("IŞIK").spelledLike(only("ışık")));
    assertTrue(only("İBRAHİM").spelledLike(only("ibrahim")));
    assertEquals("isik", only("Işık").icao());
  }

  @Test
  void decomposedAndPrecomposedAreTheSame() {
    assertEquals(only("M\u00fcller"), only("Mu\u0308ller"));
  }

  @Test
  void transliteratedAndStrippedFormsBothMatchTheOriginal() {
    NameToken mueller = only("MUELLER");
    NameToken muller = only("MULLER");
    NameToken umlaut = only("Müller");
    assertTrue(umlaut.spelledLike(mueller));
    assertTrue(umlaut.spelledLike(muller));
    assertFalse(
        mueller.spelledLike(muller), "without the umlaut there is no evidence they are one name");
  }

  @Test
  void apostrophesJoinHyphensSplitWordsButNotUnits() {
    assertEquals("oconnor", only("O'Connor").icao());
    assertEquals("oconnor", only("O’Connor").icao());
    assertEquals("oconnor", only("Oʼconnor").icao());
    assertEquals("collell", only("Col·lell").icao());
    NormalizedName jeanLuc = NameNormalizer.normalize("Jean-Luc  Picard");
    assertEquals(
        List.of("jean", "luc", "picard"), jeanLuc.tokens().stream().map(NameToken::icao).toList());
    assertEquals(
        List.of("jeanluc", "picard"), jeanLuc.unitTokens().stream().map(NameToken::icao).toList());
    assertEquals(
        List.of("jean", "luc"),
        NameNormalizer.normalize("JEAN–LUC").tokens().stream().map(NameToken::icao).toList());
  }

  @Test
  void periodsCommasAndMrzFillersSeparate() {
    assertEquals(
        List.of("smith", "jane", "a"),
        NameNormalizer.normalize("SMITH<<JANE<A").tokens().stream().map(NameToken::icao).toList());
    assertEquals(
        List.of("smith", "jane", "a"),
        NameNormalizer.normalize("Smith, Jane A.").tokens().stream().map(NameToken::icao).toList());
    assertEquals(
        List.of("j", "r", "r", "tolkien"),
        NameNormalizer.normalize("J.R.R. Tolkien").tokens().stream().map(NameToken::icao).toList());
    assertTrue(only("J.").isInitial());
    assertFalse(only("Jo").isInitial());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "  \t ", ".", "-", "' - .", "\u0301"})
  void blankNamesHaveNoWordsAndNoProblem(String raw) {
    NormalizedName n = NameNormalizer.normalize(raw);
    assertTrue(n.isBlank(), raw);
    assertFalse(n.usable());
  }

  @Test
  void nullIsBlank() {
    assertTrue(NameNormalizer.normalize(null).isBlank());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Иван",
        "Jаne",
        "Γιώργος",
        "王伟",
        "김민준",
        "محمد",
        "JANE SMITH 😀",
        "Jane2",
        "Jane_Smith",
        "Jane\u200BSmith",
        "Jane (Contractor)",
        "Jane\u0000",
        "\uD800Jane",
        "Jane@Smith"
      })
  void otherScriptsAndSymbolsMakeANameUnusable(String raw) {
    NormalizedName n = NameNormalizer.normalize(raw);
    assertNotNull(n.problem(), raw);
    assertFalse(n.usable());
    assertTrue(n.tokens().isEmpty());
  }

  @Test
  void problemsNameTheScriptOrCharacter() {
    assertEquals("non-Latin script (CYRILLIC)", NameNormalizer.normalize("Jаne").problem());
    assertEquals("unsupported character U+1F600", NameNormalizer.normalize("Jane 😀").problem());
  }

  @Test
  void longInputIsRefusedNotProcessed() {
    assertNotNull(NameNormalizer.normalize("a".repeat(201)).problem());
    assertNull(NameNormalizer.normalize("a".repeat(200)).problem());
    assertNotNull(NameNormalizer.normalize("a ".repeat(17)).problem(), "17 words");
    assertNull(NameNormalizer.normalize("a ".repeat(16)).problem(), "16 words");
  }

  @Test
  void explanationTextKeepsDiacritics() {
    assertEquals("müller", only("MÜLLER").text());
  }
}
