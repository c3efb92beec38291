package io.recoveryportal.activation;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** Invitations on a real PostgreSQL 17. */
class PostgresInvitationTest extends InvitationContract {

  private final DataSource ds = TestDatabases.postgres();

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
