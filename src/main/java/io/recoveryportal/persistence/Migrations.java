package io.recoveryportal.persistence;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything uses it. Runs after the configuration check (which
 * has a lower priority) and before request processing starts, on H2 and PostgreSQL alike.
 */
@ApplicationScoped
public class Migrations {

  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  @Resource(lookup = PortalDataSource.JNDI_NAME)
  DataSource dataSource;

  void onStart(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10)
          @Initialized(ApplicationScoped.class)
          Object ignored) {
    MigrateResult r = migrate(dataSource);
    LOG.info(
        () ->
            "Database schema at version "
                + r.targetSchemaVersion
                + " ("
                + r.migrationsExecuted
                + " migration(s) applied now)");
  }

  /** Also used by the repository tests, so they run exactly the migrations production runs. */
  public static MigrateResult migrate(DataSource ds) {
    return configuration(ds).load().migrate();
  }

  /**
   * Where the migrations are and how they run; the migration tests stop it at an earlier version to
   * write old rows.
   */
  public static FluentConfiguration configuration(DataSource ds) {
    return Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(ds)
        .locations("classpath:db/migration")
        .javaMigrations(new V18__MatchRulesFromText(), new V20__ChainExistingAuditEvents())
        .failOnMissingLocations(true);
  }
}
