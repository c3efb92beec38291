package io.recoveryportal.cluster;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

class H2JobLeaseTest extends JobLeaseContract {

  private final DataSource ds = TestDatabases.h2("job-lease-test");

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
