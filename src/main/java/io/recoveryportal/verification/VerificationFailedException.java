package io.recoveryportal.verification;

/**
 * A verification that cannot be used, with the reason for the audit trail (never shown in detail to
 * the person).
 */
public class VerificationFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * Why. CANCELLED and PROVIDER_ERROR come from the provider's error callback; ISSUER_MISMATCH is a
   * callback that does not name the provider as its issuer (RFC 9207: a mix-up with another
   * provider, or a forgery). UNAVAILABLE and TIMEOUT: the provider failed after the callback's code
   * may have reached it. NOT_REDEEMED: it could not be reached, or failed, before it accepted the
   * code, so the same callback may be completed again while the code lives.
   */
  public enum Reason {
    CANCELLED,
    PROVIDER_ERROR,
    STATE_MISMATCH,
    ISSUER_MISMATCH,
    CODE_REJECTED,
    TOKEN_INVALID,
    USERINFO_MISMATCH,
    UNAVAILABLE,
    TIMEOUT,
    NOT_REDEEMED
  }

  private final Reason reason;

  public VerificationFailedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public VerificationFailedException(Reason reason, String message) {
    this(reason, message, null);
  }

  public Reason reason() {
    return reason;
  }
}
