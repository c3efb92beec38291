package io.recoveryportal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Checks the audit chain over plain JDBC, so that the admin page and the command line run the same
 * code: from the anchor (where retention left off, or the start) every event in chain order must
 * sit at the next place, name the hash before it, and hash to what it says; the last must be the
 * head. The first broken link is named: an event edited (its hash no longer matches its columns),
 * one missing (a place skipped), one put in (it names another previous hash), or the newest ones
 * gone (the head is further on than the last event). Reads in one pass, streamed.
 */
public final class ChainVerifier {

  /**
   * The first broken link: the chain place, the event id found there (null when none), and what is
   * wrong.
   */
  public record Break(long seq, Long eventId, String what) {}

  /**
   * The outcome: how many events were checked, from and to which place, and the first break (null:
   * intact).
   */
  public record Result(long checked, long fromSeq, long toSeq, ChainLink head, Break broken) {

    public boolean intact() {
      return broken == null;
    }

    /** One line for a person: "intact: 1,234 events, places 1 to 1,234" or where it broke. */
    public String describe() {
      return intact()
          ? String.format(
              "intact: %,d events checked, chain places %,d to %,d", checked, fromSeq, toSeq)
          : String.format(
              "BROKEN at chain place %,d%s: %s (%,d events before it were intact)",
              broken.seq(),
              broken.eventId() == null ? "" : " (event id " + broken.eventId() + ")",
              broken.what(),
              checked);
    }
  }

  private ChainVerifier() {}

  /** The whole chain, from the anchor to the head. */
  public static Result verify(Connection c) throws SQLException {
    ChainLink[] headAndAnchor = ChainHead.read(c);
    return verify(c, headAndAnchor[1], headAndAnchor[0].seq(), headAndAnchor[0]);
  }

  /**
   * The events after {@code from} up to place {@code to}, which must end at hash {@code end}'s when
   * {@code end} is given (the head); retention checks a segment with {@code end} null.
   */
  static Result verify(Connection c, ChainLink from, long to, ChainLink end) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    // PostgreSQL streams a result set only inside a transaction
    c.setAutoCommit(false);
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT chain_seq, prev_hash, event_hash, "
                + AuditChain.selectList()
                + " FROM audit_event WHERE chain_seq > ? AND chain_seq <= ? ORDER BY chain_seq")) {
      s.setFetchSize(1_000);
      s.setLong(1, from.seq());
      s.setLong(2, to);
      long expected = from.seq() + 1;
      String prev = from.hash();
      long checked = 0;
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong("chain_seq");
          Long id = rs.getLong("id");
          if (seq != expected) {
            return new Result(
                checked,
                from.seq() + 1,
                expected - 1,
                end,
                new Break(
                    expected,
                    null,
                    "missing: no event at this place (the next one found is at " + seq + ")"));
          }
          String prevHash = trim(rs.getString("prev_hash"));
          if (!prev.equals(prevHash)) {
            return new Result(
                checked,
                from.seq() + 1,
                seq - 1,
                end,
                new Break(
                    seq,
                    id,
                    "does not follow the event before it (its previous hash is not that event's hash): inserted or reordered"));
          }
          List<String> values = AuditChain.values(rs);
          String hash = AuditChain.hash(seq, prevHash, values);
          if (!hash.equals(trim(rs.getString("event_hash")))) {
            return new Result(
                checked,
                from.seq() + 1,
                seq - 1,
                end,
                new Break(seq, id, "edited: its columns no longer match its hash"));
          }
          prev = hash;
          expected++;
          checked++;
        }
      }
      if (end != null && (expected - 1 != end.seq() || !prev.equals(end.hash()))) {
        return new Result(
            checked,
            from.seq() + 1,
            expected - 1,
            end,
            new Break(
                expected,
                null,
                "missing: the chain's head is at place "
                    + end.seq()
                    + " but the events end at "
                    + (expected - 1)));
      }
      return new Result(checked, from.seq() + 1, expected - 1, end, null);
    } finally {
      c.rollback();
      c.setAutoCommit(autoCommit);
    }
  }

  private static String trim(String s) {
    return s == null ? "" : s.strip();
  }
}
