package io.recoveryportal.audit;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** Audit retention on PostgreSQL 17. */
class PostgresAuditRetentionTest extends AuditRetentionContract {

  private final DataSource ds = TestDatabases.postgres();

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
