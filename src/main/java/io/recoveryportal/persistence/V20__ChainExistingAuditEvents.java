package io.recoveryportal.persistence;

import io.recoveryportal.audit.AuditChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Chains the audit events written before the chain existed (V19), oldest id first, and moves the
 * chain's head to the last of them, so that verification covers the whole trail from its first
 * event. Reads in pages of 1,000 (an older trail can be large) and runs in Flyway's one transaction
 * for the migration. Registered by instance in {@link Migrations#configuration}, as V18 is.
 */
public class V20__ChainExistingAuditEvents extends BaseJavaMigration {

  private static final int PAGE = 1_000;

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    long seq = 0;
    String prev = AuditChain.GENESIS;
    long afterId = Long.MIN_VALUE;
    while (true) {
      List<Object[]> page = new ArrayList<>(PAGE);
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT "
                  + AuditChain.selectList()
                  + " FROM audit_event"
                  + " WHERE chain_seq IS NULL AND id > ? ORDER BY id FETCH FIRST "
                  + PAGE
                  + " ROWS ONLY")) {
        s.setLong(1, afterId);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            page.add(new Object[] {rs.getLong("id"), AuditChain.values(rs)});
          }
        }
      }
      if (page.isEmpty()) {
        break;
      }
      try (PreparedStatement u =
          c.prepareStatement(
              "UPDATE audit_event SET chain_seq = ?, prev_hash = ?, event_hash = ? WHERE id = ?")) {
        for (Object[] row : page) {
          @SuppressWarnings("unchecked")
          List<String> values = (List<String>) row[1];
          seq++;
          String hash = AuditChain.hash(seq, prev, values);
          u.setLong(1, seq);
          u.setString(2, prev);
          u.setString(3, hash);
          u.setLong(4, (Long) row[0]);
          u.addBatch();
          prev = hash;
          afterId = (Long) row[0];
        }
        u.executeBatch();
      }
    }
    try (PreparedStatement h =
        c.prepareStatement("UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE id = 1")) {
      h.setLong(1, seq);
      h.setString(2, prev);
      h.executeUpdate();
    }
  }
}
