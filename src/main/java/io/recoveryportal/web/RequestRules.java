package io.recoveryportal.web;

import io.recoveryportal.cookies.FormKey;
import io.recoveryportal.i18n.ErrorPages;
import io.recoveryportal.i18n.LanguageFilter;
import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What a request must look like before any page sees it. Each refusal is answered here with the
 * portal's own page for its status and logged in one line that never quotes the request (its
 * parameters may hold an address or a password); nothing reaches Faces or the container's error
 * handling, which would answer 500 and log a stack trace:
 *
 * <ul>
 *   <li>only GET, HEAD and POST (405): the portal serves nothing else, and the container would
 *       answer PATCH or a made-up method with its own 501;
 *   <li>a Faces postback (a request carrying a view state) only by POST (405): a GET would run the
 *       form's action, and put what was typed, a password included, into URLs, history and proxy
 *       logs;
 *   <li>a "stateless" view state only with the browser's form key (400): the start and recovery
 *       pages are stateless views, whose forms carry that key instead of a view state token ({@link
 *       FormKey}); any other stateless post is a forged form, or one for a page that keeps view
 *       state;
 *   <li>a body of at most {@link #MAX_BODY_BYTES} (413), checked on its declared length before
 *       anything reads it; a form body must declare its length (411: browsers always do, and the
 *       container would parse an unbounded one);
 *   <li>a form body the container can parse (400, or 413 for a file or body over its limits),
 *       parsed here once so that a failure is a refusal rather than an exception inside Faces.
 * </ul>
 */
public class RequestRules extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(RequestRules.class.getName());

  /**
   * The largest body the portal reads: the same 2 MiB as the Faces servlet's multipart
   * max-request-size (web.xml) and the container's default limit on a parsed form. Not set as the
   * listener's max-post-size: the listener would then refuse a larger body itself, with its own
   * page and none of the portal's headers.
   */
  public static final long MAX_BODY_BYTES = 2L * 1024 * 1024;

  static final String ALLOWED_METHODS = "GET, HEAD, POST";
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");
  private static final String FACES_SERVLET = "Faces Servlet";

  /**
   * Why a request is refused: the status, the portal's page for it (i18n/ErrorPages), and what the
   * log line says (never anything the request carried).
   */
  enum Refusal {
    METHOD(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "405", "a method the portal does not serve"),
    POSTBACK_NOT_POST(
        HttpServletResponse.SC_METHOD_NOT_ALLOWED,
        "405",
        "a form's view state in a request that is not a POST"),
    STATELESS_VIEW(
        HttpServletResponse.SC_BAD_REQUEST,
        "400",
        "a stateless view state without the browser's form key"),
    TOO_LARGE(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "413", "a body over the size limit"),
    LENGTH_REQUIRED(
        HttpServletResponse.SC_LENGTH_REQUIRED, "400", "a form body without a declared length"),
    UNREADABLE_BODY(
        HttpServletResponse.SC_BAD_REQUEST, "400", "a body that cannot be parsed as a form");

    final int status;
    final String page;
    final String why;

    Refusal(int status, String page, String why) {
      this.status = status;
      this.page = page;
      this.why = why;
    }
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    Optional<Refusal> refusal = refusal(req);
    if (refusal.isPresent()) {
      refuse(req, res, refusal.get());
      return;
    }
    chain.doFilter(req, res);
  }

  private static Optional<Refusal> refusal(HttpServletRequest req) {
    String method = req.getMethod();
    if (!METHODS.contains(method)) {
      return Optional.of(Refusal.METHOD);
    }
    if (req.getContentLengthLong() > MAX_BODY_BYTES) {
      return Optional.of(Refusal.TOO_LARGE);
    }
    Optional<Refusal> body = parse(req);
    if (body.isPresent()) {
      return body;
    }
    String viewState = req.getParameter(ResponseStateManager.VIEW_STATE_PARAM);
    if (viewState != null && !"POST".equals(method)) {
      return Optional.of(Refusal.POSTBACK_NOT_POST);
    }
    if ("stateless".equals(viewState) && !FormKey.matches(req)) {
      return Optional.of(Refusal.STATELESS_VIEW);
    }
    return Optional.empty();
  }

  /**
   * Parses a posted form now, so that a body without a declared length over the limit, a multipart
   * body without a boundary or a file over the upload limit is refused here. Multipart only for the
   * Faces servlet, the only one with a multipart configuration.
   */
  private static Optional<Refusal> parse(HttpServletRequest req) {
    if (!"POST".equals(req.getMethod())) {
      return Optional.empty();
    }
    String type = Optional.ofNullable(req.getContentType()).orElse("").toLowerCase(Locale.ROOT);
    boolean multipart = type.startsWith("multipart/form-data");
    if ((multipart || type.startsWith("application/x-www-form-urlencoded"))
        && req.getContentLengthLong() < 0) {
      return Optional.of(Refusal.LENGTH_REQUIRED);
    }
    try {
      if (multipart) {
        if (!FACES_SERVLET.equals(req.getHttpServletMapping().getServletName())) {
          return Optional.of(Refusal.UNREADABLE_BODY);
        }
        req.getParts();
      } else {
        req.getParameterMap();
      }
      return Optional.empty();
    } catch (IllegalStateException e) {
      // the container's "post too large", and the multipart configuration's file and request size
      // limits
      return Optional.of(Refusal.TOO_LARGE);
    } catch (ServletException | IOException | RuntimeException e) {
      // no boundary, a broken part, a body cut short
      return Optional.of(Refusal.UNREADABLE_BODY);
    }
  }

  private void refuse(HttpServletRequest req, HttpServletResponse res, Refusal refusal)
      throws IOException {
    LOG.info(() -> "Refused a request: " + refusal.why + " (HTTP " + refusal.status + ")");
    if (refusal.status == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
      res.setHeader("Allow", ALLOWED_METHODS);
    }
    if (refusal == Refusal.TOO_LARGE) {
      // do not read the rest of a body that is too large just to keep the connection
      res.setHeader("Connection", "close");
    }
    res.setStatus(refusal.status);
    // written here rather than through the container's error page, which would dispatch a refused
    // method
    // (PROPFIND, OPTIONS) to the static-file servlet and get nothing back
    res.setContentType("text/html;charset=UTF-8");
    if (!"HEAD".equals(req.getMethod())) {
      res.getWriter().write(ErrorPages.render(refusal.page, LanguageFilter.of(req)));
    }
  }
}
