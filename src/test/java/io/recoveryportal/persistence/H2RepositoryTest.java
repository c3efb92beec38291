package io.recoveryportal.persistence;

import javax.sql.DataSource;

/** The repositories on H2, the portal's default database. */
class H2RepositoryTest extends RepositoryContract {

  private final DataSource ds = TestDatabases.h2("repository-test");

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
