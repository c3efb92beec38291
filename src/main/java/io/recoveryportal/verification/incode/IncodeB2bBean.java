package io.recoveryportal.verification.incode;

import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.helpdesk.VerificationRequests;
import io.recoveryportal.metrics.Meters;
import io.recoveryportal.oidc.OidcSettings;
import io.recoveryportal.verification.VerificationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The application's one {@link VerificationRequests}: Incode's B2B API, built from configuration on
 * first use (so nothing is read from Incode at deployment) and kept, with its cached machine token.
 * It shares the OpenID integration's issuer, timeouts and TLS trust; its client credentials are
 * {@code incode.b2b.client-id} and {@code incode.b2b.client-secret}, or the OpenID integration's
 * when those are not set.
 */
@ApplicationScoped
public class IncodeB2bBean implements VerificationRequests {

  @Inject PortalConfig config;

  @Inject Meters meters;

  private IncodeB2bClient client;

  private synchronized IncodeB2bClient client() {
    if (client == null) {
      OidcSettings oidc = IncodeSettings.from(config::value, config.outboundTls().orElse(null));
      client =
          new IncodeB2bClient(
              new IncodeB2bClient.Settings(
                  oidc.issuer(),
                  config.value("incode.b2b.client-id").orElse(oidc.clientId()),
                  config.value("incode.b2b.client-secret").orElse(oidc.clientSecret()),
                  config.required("incode.api-key"),
                  config.required("incode.integration-id"),
                  oidc.connectTimeout(),
                  oidc.readTimeout(),
                  oidc.tls()),
              IncodeMetering.to(meters));
    }
    return client;
  }

  @Override
  public Session requestNew(String loginHint) {
    return client().requestNew(loginHint);
  }

  @Override
  public Optional<VerificationResult> result(String interviewId) {
    return client().result(interviewId);
  }
}
