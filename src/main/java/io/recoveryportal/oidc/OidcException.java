package io.recoveryportal.oidc;

/**
 * A login that cannot be used, with the reason. Messages name what failed (an OAuth error code, an
 * HTTP status, a validation rule) and never carry tokens, codes, secrets or claims about the
 * person.
 */
public class OidcException extends Exception {

  private static final long serialVersionUID = 1L;

  public enum Reason {
    /** The person cancelled at the provider ({@code error=access_denied}). */
    CANCELLED,
    /** The provider answered with another error, or with something that is not OpenID Connect. */
    PROVIDER_ERROR,
    /** The callback's state is missing or is not the one this request stored. */
    STATE_MISMATCH,
    /**
     * The callback's {@code iss} (RFC 9207) is not the provider's, appears twice, or is missing
     * although the provider's discovery says it always sends one: the response may come from
     * another provider (a mix-up).
     */
    ISSUER_MISMATCH,
    /** The token endpoint refused the code (expired, already used, PKCE, client authentication). */
    CODE_REJECTED,
    /**
     * The ID token failed validation (signature, algorithm, key, issuer, audience, times, nonce).
     */
    TOKEN_INVALID,
    /** Userinfo describes another subject than the ID token. */
    USERINFO_MISMATCH,
    /** The provider could not be reached, or answered with a server error. */
    UNAVAILABLE,
    /**
     * The provider could not be reached before the code was sent (no connection, discovery down),
     * or its token endpoint failed with a server error rather than refusing the code: the code was
     * not redeemed, so the same callback may be tried again while the code lives.
     */
    NOT_REDEEMED,
    /** The provider did not answer in time; a code sent may have been spent. */
    TIMEOUT,
    /**
     * Discovery could not be used: its issuer is not exactly the configured one, or it is
     * malformed.
     */
    DISCOVERY_REFUSED
  }

  private final Reason reason;
  private final String oauthError;

  public OidcException(Reason reason, String message, String oauthError, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.oauthError = oauthError;
  }

  public OidcException(Reason reason, String message) {
    this(reason, message, null, null);
  }

  public Reason reason() {
    return reason;
  }

  /**
   * The provider's OAuth error code ({@code invalid_grant}, {@code access_denied}, ...), or null.
   */
  public String oauthError() {
    return oauthError;
  }
}
