package io.recoveryportal.helpdesk;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** Helpdesk requests on H2, the portal's default database. */
class H2HelpdeskTest extends HelpdeskContract {

  private final DataSource ds = TestDatabases.h2("helpdesk-test");

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
