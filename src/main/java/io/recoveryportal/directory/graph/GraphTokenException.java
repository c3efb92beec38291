package io.recoveryportal.directory.graph;

/**
 * The portal could not get a Graph token from Entra: wrong secret, unknown tenant, unreachable or
 * untrusted authority. The message names the client, the authority and Entra's error, never a
 * credential.
 */
public final class GraphTokenException extends RuntimeException {

  private final String errorCode;

  GraphTokenException(String message, String errorCode, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  /**
   * Entra's OAuth error ({@code invalid_client}, {@code unauthorized_client}...), or MSAL's own
   * code.
   */
  public String errorCode() {
    return errorCode;
  }
}
