package io.recoveryportal.helpdesk.webhook;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The portal's own OAuth 2.0 token endpoint for Incode's webhooks, {@code POST
 * /incode/webhook/token}: HTTP Basic with the configured client id and secret and {@code
 * grant_type=client_credentials}, as Incode calls it; answers a random bearer token, short-lived
 * and stored only as its hash. Not there (404) unless the OAuth method is configured.
 */
@WebServlet(urlPatterns = "/incode/webhook/token")
public class WebhookTokenServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject WebhookGuard guard;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    WebhookAuth auth = guard.auth();
    if (!auth.oauth()) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!guard.fromAllowedSource(auth, req)
        || !auth.clientAuthenticates(req.getHeader("Authorization"))) {
      res.setHeader("WWW-Authenticate", "Basic realm=\"incode-webhooks\"");
      error(res, OAuth2Error.INVALID_CLIENT);
      return;
    }
    if (!GrantType.CLIENT_CREDENTIALS.getValue().equals(req.getParameter("grant_type"))) {
      error(res, OAuth2Error.UNSUPPORTED_GRANT_TYPE);
      return;
    }
    String token = guard.issue();
    write(
        res,
        200,
        new AccessTokenResponse(
                new Tokens(
                    new BearerAccessToken(token, WebhookGuard.TOKEN_LIFETIME.toSeconds(), null),
                    null))
            .toJSONObject()
            .toJSONString());
  }

  private static void error(HttpServletResponse res, ErrorObject error) throws IOException {
    write(
        res,
        error.getHTTPStatusCode(),
        new TokenErrorResponse(error).toJSONObject().toJSONString());
  }

  private static void write(HttpServletResponse res, int status, String json) throws IOException {
    res.setStatus(status);
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Pragma", "no-cache");
    res.getWriter().write(json);
  }
}
