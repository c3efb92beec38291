package io.recoveryportal.persistence;

import javax.sql.DataSource;

/** The repositories on a real PostgreSQL 17. */
class PostgresRepositoryTest extends RepositoryContract {

  private final DataSource ds = TestDatabases.postgres();

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
