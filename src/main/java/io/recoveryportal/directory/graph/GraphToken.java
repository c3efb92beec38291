package io.recoveryportal.directory.graph;

import java.time.Instant;

/**
 * An app-only Graph access token. {@link #toString()} leaves the token out, so logging one is
 * harmless.
 */
public record GraphToken(String accessToken, Instant expiresOn) {

  @Override
  public String toString() {
    return "GraphToken[expiresOn=" + expiresOn + "]";
  }
}
