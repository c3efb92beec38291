package io.recoveryportal.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The real databases the contract tests run on: a fresh H2 file database, or a fresh database on
 * one embedded PostgreSQL 17 server shared by the whole test JVM (starting a server takes seconds;
 * a database, milliseconds). Each call gives an empty database of its own, so contracts never see
 * each other's rows.
 */
public final class TestDatabases {

  private static EmbeddedPostgres postgres;
  private static int created;

  private TestDatabases() {}

  public static DataSource h2(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    // kept open between connections: otherwise H2 closes the file when the last connection closes
    // and reopens it
    // for the next transaction, which made the H2 contracts several times slower than PostgreSQL
    ds.setURL(
        "jdbc:h2:file:./target/h2-" + name + "/portal-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("portal");
    ds.setPassword("");
    return ds;
  }

  public static synchronized DataSource postgres() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.start();
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stop, "test-postgres-stop"));
      }
      String name = "contract_" + (++created);
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return postgres.getDatabase("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized void stop() {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // the JVM is ending anyway
    }
  }
}
