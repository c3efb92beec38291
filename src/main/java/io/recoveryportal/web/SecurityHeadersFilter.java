package io.recoveryportal.web;

import io.recoveryportal.config.PortalConfig;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * Strict response headers on every response, error pages included. The pages use no inline scripts
 * or styles, and no scripts at all outside the helpdesk area, so the content security policy can
 * forbid them. Forms may only post to the portal itself and, because browsers apply form-action to
 * the redirect after a post, to the identity provider's origin.
 *
 * <p>Mapped in web.xml as the first filter (for requests and error dispatches), so that even a
 * request the portal refuses outright ({@link RequestRules}) carries these headers.
 */
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject PortalConfig config;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    // only the helpdesk pages (the request page's live status) and the recovery page (its waiting
    // states look
    // again by themselves: a script, because a timed meta refresh fails WCAG 2.2.1) run a script:
    // the portal's own
    // file, asking the portal only; every other page stays script-free
    String path = req.getServletPath();
    String scripts =
        path.startsWith("/helpdesk/") || "/recover.xhtml".equals(path)
            ? "script-src 'self'; connect-src 'self'; "
            : "";
    res.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; "
            + scripts
            + "style-src 'self'; img-src 'self'; "
            + "form-action 'self' "
            + origin(config.value("incode.issuer").orElse(""))
            + "; "
            + "frame-ancestors 'none'; base-uri 'none'");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    if (config.value("portal.base-url").map(u -> u.startsWith("https://")).orElse(false)) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (!req.getRequestURI().startsWith("/jakarta.faces.resource/")) {
      // pages can carry personal data: never cache them
      res.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(req, res);
  }

  private static String origin(String url) {
    try {
      URI u = URI.create(url);
      return u.getScheme() == null || u.getHost() == null
          ? ""
          : u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
