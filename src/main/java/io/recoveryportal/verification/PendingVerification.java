package io.recoveryportal.verification;

import java.net.URI;

/**
 * A started verification: where to send the browser, and the per-request secrets to keep
 * server-side with the attempt until the callback (state, nonce, PKCE verifier). Never put these in
 * a cookie or a page.
 */
public record PendingVerification(
    URI authorizationUri, String state, String nonce, String codeVerifier) {

  @Override
  public String toString() {
    return "PendingVerification[" + authorizationUri.getHost() + "]";
  }
}
