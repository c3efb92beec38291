package io.recoveryportal.verification.incode;

import io.recoveryportal.oidc.ExchangeObserver;
import io.recoveryportal.oidc.OidcException;
import io.recoveryportal.oidc.OidcSettings;
import io.recoveryportal.oidc.PendingAuthorization;
import io.recoveryportal.oidc.RelyingParty;
import io.recoveryportal.verification.IdentityProofing;
import io.recoveryportal.verification.PendingVerification;
import io.recoveryportal.verification.ProofingUnavailableException;
import io.recoveryportal.verification.VerificationFailedException;
import io.recoveryportal.verification.VerificationFailedException.Reason;
import io.recoveryportal.verification.VerificationResult;
import java.net.URI;

/**
 * Identity proofing by Incode over OpenID Connect. Plain Java; {@link IncodeProofingBean} is its
 * CDI face. Build one and keep it: it caches Incode's discovery and signing keys.
 */
public final class IncodeProofing implements IdentityProofing {

  private final RelyingParty relyingParty;

  public IncodeProofing(OidcSettings settings) {
    this(settings, ExchangeObserver.NONE);
  }

  /** As {@link #IncodeProofing(OidcSettings)}, telling {@code observer} of every call to Incode. */
  public IncodeProofing(OidcSettings settings, ExchangeObserver observer) {
    this.relyingParty = new RelyingParty(settings, observer);
  }

  @Override
  public PendingVerification begin(String loginHint) {
    try {
      PendingAuthorization p = relyingParty.begin(loginHint);
      return new PendingVerification(p.authorizationUri(), p.state(), p.nonce(), p.codeVerifier());
    } catch (OidcException e) {
      throw new ProofingUnavailableException("Incode cannot be used now: " + e.getMessage(), e);
    }
  }

  @Override
  public VerificationResult complete(URI callback, PendingVerification pending)
      throws VerificationFailedException {
    PendingAuthorization expected;
    try {
      if (pending == null) {
        throw new IllegalArgumentException("nothing pending");
      }
      expected =
          new PendingAuthorization(
              pending.authorizationUri(), pending.state(), pending.nonce(), pending.codeVerifier());
    } catch (IllegalArgumentException e) {
      // nothing stored to compare the callback with: treat it like any callback that is not ours
      throw new VerificationFailedException(
          Reason.STATE_MISMATCH, "no complete verification request is pending");
    }
    try {
      return IncodeClaims.result(relyingParty.complete(callback, expected));
    } catch (OidcException e) {
      throw new VerificationFailedException(reason(e.reason()), e.getMessage(), e);
    }
  }

  @Override
  public java.util.Optional<String> callbackState(URI callback) {
    return stateOf(callback);
  }

  /** Needs no settings: a provider-independent reading of the callback. */
  static java.util.Optional<String> stateOf(URI callback) {
    return RelyingParty.stateOf(callback);
  }

  static Reason reason(OidcException.Reason r) {
    return switch (r) {
      case CANCELLED -> Reason.CANCELLED;
      case PROVIDER_ERROR -> Reason.PROVIDER_ERROR;
      case STATE_MISMATCH -> Reason.STATE_MISMATCH;
      case ISSUER_MISMATCH -> Reason.ISSUER_MISMATCH;
      case CODE_REJECTED -> Reason.CODE_REJECTED;
      case TOKEN_INVALID -> Reason.TOKEN_INVALID;
      case USERINFO_MISMATCH -> Reason.USERINFO_MISMATCH;
      case TIMEOUT -> Reason.TIMEOUT;
      case NOT_REDEEMED -> Reason.NOT_REDEEMED;
      // for the person both mean "Incode cannot be used now"; the message keeps the difference for
      // operators
      case UNAVAILABLE, DISCOVERY_REFUSED -> Reason.UNAVAILABLE;
    };
  }

  @Override
  public String toString() {
    return "IncodeProofing[" + relyingParty.settings().issuer() + "]";
  }
}
