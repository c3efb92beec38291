package io.recoveryportal.audit;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** The audit chain on H2, the portal's default database. */
class H2AuditChainTest extends AuditChainContract {

  private final DataSource ds = TestDatabases.h2("audit-chain-test");

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
