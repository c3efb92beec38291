package io.recoveryportal.persistence;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the tests that run once per real database (an H2 and a PostgreSQL subclass each): the
 * migrated production persistence unit, created on first use and closed after the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseContract {

  private JpaHarness jpa;

  protected abstract DataSource dataSource();

  /**
   * Synchronized: a contract that asks from many threads at once (JobLeaseContract's sixteen nodes)
   * would otherwise build several harnesses, each migrating the same fresh database at the same
   * time.
   */
  protected synchronized JpaHarness jpa() {
    if (jpa == null) {
      jpa = new JpaHarness(dataSource());
    }
    return jpa;
  }

  @AfterAll
  void closeJpa() {
    if (jpa != null) {
      jpa.close();
    }
  }
}
