package io.recoveryportal.siem;

import io.recoveryportal.audit.AuditChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The delivery position of each SIEM destination in {@code audit_outbox}, over plain JDBC, one
 * short transaction per call (never one held while the SIEM is asked). A node sends only while it
 * holds the destination's lease, taken with one conditional UPDATE: two nodes asking at once get it
 * once; a node that dies loses it when it runs out. Should a slow request outlive the lease, two
 * nodes may send the same events: delivery is at least once, in chain order.
 */
public final class AuditOutbox {

  /** A lease taken: where delivery stands and how many tries have failed in a row. */
  public record Lease(long lastSeq, int failures) {}

  private final DataSource ds;

  public AuditOutbox(DataSource ds) {
    this.ds = ds;
  }

  /**
   * Takes the lease of {@code destination} for {@code node} until {@code untilMs}, if it is free
   * and a try is due.
   */
  public Optional<Lease> lease(String destination, String node, long nowMs, long untilMs)
      throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        ensureRow(c, destination);
        int taken;
        try (PreparedStatement s =
            c.prepareStatement(
                "UPDATE audit_outbox SET leased_by = ?, leased_until_ms = ?"
                    + " WHERE destination = ? AND leased_until_ms <= ? AND next_try_ms <= ?")) {
          s.setString(1, node);
          s.setLong(2, untilMs);
          s.setString(3, destination);
          s.setLong(4, nowMs);
          s.setLong(5, nowMs);
          taken = s.executeUpdate();
        }
        Optional<Lease> lease = Optional.empty();
        if (taken == 1) {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT last_seq, failures FROM audit_outbox WHERE destination = ?")) {
            s.setString(1, destination);
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              lease = Optional.of(new Lease(rs.getLong(1), rs.getInt(2)));
            }
          }
        }
        c.commit();
        return lease;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * The destination's row, starting from the chain's anchor (everything kept is sent), made once.
   */
  private static void ensureRow(Connection c, String destination) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO audit_outbox (destination, last_seq, leased_until_ms, failures, next_try_ms)"
                + " SELECT ?, anchor_seq, 0, 0, 0 FROM audit_chain WHERE id = 1"
                + " AND NOT EXISTS (SELECT 1 FROM audit_outbox WHERE destination = ?)")) {
      s.setString(1, destination);
      s.setString(2, destination);
      s.executeUpdate();
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) {
        throw e;
      }
      // another node made it at the same moment; PostgreSQL needs the transaction started again
      c.rollback();
    }
  }

  /** Up to {@code limit} events after place {@code seq}, in chain order. */
  public List<OutboxEvent> after(long seq, int limit) throws SQLException {
    List<OutboxEvent> events = new ArrayList<>(limit);
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT chain_seq, prev_hash, event_hash, "
                    + AuditChain.selectList()
                    + " FROM audit_event WHERE chain_seq > ? ORDER BY chain_seq FETCH FIRST "
                    + limit
                    + " ROWS ONLY")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          List<String> values = AuditChain.values(rs);
          Map<String, String> columns = new LinkedHashMap<>();
          for (int i = 0; i < AuditChain.COLUMNS.size(); i++) {
            columns.put(AuditChain.COLUMNS.get(i), values.get(i));
          }
          events.add(
              new OutboxEvent(
                  rs.getLong("chain_seq"),
                  rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                  rs.getString("prev_hash").strip(),
                  rs.getString("event_hash").strip(),
                  columns));
        }
      }
    }
    return events;
  }

  /**
   * The SIEM accepted everything up to {@code seq}; the failure count starts again. Only the lease
   * holder moves it.
   */
  public boolean delivered(String destination, String node, long seq, Instant now)
      throws SQLException {
    return update(
            "UPDATE audit_outbox SET last_seq = ?, failures = 0, next_try_ms = 0, last_error = NULL, last_sent_at = ?"
                + " WHERE destination = ? AND leased_by = ? AND last_seq < ?",
            s -> {
              s.setLong(1, seq);
              s.setTimestamp(2, Timestamp.from(now));
              s.setString(3, destination);
              s.setString(4, node);
              s.setLong(5, seq);
            })
        == 1;
  }

  /** A try failed: the next one not before {@code nextTryMs}; the lease is given back. */
  public void failed(String destination, String node, String error, long nextTryMs)
      throws SQLException {
    update(
        "UPDATE audit_outbox SET failures = failures + 1, next_try_ms = ?, last_error = ?, leased_by = NULL, leased_until_ms = 0"
            + " WHERE destination = ? AND leased_by = ?",
        s -> {
          s.setLong(1, nextTryMs);
          s.setString(2, error.length() > 300 ? error.substring(0, 300) : error);
          s.setString(3, destination);
          s.setString(4, node);
        });
  }

  public void release(String destination, String node) throws SQLException {
    update(
        "UPDATE audit_outbox SET leased_by = NULL, leased_until_ms = 0 WHERE destination = ? AND leased_by = ?",
        s -> {
          s.setString(1, destination);
          s.setString(2, node);
        });
  }

  /** How far the destination has got (empty before its first try). */
  public Optional<Long> deliveredThrough(String destination) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT last_seq FROM audit_outbox WHERE destination = ?")) {
      s.setString(1, destination);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Events written but not yet accepted by the destination. */
  public long backlog(String destination) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT h.last_seq - COALESCE((SELECT o.last_seq FROM audit_outbox o WHERE o.destination = ?), h.anchor_seq)"
                    + " FROM audit_chain h WHERE h.id = 1")) {
      s.setString(1, destination);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private int update(String sql, Binder binder) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      return s.executeUpdate();
    }
  }
}
