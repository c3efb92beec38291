package io.recoveryportal.verification;

import java.net.URI;

/**
 * Identity proofing by an external provider (Incode, over OpenID Connect). Owned by the domain; the
 * Nimbus adapter implements it. A verification is two steps around a browser redirect: {@link
 * #begin} makes the request whose secrets the caller stores with the attempt, {@link #complete}
 * checks the callback against them.
 */
public interface IdentityProofing {

  /**
   * Starts a verification. {@code loginHint} is the person's work email or, for a returning person,
   * the provider's stored identity id (face re-authentication instead of a full document check).
   *
   * @throws ProofingUnavailableException when the provider cannot be used now
   */
  PendingVerification begin(String loginHint);

  /**
   * Completes it from the full callback URI the browser arrived with. Never retries a code. Throws
   * {@link VerificationFailedException} with the reason when anything does not check out.
   */
  VerificationResult complete(URI callback, PendingVerification pending)
      throws VerificationFailedException;

  /**
   * The {@code state} the callback names, read by the provider's protocol rules, or empty: which
   * pending request the callback claims to answer. Reading it checks nothing; {@link #complete}
   * does.
   */
  java.util.Optional<String> callbackState(URI callback);
}
