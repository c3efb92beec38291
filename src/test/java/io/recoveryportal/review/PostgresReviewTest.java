package io.recoveryportal.review;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** The review rules on a real PostgreSQL 17. */
class PostgresReviewTest extends ReviewContract {

  private final DataSource ds = TestDatabases.postgres();

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
