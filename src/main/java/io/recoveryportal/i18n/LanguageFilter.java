package io.recoveryportal.i18n;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Decides each request's language once ({@link Languages#choose}) and leaves it in a request
 * attribute, where the Faces view ({@link LanguageViewHandler}), the page beans ({@link Language})
 * and the error pages ({@link ErrorPageServlet}) read it. A GET with {@code ?lang=xx} naming one of
 * the ten is the switcher: it sets the {@code __Host-lang} cookie, so the choice holds for the rest
 * of the visit, with no account and no script.
 *
 * <p>Mapped in web.xml right after the security headers, for requests, forwards and error
 * dispatches (an error page is written in the same language as the page that failed).
 */
public class LanguageFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  public static final String COOKIE = "__Host-lang";

  /** The switcher's query parameter. */
  public static final String PARAMETER = "lang";

  // a preference, not personal data: kept for a year so a returning employee finds their language
  // again
  private static final Duration KEPT = Duration.ofDays(365);

  // the configuration itself, not PortalConfig: config depends on this package for the default
  // helpdesk words
  @Inject Config config;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getAttribute(Languages.ATTRIBUTE) == null) {
      Locale chosen =
          switched(req)
              .orElseGet(
                  () ->
                      Languages.choose(cookie(req), req.getHeader("Accept-Language"), fallback()));
      switched(req)
          .ifPresent(
              l ->
                  res.addHeader(
                      "Set-Cookie",
                      COOKIE
                          + "="
                          + l.toLanguageTag()
                          + "; Path=/; Max-Age="
                          + KEPT.toSeconds()
                          + "; Secure; HttpOnly; SameSite=Lax"));
      req.setAttribute(Languages.ATTRIBUTE, chosen);
      res.setHeader("Content-Language", chosen.toLanguageTag());
      res.setHeader("Vary", "Accept-Language, Cookie");
    }
    chain.doFilter(req, res);
  }

  private Locale fallback() {
    return Languages.defaultLanguage(
        config.getOptionalValue("portal.default-language", String.class));
  }

  /** The language the switcher asked for: only on a GET, so a form cannot change it on the side. */
  private static Optional<Locale> switched(HttpServletRequest req) {
    return "GET".equals(req.getMethod())
        ? Languages.supported(req.getParameter(PARAMETER))
        : Optional.empty();
  }

  static String cookie(HttpServletRequest req) {
    Cookie[] cookies = req.getCookies();
    return cookies == null
        ? null
        : Arrays.stream(cookies)
            .filter(c -> COOKIE.equals(c.getName()))
            .map(Cookie::getValue)
            .findFirst()
            .orElse(null);
  }

  /**
   * The language the filter chose, or one worked out from the request alone (when the filter never
   * ran).
   */
  public static Locale of(HttpServletRequest req) {
    Object chosen = req.getAttribute(Languages.ATTRIBUTE);
    return chosen instanceof Locale l
        ? l
        : Languages.choose(cookie(req), req.getHeader("Accept-Language"), Languages.ENGLISH);
  }
}
