package io.recoveryportal.recovery;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** Returning devices on PostgreSQL 17, as in production. */
class PostgresReturningDeviceTest extends ReturningDeviceContract {

  private final DataSource ds = TestDatabases.postgres();

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
