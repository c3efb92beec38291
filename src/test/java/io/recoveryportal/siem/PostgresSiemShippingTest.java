package io.recoveryportal.siem;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** SIEM shipping on PostgreSQL 17. */
class PostgresSiemShippingTest extends SiemShippingContract {

  private final DataSource ds = TestDatabases.postgres();

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
