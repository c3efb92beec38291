package io.recoveryportal.reset;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** Resets and their reconciliation on H2, the portal's default database. */
class H2ResetTest extends ResetContract {

  private final DataSource ds = TestDatabases.h2("reset-test");

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
