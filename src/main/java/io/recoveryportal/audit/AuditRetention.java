package io.recoveryportal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Retention of the audit trail: deletes whole segments from the start of the chain, only events
 * older than the cutoff, only after the segment verifies from the anchor, and moves the anchor to
 * the segment's last place and hash, so that what remains still verifies from a known hash. A
 * segment that does not verify is kept, untouched, and reported: evidence of tampering is never
 * pruned away. Never prunes past {@code keepFrom} (the SIEM's delivered position: nothing is
 * deleted before it was shipped). Two nodes pruning at once are harmless: the delete happens under
 * the chain's row lock and only when the anchor is still where the segment was verified from. Plain
 * JDBC.
 */
public final class AuditRetention {

  /**
   * What a round did: the segment pruned (empty when nothing was due) or the break that stopped it.
   */
  public record Pruned(long fromSeq, long toSeq, String anchorHash, ChainVerifier.Break refused) {

    public long events() {
      return refused == null ? toSeq - fromSeq + 1 : 0;
    }
  }

  private final DataSource ds;
  private final int segment;

  /** {@code segment}: the most events deleted in one transaction. */
  public AuditRetention(DataSource ds, int segment) {
    this.ds = ds;
    this.segment = segment;
  }

  /**
   * Prunes one segment of events older than {@code cutoff} and at or before place {@code keepFrom}.
   * Empty when nothing is due; a result with {@code refused} set when the segment does not verify
   * (nothing deleted).
   */
  public Optional<Pruned> pruneOnce(Instant cutoff, long keepFrom) throws SQLException {
    try (Connection c = ds.getConnection()) {
      ChainLink[] headAndAnchor = ChainHead.read(c);
      ChainLink anchor = headAndAnchor[1];
      long end = Math.min(Math.min(headAndAnchor[0].seq(), keepFrom), anchor.seq() + segment);
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT MIN(chain_seq) FROM audit_event WHERE occurred_at >= ? AND chain_seq > ?")) {
        s.setTimestamp(1, Timestamp.from(cutoff));
        s.setLong(2, anchor.seq());
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          long firstYoung = rs.getLong(1);
          if (!rs.wasNull()) {
            end = Math.min(end, firstYoung - 1);
          }
        }
      }
      if (end <= anchor.seq()) {
        return Optional.empty();
      }
      ChainVerifier.Result verified = ChainVerifier.verify(c, anchor, end, null);
      if (!verified.intact() || verified.toSeq() != end) {
        ChainVerifier.Break b =
            verified.broken() != null
                ? verified.broken()
                : new ChainVerifier.Break(
                    verified.toSeq() + 1, null, "missing: the segment ends early");
        return Optional.of(new Pruned(anchor.seq() + 1, end, null, b));
      }
      String endHash = hashAt(c, end);
      c.setAutoCommit(false);
      try {
        try (PreparedStatement s =
                c.prepareStatement("SELECT anchor_seq FROM audit_chain WHERE id = 1 FOR UPDATE");
            ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getLong(1) != anchor.seq()) {
            // another node pruned meanwhile
            c.rollback();
            return Optional.empty();
          }
        }
        try (PreparedStatement d =
            c.prepareStatement("DELETE FROM audit_event WHERE chain_seq > ? AND chain_seq <= ?")) {
          d.setLong(1, anchor.seq());
          d.setLong(2, end);
          d.executeUpdate();
        }
        try (PreparedStatement u =
            c.prepareStatement(
                "UPDATE audit_chain SET anchor_seq = ?, anchor_hash = ?, pruned_at = ? WHERE id = 1")) {
          u.setLong(1, end);
          u.setString(2, endHash);
          u.setTimestamp(3, Timestamp.from(Instant.now()));
          u.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      return Optional.of(new Pruned(anchor.seq() + 1, end, endHash, null));
    }
  }

  private static String hashAt(Connection c, long seq) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT event_hash FROM audit_event WHERE chain_seq = ?")) {
      s.setLong(1, seq);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no event at chain place " + seq);
        }
        return rs.getString(1).strip();
      }
    }
  }
}
