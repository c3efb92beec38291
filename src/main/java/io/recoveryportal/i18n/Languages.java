package io.recoveryportal.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The portal's languages and how one is chosen for a request: the person's explicit choice (the
 * language cookie), otherwise the browser's {@code Accept-Language}, otherwise {@code
 * portal.default-language}. Pure: the filter and the error pages ask it with what the request
 * carried.
 */
public final class Languages {

  /**
   * The ten languages at launch, in the switcher's order. English is the bundles' base (root) file.
   */
  public static final List<Locale> SUPPORTED =
      List.of(
          Locale.forLanguageTag("en"),
          Locale.forLanguageTag("de"),
          Locale.forLanguageTag("fr"),
          Locale.forLanguageTag("es"),
          Locale.forLanguageTag("pt-BR"),
          Locale.forLanguageTag("it"),
          Locale.forLanguageTag("nl"),
          Locale.forLanguageTag("pl"),
          Locale.forLanguageTag("ja"),
          Locale.forLanguageTag("ar"));

  public static final Locale ENGLISH = SUPPORTED.get(0);

  /** The request attribute where {@link LanguageFilter} leaves the request's language. */
  public static final String ATTRIBUTE = "io.recoveryportal.language";

  private static final int MAX_HEADER = 512;

  private Languages() {}

  /** The supported language with this tag ("de", "pt-BR", also "pt_BR"), if it is one. */
  public static Optional<Locale> supported(String tag) {
    if (tag == null || tag.isBlank() || tag.length() > 16) {
      return Optional.empty();
    }
    String normal = tag.trim().replace('_', '-');
    return SUPPORTED.stream().filter(l -> l.toLanguageTag().equalsIgnoreCase(normal)).findFirst();
  }

  /** The configured default, English when it is unset or not one of the ten. */
  public static Locale defaultLanguage(Optional<String> configured) {
    return configured.flatMap(Languages::supported).orElse(ENGLISH);
  }

  /**
   * The language of a request: the cookie's when it names one of ours, otherwise the best of the
   * browser's preferences that we have (a regional variant counts for its language: de-AT is
   * German, pt-PT is our Portuguese), otherwise {@code fallback}.
   */
  public static Locale choose(String cookie, String acceptLanguage, Locale fallback) {
    return supported(cookie).or(() -> fromBrowser(acceptLanguage)).orElse(fallback);
  }

  /** A directory user's preferredLanguage ("de-DE", "fr", "pt-BR") as one of ours, if it is one. */
  public static Optional<Locale> forPerson(String preferredLanguage) {
    return supported(preferredLanguage).or(() -> fromBrowser(preferredLanguage));
  }

  static Optional<Locale> fromBrowser(String acceptLanguage) {
    if (acceptLanguage == null
        || acceptLanguage.isBlank()
        || acceptLanguage.length() > MAX_HEADER) {
      return Optional.empty();
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(acceptLanguage);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (Locale.LanguageRange range : ranges) {
      if (range.getWeight() <= 0 || range.getRange().equals("*")) {
        continue;
      }
      Locale exact = Locale.lookup(List.of(range), SUPPORTED);
      if (exact != null) {
        return Optional.of(exact);
      }
      String language = range.getRange().split("-")[0];
      Optional<Locale> same =
          SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
      if (same.isPresent()) {
        return same;
      }
    }
    return Optional.empty();
  }

  /** Arabic is written right to left. */
  public static boolean rightToLeft(Locale language) {
    return "ar".equals(language.getLanguage());
  }

  /** The language's own name for itself ("Deutsch", "العربية"), for the switcher. */
  public static String ownName(Locale language) {
    String name = language.getDisplayName(language);
    return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(language) + name.substring(1);
  }
}
