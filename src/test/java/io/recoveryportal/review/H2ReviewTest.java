package io.recoveryportal.review;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** The review rules on H2, the portal's default database. */
class H2ReviewTest extends ReviewContract {

  private final DataSource ds = TestDatabases.h2("review-test");

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
