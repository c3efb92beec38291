package io.recoveryportal.oidc;

import java.net.URI;

/**
 * An authorization request on its way: where to send the browser, and the per-request secrets the
 * caller keeps server-side until the callback. All three are required; a callback is never checked
 * against nothing.
 */
public record PendingAuthorization(
    URI authorizationUri, String state, String nonce, String codeVerifier) {

  public PendingAuthorization {
    if (isBlank(state) || isBlank(nonce) || isBlank(codeVerifier)) {
      throw new IllegalArgumentException("state, nonce and code verifier are all required");
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    return "PendingAuthorization["
        + (authorizationUri == null ? "" : authorizationUri.getHost())
        + "]";
  }
}
