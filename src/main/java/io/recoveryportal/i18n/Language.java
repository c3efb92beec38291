package io.recoveryportal.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The request's language for pages and page beans: the {@code lang} and {@code dir} of the page,
 * the switcher's links, and the words of messages made in Java ({@link #text}). One per request,
 * from {@link LanguageFilter}.
 */
@Named("language")
@RequestScoped
public class Language {

  @Inject HttpServletRequest request;

  /** One entry of the switcher: a plain link to this same page with {@code ?lang=}. */
  public record Choice(String tag, String name, String href, boolean current) {}

  public Locale getLocale() {
    return LanguageFilter.of(request);
  }

  public String getTag() {
    return getLocale().toLanguageTag();
  }

  public String getDir() {
    return Languages.rightToLeft(getLocale()) ? "rtl" : "ltr";
  }

  public List<Choice> getChoices() {
    Locale current = getLocale();
    String here = request.getRequestURI();
    // keep the page's own GET parameters (a case reference, a link's token) but not a previous
    // choice
    String kept =
        request.getQueryString() == null
            ? ""
            : Arrays.stream(request.getQueryString().split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith(LanguageFilter.PARAMETER + "="))
                .collect(Collectors.joining("&"));
    return Languages.SUPPORTED.stream()
        .map(
            l ->
                new Choice(
                    l.toLanguageTag(),
                    Languages.ownName(l),
                    here
                        + "?"
                        + (kept.isEmpty() ? "" : kept + "&")
                        + LanguageFilter.PARAMETER
                        + "="
                        + URLEncoder.encode(l.toLanguageTag(), StandardCharsets.UTF_8),
                    l.equals(current)))
        .toList();
  }

  /** A message made in Java, in this request's language. */
  public String text(Text text) {
    return text == null ? null : text.in(getLocale());
  }

  public String text(String key, Map<String, ?> parameters) {
    return Texts.text(getLocale(), key, parameters);
  }

  /**
   * A page text with one named parameter, for EL ({@code #{language.with('key', 'name', value)}}).
   */
  public String with(String key, String name, Object value) {
    return Texts.text(getLocale(), key, Map.of(name, String.valueOf(value)));
  }

  public String with2(String key, String name1, Object value1, String name2, Object value2) {
    return Texts.text(
        getLocale(), key, Map.of(name1, String.valueOf(value1), name2, String.valueOf(value2)));
  }

  public String moment(Instant when) {
    return Texts.moment(when, getLocale());
  }

  public String day(LocalDate day) {
    return Texts.day(day, getLocale());
  }
}
