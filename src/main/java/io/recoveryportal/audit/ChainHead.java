package io.recoveryportal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The audit_chain row, over plain JDBC on the caller's connection (and so in its transaction). */
final class ChainHead {

  private ChainHead() {}

  /** The head, locked until the transaction ends. */
  static ChainLink lock(Connection c) {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_chain WHERE id = 1 FOR UPDATE");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("the audit chain's head row is missing (migration V19)");
      }
      return new ChainLink(rs.getLong(1), rs.getString(2).strip());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot lock the audit chain's head: " + e.getMessage(), e);
    }
  }

  static void advance(Connection c, ChainLink to) {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE id = 1")) {
      s.setLong(1, to.seq());
      s.setString(2, to.hash());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot move the audit chain's head: " + e.getMessage(), e);
    }
  }

  /** The head and the anchor, read without a lock. */
  static ChainLink[] read(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT last_seq, last_hash, anchor_seq, anchor_hash FROM audit_chain WHERE id = 1");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("the audit chain's head row is missing (migration V19)");
      }
      return new ChainLink[] {
        new ChainLink(rs.getLong(1), rs.getString(2).strip()),
        new ChainLink(rs.getLong(3), rs.getString(4).strip())
      };
    }
  }
}
