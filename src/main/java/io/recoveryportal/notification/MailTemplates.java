package io.recoveryportal.notification;

import io.recoveryportal.i18n.Texts;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Builds every email from its template ({@link MailTemplate}) and named parameters, in a language:
 * the words live in {@code io/recoveryportal/notification/mail.properties} (English, the base) and
 * one {@code mail_<lang>.properties} per language beside it, never in the services that send them.
 * The language also writes the dates.
 */
public final class MailTemplates {

  private static final String BUNDLE = "io.recoveryportal.notification.mail";

  /** A rendered email. */
  public record Mail(String subject, String body) {}

  private MailTemplates() {}

  /** The email {@code template} in {@code language} with {@code parameters} filled in. */
  public static Mail render(MailTemplate template, Locale language, Map<String, ?> parameters) {
    return new Mail(
        Texts.fill(text(template.key() + ".subject", language), parameters),
        Texts.fill(text(template.key() + ".body", language), parameters));
  }

  /** A part of an email in {@code language} with its parameters filled in. */
  public static String fragment(
      MailTemplate.Fragment fragment, Locale language, Map<String, ?> parameters) {
    return Texts.fill(text(fragment.key(), language), parameters);
  }

  /** A moment as the emails write it, in the language and in UTC: "4 May 2026, 09:30 UTC". */
  public static String at(Instant when, Locale language) {
    return Texts.moment(when, language);
  }

  /** A day as the emails write it: "4 May 2026", "4. Mai 2026". */
  public static String day(Instant when, Locale language) {
    return Texts.day(when, language);
  }

  private static String text(String key, Locale language) {
    return Texts.bundle(BUNDLE, language).getString(key);
  }
}
