package io.recoveryportal.cluster;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

class PostgresJobLeaseTest extends JobLeaseContract {

  private final DataSource ds = TestDatabases.postgres();

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
