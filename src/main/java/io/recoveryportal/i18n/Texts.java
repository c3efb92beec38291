package io.recoveryportal.i18n;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of pages and messages in a language, from {@code
 * io/recoveryportal/i18n/messages*.properties}, with named {@code {parameters}} filled in. Not
 * MessageFormat: its quoting would turn every apostrophe ("wasn't", "l'adresse") into a trap for
 * translators. Also the one way dates are written for a person: localised, in UTC, and saying so.
 */
public final class Texts {

  public static final String MESSAGES = "io.recoveryportal.i18n.messages";

  private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z]+)\\}");
  // no fallback to the JVM's default locale: a missing German file must give English, never the
  // server's language
  private static final ResourceBundle.Control CONTROL =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Texts() {}

  /**
   * The bundle {@code base} in {@code language}, falling back key by key to the base (English)
   * file.
   */
  public static ResourceBundle bundle(String base, Locale language) {
    return ResourceBundle.getBundle(base, language, Texts.class.getClassLoader(), CONTROL);
  }

  /** A page or message text with its parameters filled in. */
  public static String text(Locale language, String key, Map<String, ?> parameters) {
    return fill(bundle(MESSAGES, language).getString(key), parameters);
  }

  public static String text(Locale language, String key) {
    return text(language, key, Map.of());
  }

  /**
   * Replaces each {name}; a name without a parameter is a mistake in the text or its caller, never
   * shown as is.
   */
  public static String fill(String text, Map<String, ?> parameters) {
    Matcher m = PARAMETER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (!parameters.containsKey(name)) {
        throw new IllegalArgumentException("no value for {" + name + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(parameters.get(name))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * A moment for a person: "4 May 2026, 09:30 UTC", "4. Mai 2026, 09:30 UTC", in the language's own
   * order.
   */
  public static String moment(Instant when, Locale language) {
    return text(
        language,
        "time.utc",
        Map.of(
            "time",
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(formatting(language))
                .withZone(ZoneOffset.UTC)
                .format(when)));
  }

  /** A moment in a table, shorter: "4 May 2026, 09:30 UTC" (medium date style). */
  public static String shortMoment(Instant when, Locale language) {
    return text(
        language,
        "time.utc",
        Map.of(
            "time",
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(formatting(language))
                .withZone(ZoneOffset.UTC)
                .format(when)));
  }

  /**
   * The locale whose conventions write dates: the language itself, except that the portal's English
   * is British ("4 May 2026 at 09:30", 24-hour clock), as its words are, not the US "May 4, 2026,
   * 9:30 AM".
   */
  static Locale formatting(Locale language) {
    return "en".equals(language.getLanguage()) ? Locale.UK : language;
  }

  /** A duration as staff read it: "3 d 2 h", "2 h 5 min", "4 min", with the language's units. */
  public static String duration(Duration d, Locale language) {
    long minutes = Math.max(0, d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return text(language, "duration.days-hours", Map.of("days", days, "hours", hours));
    }
    return hours > 0
        ? text(language, "duration.hours-minutes", Map.of("hours", hours, "minutes", mins))
        : text(language, "duration.minutes", Map.of("minutes", mins));
  }

  /** A day for a person: "4 May 2026", "4. Mai 2026", "2026年5月4日". */
  public static String day(LocalDate day, Locale language) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(formatting(language))
        .format(day);
  }

  /** The UTC day of a moment. */
  public static String day(Instant when, Locale language) {
    return day(when.atOffset(ZoneOffset.UTC).toLocalDate(), language);
  }
}
