package io.recoveryportal.audit;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** The audit chain on PostgreSQL 17, as in production and clusters. */
class PostgresAuditChainTest extends AuditChainContract {

  private final DataSource ds = TestDatabases.postgres();

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
