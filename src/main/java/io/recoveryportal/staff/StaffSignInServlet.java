package io.recoveryportal.staff;

import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.oidc.PendingAuthorization;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * {@code GET /staff/signin?next=/review/...}: starts a staff sign-in and sends the browser to
 * Entra. The pending request (state, nonce, PKCE verifier, where to return) stays in this browser's
 * session for the callback.
 */
@WebServlet(urlPatterns = "/staff/signin")
public class StaffSignInServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(StaffSignInServlet.class.getName());

  /** The plain page every failed or refused sign-in ends on; it offers to try again. */
  static final String PROBLEM_PAGE = "/staff/problem.xhtml";

  @Inject StaffSignInService service;

  @Inject PortalConfig config;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setHeader("Cache-Control", "no-store");
    PendingAuthorization p;
    try {
      p = service.signIn().begin();
    } catch (StaffSignInException e) {
      LOG.warning(() -> "staff sign-in cannot start: " + e.getMessage());
      res.sendRedirect(config.baseUrl() + PROBLEM_PAGE + "?reason=unavailable");
      return;
    }
    Instant now = service.clock().instant();
    StaffSessions.holdPending(
        req, PendingStaffSignIn.of(p, LocalPath.orDefault(req.getParameter("next")), now));
    res.sendRedirect(p.authorizationUri().toString());
  }
}
