package io.recoveryportal.i18n;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A message for a person, not yet in words: its key in the messages bundle and its named
 * parameters. Services return these; the page that shows one writes it in the reader's language
 * ({@link #in}).
 */
public record Text(String key, Map<String, Serializable> parameters) implements Serializable {

  private static final long serialVersionUID = 1L;

  public Text {
    parameters = Map.copyOf(parameters);
  }

  public static Text of(String key) {
    return new Text(key, Map.of());
  }

  /** A text with parameters given as name, value, name, value... */
  public static Text of(String key, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("parameters come in name, value pairs");
    }
    Map<String, Serializable> p = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      // serialisable, as the page beans that hold a text must be (a cluster moves them between
      // nodes)
      p.put((String) namesAndValues[i], (Serializable) namesAndValues[i + 1]);
    }
    return new Text(key, p);
  }

  /**
   * The words in {@code language}; a parameter that is itself a Text is written in the same
   * language, and a {@link Moment} as the language writes a date and time, a {@link Span} with its
   * units.
   */
  public String in(Locale language) {
    Map<String, Object> filled = new LinkedHashMap<>();
    parameters.forEach(
        (k, v) ->
            filled.put(
                k,
                v instanceof Text t
                    ? t.in(language)
                    : v instanceof Moment m
                        ? Texts.moment(m.at(), language)
                        : v instanceof Span d ? Texts.duration(d.length(), language) : v));
    return Texts.text(language, key, filled);
  }
}
