package io.recoveryportal.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The portal's one data source, configured entirely from MicroProfile Config. Payara resolves the
 * {@code ${MPCONFIG=key:default}} placeholders from system properties and environment variables
 * only (not from the WAR's own microprofile-config.properties), so the defaults are written here
 * inline. The default is an embedded H2 file database so a laptop run keeps its data across
 * restarts; production sets {@code db.url} to PostgreSQL and {@code db.datasource-class} to {@code
 * org.postgresql.ds.PGSimpleDataSource}.
 */
@DataSourceDefinition(
    name = PortalDataSource.JNDI_NAME,
    className = "${MPCONFIG=db.datasource-class:org.h2.jdbcx.JdbcDataSource}",
    url = "${MPCONFIG=db.url:jdbc:h2:file:./portal-data/portal;WRITE_DELAY=0;QUERY_CACHE_SIZE=64}",
    user = "${MPCONFIG=db.user:portal}",
    password = "${MPCONFIG=db.password:}",
    minPoolSize = 0,
    initialPoolSize = 0,
    maxPoolSize = PortalDataSource.MAX_POOL_SIZE,
    maxIdleTime = 300,
    properties = {
      // a restarted database must not leave dead connections in the pool
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true",
      "fish.payara.connection-leak-timeout-in-seconds=60",
      "fish.payara.statement-timeout-in-seconds=30"
    })
@ApplicationScoped
public class PortalDataSource {

  public static final String JNDI_NAME = "java:app/jdbc/portal";

  /** The most connections the pool opens; the metrics show it beside the connections in use. */
  public static final int MAX_POOL_SIZE = 20;
}
