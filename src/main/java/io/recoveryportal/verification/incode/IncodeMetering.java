package io.recoveryportal.verification.incode;

import io.recoveryportal.metrics.Meters;
import io.recoveryportal.oidc.ExchangeObserver;
import java.net.URI;

/**
 * Tells the metrics of every call to Incode, named by the endpoint it reached (a few fixed words).
 */
final class IncodeMetering {

  private IncodeMetering() {}

  static ExchangeObserver to(Meters meters) {
    return (uri, status, nanos) -> meters.oidcExchange("incode", endpoint(uri), status, nanos);
  }

  /** discovery, b2b, token, userinfo, par, jwks or other, from the path alone (never the query). */
  static String endpoint(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (path.endsWith("/.well-known/openid-configuration")) {
      return "discovery";
    }
    if (path.contains("/omni/b2b/")) {
      return "b2b";
    }
    if (path.endsWith("/token")) {
      return "token";
    }
    if (path.endsWith("/userinfo")) {
      return "userinfo";
    }
    if (path.endsWith("/par")) {
      return "par";
    }
    if (path.contains("jwks") || path.endsWith("/keys")) {
      return "jwks";
    }
    return "other";
  }
}
