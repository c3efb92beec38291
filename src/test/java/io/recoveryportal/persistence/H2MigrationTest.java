package io.recoveryportal.persistence;

import javax.sql.DataSource;

/** Issue 13's migrations on H2, over rows the previous schema held. */
class H2MigrationTest extends MigrationContract {

  @Override
  protected DataSource freshDataSource() {
    return TestDatabases.h2("migration-test");
  }
}
