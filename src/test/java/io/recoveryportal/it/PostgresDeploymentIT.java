package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.persistence.PortalDataSource;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.AttemptRepository;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real portal.war inside Payara Micro (Arquillian's managed container), configured for
 * PostgreSQL: the data source built from MicroProfile Config, the Flyway migrations at start-up,
 * and the repositories with JTA.
 */
@ExtendWith(ArquillianExtension.class)
class PostgresDeploymentIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("portal.war", "target/portal.war")));
  }

  @Resource(lookup = PortalDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject AttemptRepository attempts;

  @Inject AuditLog audit;

  @Inject UserTransaction tx;

  @Test
  void theDataSourceIsPostgresAndTheMigrationsRanAtStartUp() throws Exception {
    try (Connection c = dataSource.getConnection();
        // versions are text: "7" sorts after "10", so compare them as numbers
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select max(cast(version as integer)) from flyway_schema_history where success and version is not null")) {
      assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
      assertTrue(rs.next());
      // the highest version among the migrations the WAR carries, as Flyway itself finds them: none
      // left pending
      // (with the Java migrations the production configuration registers, V18)
      org.flywaydb.core.api.MigrationInfoService info =
          io.recoveryportal.persistence.Migrations.configuration(dataSource).load().info();
      assertEquals(
          0,
          info.pending().length,
          "every migration in src/main/resources/db/migration and persistence/ applied");
      int highest =
          java.util.Arrays.stream(info.all())
              .mapToInt(m -> Integer.parseInt(m.getVersion().getVersion()))
              .max()
              .orElseThrow();
      assertTrue(highest >= 11, "V11 and later are among them: " + highest);
      assertEquals(highest, rs.getInt(1), "the schema is at the highest of them, V" + highest);
    }
  }

  @Test
  void repositoriesPersistInsideContainerTransactions() throws Exception {
    String raw = OpaqueTokens.generate();
    Instant now = Instant.now();
    tx.begin();
    Attempt a =
        attempts.add(
            new Attempt(
                OpaqueTokens.hash(raw),
                Attempt.Kind.RECOVERY,
                Attempt.RequestedAction.PASSWORD,
                "jane.smith@contoso.com",
                now,
                Duration.ofMinutes(30)));
    audit.record(
        new AuditEvent(
            now,
            AuditType.RECOVERY_STARTED,
            Actor.person("employee"),
            a.getId(),
            null,
            AuditOutcome.OK,
            null));
    tx.commit();

    tx.begin();
    try {
      Attempt found = attempts.findByIdHash(OpaqueTokens.hash(raw)).orElseThrow();
      assertEquals(a.getId(), found.getId());
      assertEquals(1, audit.forAttempt(found.getId()).size());
    } finally {
      tx.rollback();
    }
  }
}
