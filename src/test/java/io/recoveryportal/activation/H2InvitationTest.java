package io.recoveryportal.activation;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** Invitations on H2, the portal's default database. */
class H2InvitationTest extends InvitationContract {

  private final DataSource ds = TestDatabases.h2("invitation-test");

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
