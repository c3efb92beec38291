package io.recoveryportal.health;

import io.recoveryportal.directory.graph.GraphConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while Entra issues the portal an app-only token for Graph: with a revoked secret or an
 * expired certificate no lookup or reset can work. MSAL serves the token from its cache until
 * shortly before it expires, so this probe costs Entra one request an hour, not one per probe.
 */
@Readiness
@ApplicationScoped
public class GraphTokenReadiness implements HealthCheck {

  @Inject GraphConnection graph;

  @Override
  public HealthCheckResponse call() {
    var r = HealthCheckResponse.named("graph-token");
    try {
      return r.up()
          .withData("expiresOn", graph.clients().acquireToken().expiresOn().toString())
          .build();
    } catch (RuntimeException e) {
      return r.down().withData("error", "no Graph token from Entra: " + Causes.describe(e)).build();
    }
  }
}
