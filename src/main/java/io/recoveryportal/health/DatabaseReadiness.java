package io.recoveryportal.health;

import io.recoveryportal.persistence.PortalDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers: every step of every flow writes to it. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = PortalDataSource.JNDI_NAME)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var r = HealthCheckResponse.named("database");
    try (Connection c = dataSource.getConnection()) {
      if (!c.isValid(2)) {
        return r.down().withData("error", "the database connection is not valid").build();
      }
      return r.up().withData("database", c.getMetaData().getDatabaseProductName()).build();
    } catch (SQLException | RuntimeException e) {
      return r.down().withData("error", "database unreachable: " + Causes.describe(e)).build();
    }
  }
}
