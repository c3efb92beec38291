package io.recoveryportal.reset;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** Resets and their reconciliation on PostgreSQL 17, the production database. */
class PostgresResetTest extends ResetContract {

  private final DataSource ds = TestDatabases.postgres();

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
