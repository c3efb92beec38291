package io.recoveryportal.siem;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** SIEM shipping on H2. */
class H2SiemShippingTest extends SiemShippingContract {

  private final DataSource ds = TestDatabases.h2("siem-test");

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
