package io.recoveryportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.persistence.JpaHarness;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit chain on a real database: events written through {@link AuditLog} in real transactions
 * verify; an event edited with SQL, one deleted, the newest deleted, and one put in by hand are
 * each found at their place; a rolled-back step leaves no gap; two "nodes" (two persistence units,
 * each with its own connections) writing from 16 threads at once build one unbroken chain.
 */
abstract class AuditChainContract {

  protected abstract DataSource dataSource();

  private JpaHarness jpa;

  @BeforeEach
  void open() {
    jpa = new JpaHarness(dataSource());
  }

  @AfterEach
  void close() {
    jpa.close();
  }

  static AuditEvent event(int i) {
    return new AuditEvent(
        Instant.now(),
        AuditType.REVIEW_CASE_VIEWED,
        Actor.staff("staff-" + (i % 2)),
        (long) i,
        "user-" + (i % 3),
        AuditOutcome.OK,
        i % 2 == 0 ? null : "detail " + i + "\nwith a newline");
  }

  private void write(int n) {
    for (int i = 1; i <= n; i++) {
      int k = i;
      jpa.run(em -> new AuditLog(em).record(event(k)));
    }
  }

  private ChainVerifier.Result verify() throws SQLException {
    try (Connection c = dataSource().getConnection()) {
      return ChainVerifier.verify(c);
    }
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  @Test
  void eventsWrittenThroughTheLogVerify() throws Exception {
    write(20);
    ChainVerifier.Result r = verify();
    assertTrue(r.intact(), r.describe());
    assertEquals(20, r.checked());
    assertEquals(1, r.fromSeq());
    assertEquals(20, r.toSeq());
    AuditEvent first =
        jpa.inTx(
            em ->
                em.createQuery("select e from AuditEvent e where e.chainSeq = 1", AuditEvent.class)
                    .getSingleResult());
    assertEquals(AuditChain.GENESIS, first.getPrevHash());
  }

  @Test
  void severalEventsInOneTransactionFollowEachOther() throws Exception {
    jpa.run(
        em -> {
          AuditLog log = new AuditLog(em);
          for (int i = 0; i < 5; i++) {
            log.record(event(i));
          }
        });
    ChainVerifier.Result r = verify();
    assertTrue(r.intact(), r.describe());
    assertEquals(5, r.checked());
  }

  @Test
  void anEventEditedWithSqlBreaksTheChainThere() throws Exception {
    write(12);
    sql("UPDATE audit_event SET outcome = 'APPROVED' WHERE chain_seq = 7");
    ChainVerifier.Result r = verify();
    assertFalse(r.intact());
    assertEquals(7, r.broken().seq());
    assertTrue(r.broken().what().startsWith("edited"), r.describe());
    assertEquals(6, r.checked(), "the six before it are intact");
  }

  @Test
  void anEventsTimeEditedWithSqlBreaksTheChainThere() throws Exception {
    write(5);
    sql(
        "UPDATE audit_event SET occurred_at = occurred_at + INTERVAL '1' SECOND WHERE chain_seq = 2");
    ChainVerifier.Result r = verify();
    assertEquals(2, r.broken().seq(), r.describe());
  }

  @Test
  void aDeletedEventBreaksTheChainAtItsPlace() throws Exception {
    write(12);
    sql("DELETE FROM audit_event WHERE chain_seq = 5");
    ChainVerifier.Result r = verify();
    assertFalse(r.intact());
    assertEquals(5, r.broken().seq());
    assertNull(r.broken().eventId());
    assertTrue(r.broken().what().startsWith("missing"), r.describe());
  }

  @Test
  void deletingTheNewestEventsIsSeenAgainstTheHead() throws Exception {
    write(6);
    sql("DELETE FROM audit_event WHERE chain_seq >= 5");
    ChainVerifier.Result r = verify();
    assertEquals(5, r.broken().seq(), r.describe());
    assertTrue(r.broken().what().contains("head"), r.describe());
  }

  @Test
  void anEventDeletedAndTheRestRenumberedStillBreaks() throws Exception {
    write(8);
    // a careful forger closes the gap: the chain_seq values are contiguous again, but the hashes
    // are not
    sql("DELETE FROM audit_event WHERE chain_seq = 4");
    sql("UPDATE audit_event SET chain_seq = chain_seq - 1 WHERE chain_seq > 4");
    sql("UPDATE audit_chain SET last_seq = last_seq - 1");
    ChainVerifier.Result r = verify();
    assertEquals(4, r.broken().seq(), r.describe());
  }

  @Test
  void aRolledBackStepLeavesNoGap() throws Exception {
    write(3);
    try {
      jpa.run(
          em -> {
            new AuditLog(em).record(event(99));
            throw new IllegalStateException("the step fails after its event");
          });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    write(2);
    ChainVerifier.Result r = verify();
    assertTrue(r.intact(), r.describe());
    assertEquals(5, r.checked());
  }

  @Test
  void twoNodesWritingAtOnceBuildOneChain() throws Exception {
    int threads = 16;
    int each = 15;
    try (JpaHarness other = new JpaHarness(dataSource())) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          JpaHarness node = t % 2 == 0 ? jpa : other;
          work.add(
              () -> {
                for (int i = 0; i < each; i++) {
                  int k = i;
                  node.run(em -> new AuditLog(em).record(event(k)));
                }
                return null;
              });
        }
        for (Future<Void> f : pool.invokeAll(work)) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
    }
    ChainVerifier.Result r = verify();
    assertTrue(r.intact(), r.describe());
    assertEquals(threads * each, r.checked());
  }
}
