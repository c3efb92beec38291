package io.recoveryportal.staff;

import io.recoveryportal.config.PortalConfig;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code POST /staff/signout} with the session's sign-out token (the form in
 * /WEB-INF/templates/staff-signout.xhtml): ends the whole HTTP session and shows "You are signed
 * out". A post without the right token changes nothing and gets the ordinary 404 page, as does a
 * GET. The Entra session is left alone: signing out of the portal must not sign a helpdesk agent
 * out of their other work applications.
 */
@WebServlet(urlPatterns = "/staff/signout")
public class StaffSignOutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final String SIGNED_OUT_PAGE = "/staff/signed-out.xhtml";
  static final String TOKEN_FIELD = "token";

  @Inject StaffSignInService service;

  @Inject StaffAudit audit;

  @Inject PortalConfig config;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    HttpSession session = req.getSession(false);
    if (!StaffSessions.isSignOutToken(session, req.getParameter(TOKEN_FIELD))) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Object principal = session.getAttribute(StaffSessions.PRINCIPAL);
    // ended before it is audited: an audit failure must not leave the session alive
    StaffSessions.invalidate(session);
    if (principal instanceof StaffPrincipal p) {
      audit.sessionEnded(
          p, io.recoveryportal.audit.AuditOutcome.SIGNED_OUT, service.clock().instant());
    }
    res.setHeader("Cache-Control", "no-store");
    // 303: the browser fetches the page with GET, so a reload does not post again
    res.setStatus(HttpServletResponse.SC_SEE_OTHER);
    res.setHeader("Location", config.baseUrl() + SIGNED_OUT_PAGE);
  }
}
