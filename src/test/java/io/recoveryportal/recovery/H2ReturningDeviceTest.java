package io.recoveryportal.recovery;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** Returning devices on H2, the portal's default database. */
class H2ReturningDeviceTest extends ReturningDeviceContract {

  private final DataSource ds = TestDatabases.h2("returning-device-test");

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
