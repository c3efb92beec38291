package io.recoveryportal.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness says only that the application is deployed and answering. It must not depend on Entra,
 * Incode or the database: an outage there is a readiness matter, and restarting the portal would
 * not fix it.
 */
@Liveness
@ApplicationScoped
public class Alive implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up("portal");
  }
}
