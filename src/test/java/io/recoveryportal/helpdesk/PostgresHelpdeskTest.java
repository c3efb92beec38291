package io.recoveryportal.helpdesk;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** Helpdesk requests on a real PostgreSQL 17. */
class PostgresHelpdeskTest extends HelpdeskContract {

  private final DataSource ds = TestDatabases.postgres();

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
