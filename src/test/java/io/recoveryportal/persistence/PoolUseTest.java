package io.recoveryportal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The pool-use counts from EclipseLink's own session events, with the production persistence unit
 * on H2: a transaction takes a connection and gives it back; four transactions held open at once
 * hold four, and give them back.
 */
class PoolUseTest {

  @Test
  void connectionsAreCountedWhileHeldAndGivenBack() throws Exception {
    try (JpaHarness jpa = new JpaHarness(TestDatabases.h2("pool-use-test"))) {
      long before = PoolUse.acquired();
      int inUseBefore = PoolUse.inUse();
      jpa.run(
          em ->
              new AuditLog(em)
                  .record(
                      new AuditEvent(
                          Instant.now(),
                          AuditType.AUDIT_CHAIN_VERIFIED,
                          Actor.system("test"),
                          null,
                          null,
                          AuditOutcome.OK,
                          null)));
      assertTrue(PoolUse.acquired() > before, "a transaction took a connection");
      assertEquals(inUseBefore, PoolUse.inUse(), "and gave it back");

      CountDownLatch holding = new CountDownLatch(4);
      CountDownLatch release = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        Future<?>[] held = new Future<?>[4];
        for (int i = 0; i < 4; i++) {
          held[i] =
              pool.submit(
                  () ->
                      jpa.run(
                          em -> {
                            // the transaction's own connection (an audit event would wait for the
                            // chain's head, which the first holds)
                            em.unwrap(java.sql.Connection.class);
                            holding.countDown();
                            try {
                              release.await();
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                            }
                          }));
        }
        holding.await();
        assertTrue(PoolUse.inUse() >= inUseBefore + 4, "four held at once: " + PoolUse.inUse());
        release.countDown();
        for (Future<?> f : held) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(inUseBefore, PoolUse.inUse());
    }
  }
}
