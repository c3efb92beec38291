package io.recoveryportal.audit;

import io.recoveryportal.persistence.TestDatabases;
import javax.sql.DataSource;

/** Audit retention on H2. */
class H2AuditRetentionTest extends AuditRetentionContract {

  private final DataSource ds = TestDatabases.h2("audit-retention-test");

  @Override
  protected DataSource dataSource() {
    return ds;
  }
}
