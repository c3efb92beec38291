package io.recoveryportal.staff;

import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.staff.StaffSignInException.Reason;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entra sends the browser back here ({@code {portal.base-url}/staff/callback}, the registered
 * redirect URI). A sign-in that completes gets a new session id and goes to the page it started
 * from; anything else is audited and ends on a plain page that offers to try again.
 */
@WebServlet(urlPatterns = StaffSettings.CALLBACK_PATH)
public class StaffCallbackServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(StaffCallbackServlet.class.getName());

  @Inject StaffSignInService service;

  @Inject StaffAudit audit;

  @Inject PortalConfig config;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setHeader("Cache-Control", "no-store");
    Instant now = service.clock().instant();
    // the redirect URI Entra knows is built from portal.base-url, never from the Host header
    URI callback =
        io.recoveryportal.oidc.CallbackUri.of(
            config.baseUrl() + StaffSettings.CALLBACK_PATH, req.getQueryString());
    var pending = StaffSessions.takePending(req).filter(p -> !p.expiredAt(now));
    try {
      if (pending.isEmpty()) {
        throw new StaffSignInException(
            Reason.STATE_MISMATCH, "no sign-in of this browser is pending");
      }
      StaffPrincipal principal =
          service.signIn().complete(callback, pending.get().authorization(), now);
      // audited first: a sign-in the trail cannot record does not happen
      audit.signedIn(principal);
      service.sessions().signIn(req, principal);
      res.sendRedirect(config.baseUrl() + pending.get().next());
    } catch (StaffSignInException e) {
      // the reason and the failed check only: never the query string, which holds the code
      LOG.info(() -> "staff sign-in refused: " + e.reason() + ": " + e.getMessage());
      audit.signInFailed(e, now);
      res.sendRedirect(
          config.baseUrl()
              + StaffSignInServlet.PROBLEM_PAGE
              + "?reason="
              + e.reason().name().toLowerCase(Locale.ROOT));
    } catch (RuntimeException e) {
      // a bug or a broken configuration: the operator needs the stack, the person a way to try
      // again
      LOG.log(Level.SEVERE, "staff sign-in failed unexpectedly", e);
      res.sendRedirect(config.baseUrl() + StaffSignInServlet.PROBLEM_PAGE + "?reason=unavailable");
    }
  }
}
