package io.recoveryportal.persistence;

import javax.sql.DataSource;

/** Issue 13's migrations on a real PostgreSQL 17, over rows the previous schema held. */
class PostgresMigrationTest extends MigrationContract {

  @Override
  protected DataSource freshDataSource() {
    return TestDatabases.postgres();
  }
}
