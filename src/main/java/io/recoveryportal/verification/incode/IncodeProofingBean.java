package io.recoveryportal.verification.incode;

import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.metrics.Meters;
import io.recoveryportal.verification.IdentityProofing;
import io.recoveryportal.verification.PendingVerification;
import io.recoveryportal.verification.VerificationFailedException;
import io.recoveryportal.verification.VerificationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;

/**
 * The application's one {@link IdentityProofing}: inject it as {@code @Inject IdentityProofing
 * proofing}. It is built from configuration on first use, and even then reads nothing from Incode
 * until a verification starts, so an Incode outage at deployment does not stop the portal
 * (readiness reports it instead). One shared instance keeps one cache of Incode's discovery and
 * keys.
 */
@ApplicationScoped
public class IncodeProofingBean implements IdentityProofing {

  @Inject PortalConfig config;

  @Inject Meters meters;

  private IncodeProofing proofing;

  private synchronized IncodeProofing proofing() {
    if (proofing == null) {
      proofing =
          new IncodeProofing(
              IncodeSettings.from(config::value, config.outboundTls().orElse(null)),
              IncodeMetering.to(meters));
    }
    return proofing;
  }

  @Override
  public PendingVerification begin(String loginHint) {
    return proofing().begin(loginHint);
  }

  @Override
  public VerificationResult complete(URI callback, PendingVerification pending)
      throws VerificationFailedException {
    return proofing().complete(callback, pending);
  }

  @Override
  public java.util.Optional<String> callbackState(URI callback) {
    return IncodeProofing.stateOf(callback);
  }
}
