package io.recoveryportal.web;

import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.cookies.AttemptCookie;
import io.recoveryportal.cookies.DeviceCookie;
import io.recoveryportal.oidc.CallbackUri;
import io.recoveryportal.recovery.RecoveryService;
import io.recoveryportal.recovery.RecoverySettings;
import io.recoveryportal.recovery.RecoveryStart;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Incode sends the browser back here. The whole callback URI goes to the recovery service, which
 * checks it against the attempt in the cookie; the person is then redirected to the page that shows
 * where their attempt stands (so a reload never replays the callback). Like "Continue", it takes at
 * least the response floor, so a decoy cannot be told apart by timing here either.
 *
 * <p>When Incode could not be reached before it took the code, the answer is instead the "try
 * again" page (verify/unreachable.xhtml), whose button posts the same callback parameters back
 * here. They travel only through the person's browser, which had them in its address bar already;
 * the portal stores no code.
 */
@WebServlet(urlPatterns = "/verify/callback")
public class VerifyCallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /**
   * The request attribute the "try again" page renders as hidden fields: the callback's parameters.
   */
  public static final String RETRY_FIELDS = "io.recoveryportal.retryFields";

  @Inject RecoveryService recovery;

  @Inject RecoveryStart start;

  @Inject PortalConfig config;

  @Inject RecoverySettings settings;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    answer(req, res, req.getQueryString(), recovery::complete);
  }

  /** "Try again": the callback's parameters, posted back from the "try again" page. */
  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res)
      throws IOException, ServletException {
    StringBuilder query = new StringBuilder();
    req.getParameterMap()
        .forEach(
            (name, values) -> {
              for (String v : values) {
                query
                    .append(query.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
              }
            });
    answer(req, res, query.toString(), recovery::retry);
  }

  private void answer(
      HttpServletRequest req,
      HttpServletResponse res,
      String query,
      BiFunction<String, URI, RecoveryService.Verdict> step)
      throws IOException, ServletException {
    long started = System.nanoTime();
    // the redirect URI Incode knows is built from portal.base-url, never from the Host header
    URI callback = CallbackUri.of(config.baseUrl() + "/verify/callback", query);
    Optional<String> attemptId = AttemptCookie.read(req);
    RecoveryService.Verdict verdict =
        attemptId.map(id -> step.apply(id, callback)).orElse(RecoveryService.Verdict.INVALID);
    if (verdict == RecoveryService.Verdict.MATCHED) {
      // this browser has just proved whose it is: next time it may use face re-authentication for
      // this account
      start
          .rememberDevice(attemptId.get(), DeviceCookie.read(req).orElse(null))
          .ifPresent(token -> DeviceCookie.set(res, token, settings.reverificationWindow()));
    }
    // a refused address skips the directory read and the match: pad, so the answer takes as long
    // either way
    ResponseFloor.await(started, settings.responseFloor());
    res.setHeader("Cache-Control", "no-store");
    if (verdict == RecoveryService.Verdict.RETRY) {
      req.setAttribute(RETRY_FIELDS, fields(callback));
      req.getRequestDispatcher("/verify/unreachable.xhtml").forward(req, res);
      return;
    }
    res.sendRedirect(
        config.baseUrl()
            + "/recover.xhtml"
            + (verdict == RecoveryService.Verdict.INVALID ? "?problem=link" : ""));
  }

  /** One of the callback's parameters, for a hidden field of the "try again" form. */
  public record Field(String name, String value) {}

  /** The callback's query parameters, decoded, in their order. */
  static List<Field> fields(URI callback) {
    String q = callback.getRawQuery();
    if (q == null || q.isEmpty()) {
      return List.of();
    }
    return java.util.Arrays.stream(q.split("&"))
        .filter(p -> !p.isEmpty())
        .map(
            p -> {
              int eq = p.indexOf('=');
              String name = eq < 0 ? p : p.substring(0, eq);
              String value = eq < 0 ? "" : p.substring(eq + 1);
              return new Field(
                  java.net.URLDecoder.decode(name, StandardCharsets.UTF_8),
                  java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
            })
        .toList();
  }
}
