package io.recoveryportal.helpdesk.webhook;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.security.ClientAddresses;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * The webhook endpoints' door, by {@link WebhookAuth}: a notification is admitted from an allowed
 * source with the secret header, or with a live bearer token from the portal's token endpoint
 * (looked up by its hash, so any node accepts any node's token).
 */
@ApplicationScoped
public class WebhookGuard {

  /** Short-lived: Incode asks for a new one when it expires or is refused. */
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

  @Inject PortalConfig config;

  @Inject WebhookEvents events;

  @Inject ClientAddresses clients;

  /**
   * Read for each request: values come from MicroProfile Config, which may change them (a rotated
   * secret).
   */
  WebhookAuth auth() {
    return WebhookAuth.from(config::value);
  }

  /** Whether the notification may be stored and acted on. */
  public boolean admits(HttpServletRequest req) {
    WebhookAuth auth = auth();
    if (!fromAllowedSource(auth, req)) {
      return false;
    }
    if (auth.header() && auth.headerMatches(req.getHeader(auth.headerName()))) {
      return true;
    }
    String authorization = req.getHeader("Authorization");
    if (!auth.oauth() || authorization == null) {
      return false;
    }
    try {
      return events.tokenValid(
          OpaqueTokens.hash(BearerAccessToken.parse(authorization).getValue()));
    } catch (ParseException e) {
      return false;
    }
  }

  /** Whether the caller (behind trusted proxies, the address they forward) is on the allow-list. */
  boolean fromAllowedSource(WebhookAuth auth, HttpServletRequest req) {
    return auth.fromAllowedSource(clients.of(req));
  }

  /** A new bearer token: the raw value for the answer, only its hash kept. */
  String issue() {
    String token = OpaqueTokens.generate();
    events.issued(OpaqueTokens.hash(token), Instant.now().plus(TOKEN_LIFETIME));
    return token;
  }
}
