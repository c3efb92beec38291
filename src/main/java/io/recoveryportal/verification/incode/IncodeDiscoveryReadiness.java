package io.recoveryportal.verification.incode;

import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.recoveryportal.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while Incode's discovery document can be read and names the configured issuer exactly:
 * without it no one can verify, so a load balancer should send people to a node that can.
 */
@Readiness
@ApplicationScoped
public class IncodeDiscoveryReadiness implements HealthCheck {

  @Inject PortalConfig config;

  @Override
  public HealthCheckResponse call() {
    var r = HealthCheckResponse.named("incode-discovery");
    String issuer = config.incodeIssuer();
    try {
      var tls = config.outboundTls();
      OIDCProviderMetadata op =
          OIDCProviderMetadata.resolve(
              new Issuer(issuer),
              req -> {
                req.setConnectTimeout(2000);
                req.setReadTimeout(3000);
                tls.ifPresent(ctx -> req.setSSLSocketFactory(ctx.getSocketFactory()));
              });
      return r.up().withData("issuer", op.getIssuer().getValue()).build();
    } catch (GeneralException | IOException | RuntimeException e) {
      return r.down()
          .withData(
              "error",
              "Incode discovery at "
                  + issuer
                  + " failed: "
                  + io.recoveryportal.health.Causes.describe(e))
          .build();
    }
  }
}
