package io.recoveryportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.persistence.JpaHarness;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention on a real database: only whole segments of events older than the cutoff go, each
 * verified first; the anchor keeps the last pruned hash and what remains verifies from it; a
 * tampered segment is kept; nothing past the SIEM's position goes; new events chain on after a
 * prune.
 */
abstract class AuditRetentionContract {

  protected abstract DataSource dataSource();

  private JpaHarness jpa;
  private final Instant now = Instant.now();

  @BeforeEach
  void open() {
    jpa = new JpaHarness(dataSource());
    // 20 events 40 days old, then 10 from today
    for (int i = 0; i < 30; i++) {
      Instant at =
          i < 20 ? now.minus(Duration.ofDays(40)).plusSeconds(i) : now.minusSeconds(30 - i);
      int k = i;
      jpa.run(
          em ->
              new AuditLog(em)
                  .record(
                      new AuditEvent(
                          at,
                          AuditType.REVIEW_CASE_VIEWED,
                          Actor.staff("s"),
                          (long) k,
                          "u",
                          AuditOutcome.OK,
                          null)));
    }
  }

  @AfterEach
  void close() {
    jpa.close();
  }

  private ChainVerifier.Result verify() throws SQLException {
    try (Connection c = dataSource().getConnection()) {
      return ChainVerifier.verify(c);
    }
  }

  private long count() throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM audit_event")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void onlyWholeVerifiedSegmentsOfOldEventsGoAndTheRestVerifiesFromTheAnchor() throws Exception {
    AuditRetention retention = new AuditRetention(dataSource(), 8);
    Instant cutoff = now.minus(Duration.ofDays(30));
    AuditRetention.Pruned first = retention.pruneOnce(cutoff, Long.MAX_VALUE).orElseThrow();
    assertEquals(1, first.fromSeq());
    assertEquals(8, first.toSeq(), "one segment at a time");
    retention.pruneOnce(cutoff, Long.MAX_VALUE).orElseThrow();
    AuditRetention.Pruned last = retention.pruneOnce(cutoff, Long.MAX_VALUE).orElseThrow();
    assertEquals(20, last.toSeq(), "stops before the first event within retention");
    assertEquals(Optional.empty(), retention.pruneOnce(cutoff, Long.MAX_VALUE));
    assertEquals(10, count());
    ChainVerifier.Result r = verify();
    assertTrue(r.intact(), r.describe());
    assertEquals(21, r.fromSeq());
    assertEquals(10, r.checked());

    // new events chain on, and an edit among the kept ones is still found
    jpa.run(
        em ->
            new AuditLog(em)
                .record(
                    new AuditEvent(
                        now,
                        AuditType.REVIEW_CASE_VIEWED,
                        Actor.staff("s"),
                        null,
                        "u",
                        AuditOutcome.OK,
                        null)));
    assertTrue(verify().intact());
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE audit_event SET directory_user_id = 'someone-else' WHERE chain_seq = 21");
    }
    assertEquals(21, verify().broken().seq());
  }

  @Test
  void aTamperedSegmentIsKept() throws Exception {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE audit_event SET outcome = 'DENIED' WHERE chain_seq = 3");
    }
    AuditRetention.Pruned p =
        new AuditRetention(dataSource(), 100)
            .pruneOnce(now.minus(Duration.ofDays(30)), Long.MAX_VALUE)
            .orElseThrow();
    assertNotNull(p.refused());
    assertEquals(3, p.refused().seq());
    assertEquals(0, p.events());
    assertEquals(30, count(), "nothing pruned: the evidence stays");
  }

  @Test
  void nothingPastTheSiemsPositionGoes() throws Exception {
    AuditRetention.Pruned p =
        new AuditRetention(dataSource(), 100)
            .pruneOnce(now.minus(Duration.ofDays(30)), 5)
            .orElseThrow();
    assertEquals(5, p.toSeq());
    assertEquals(25, count());
    assertTrue(verify().intact());
  }
}
