package io.recoveryportal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a language is chosen, and how texts, dates and durations are written in it. */
class LanguagesTest {

  private static final Locale DE = Locale.forLanguageTag("de");
  private static final Locale AR = Locale.forLanguageTag("ar");
  private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
  private static final Locale JA = Locale.forLanguageTag("ja");

  @Test
  void theTenLanguages() {
    assertEquals(10, Languages.SUPPORTED.size());
    assertEquals(Optional.of(PT_BR), Languages.supported("pt_BR"));
    assertEquals(Optional.of(PT_BR), Languages.supported("PT-br"));
    assertEquals(Optional.empty(), Languages.supported("ko"));
    assertEquals(Optional.empty(), Languages.supported("de;q=1"));
    assertTrue(Languages.rightToLeft(AR));
    assertFalse(Languages.rightToLeft(DE));
    assertEquals("Deutsch", Languages.ownName(DE));
    assertEquals("العربية", Languages.ownName(AR));
    assertEquals("日本語", Languages.ownName(JA));
  }

  @Test
  void theChoiceBeatsTheBrowserWhichBeatsTheDefault() {
    assertEquals(AR, Languages.choose("ar", "de-DE,de;q=0.9", DE));
    assertEquals(DE, Languages.choose(null, "de-DE,de;q=0.9,en;q=0.5", Languages.ENGLISH));
    assertEquals(
        DE,
        Languages.choose("xx", "ko-KR, de-AT;q=0.8", Languages.ENGLISH),
        "a regional variant counts for its language");
    assertEquals(
        PT_BR,
        Languages.choose(null, "pt-PT", Languages.ENGLISH),
        "the portal's Portuguese for any Portuguese");
    assertEquals(
        JA, Languages.choose(null, "fr;q=0, ja;q=0.5", Languages.ENGLISH), "q=0 means not wanted");
    assertEquals(DE, Languages.choose(null, "ko-KR, zh", DE), "none of ours: the default");
    assertEquals(DE, Languages.choose(null, "*", DE));
    assertEquals(
        DE, Languages.choose(null, "en;q=abc", DE), "an unreadable header is no preference");
    assertEquals(
        DE, Languages.choose(null, "x".repeat(600), DE), "an oversized header is not parsed");
  }

  @Test
  void theDefaultIsConfiguredOrEnglish() {
    assertEquals(DE, Languages.defaultLanguage(Optional.of("de")));
    assertEquals(Languages.ENGLISH, Languages.defaultLanguage(Optional.of("klingon")));
    assertEquals(Languages.ENGLISH, Languages.defaultLanguage(Optional.empty()));
  }

  @Test
  void aDirectoryUsersPreferredLanguage() {
    assertEquals(Optional.of(DE), Languages.forPerson("de-DE"));
    assertEquals(Optional.of(AR), Languages.forPerson("ar-SA"));
    assertEquals(Optional.of(PT_BR), Languages.forPerson("pt-BR"));
    assertEquals(Optional.empty(), Languages.forPerson("ko-KR"));
    assertEquals(Optional.empty(), Languages.forPerson(null));
  }

  @Test
  void textsAreFilledByNameAndNeverByMessageFormat() {
    assertEquals("a $1 \\ {helpdesk} b", Texts.fill("a {v} b", Map.of("v", "$1 \\ {helpdesk}")));
    assertThrows(IllegalArgumentException.class, () -> Texts.fill("a {v} b", Map.of()));
    assertEquals(
        "Start again",
        Texts.text(Locale.forLanguageTag("ko"), "common.start-again"),
        "a language without a file reads English");
    Text nested =
        Text.of(
            "start.notice.limited",
            "wait",
            Text.of("wait.hours", "hours", 5),
            "helpdesk",
            "the helpdesk");
    assertEquals(
        "There have been too many attempts for now. Please try again in about 5 hours, or contact the helpdesk "
            + "if you need help sooner.",
        nested.in(Languages.ENGLISH));
  }

  @Test
  void datesAndDurationsAreWrittenForTheLanguageInUtc() {
    Instant at = Instant.parse("2026-05-04T09:30:00Z");
    assertEquals("4 May 2026, 09:30 UTC", Texts.moment(at, Languages.ENGLISH));
    assertEquals("4 May 2026", Texts.day(at, Languages.ENGLISH));
    assertEquals("4. Mai 2026", Texts.day(at, DE));
    assertTrue(Texts.moment(at, DE).contains("Mai"), Texts.moment(at, DE));
    assertFalse(Texts.moment(at, JA).contains("May"), Texts.moment(at, JA));
    assertTrue(Texts.moment(at, AR).contains("مايو"), Texts.moment(at, AR));
    assertEquals("2 h 5 min", Texts.duration(Duration.ofMinutes(125), Languages.ENGLISH));
    assertEquals("3 d 2 h", Texts.duration(Duration.ofHours(74), Languages.ENGLISH));
  }
}
