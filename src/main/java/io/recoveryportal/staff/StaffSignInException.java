package io.recoveryportal.staff;

/**
 * A staff sign-in that did not complete. The message names the failed check for the audit trail;
 * like the relying party's own messages it never carries a token, code or secret.
 */
public class StaffSignInException extends Exception {

  private static final long serialVersionUID = 1L;

  public enum Reason {
    /** The person cancelled at Entra. */
    CANCELLED,
    /**
     * No sign-in of this browser is pending, or the callback's state is another one's (CSRF,
     * replay, old tab).
     */
    STATE_MISMATCH,
    /** Entra could not be reached or used; trying again later may work. */
    UNAVAILABLE,
    /**
     * Entra's answer failed a check: code refused, ID token invalid (signature, issuer, audience,
     * times, nonce).
     */
    REFUSED,
    /** A valid token, but for a person of another tenant. */
    WRONG_TENANT,
    /** A valid token for this tenant, but without any of the portal's app roles. */
    NO_ROLE
  }

  private final Reason reason;
  private final String oid;

  public StaffSignInException(Reason reason, String message, String oid, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.oid = oid;
  }

  public StaffSignInException(Reason reason, String message) {
    this(reason, message, null, null);
  }

  public Reason reason() {
    return reason;
  }

  /**
   * The person's object id when the token was genuine enough to name one (wrong tenant, no role);
   * else null.
   */
  public String oid() {
    return oid;
  }
}
