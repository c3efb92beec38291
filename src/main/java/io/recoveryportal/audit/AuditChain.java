package io.recoveryportal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit trail's hash chain: what an event's hash covers and how it is computed, shared by the
 * writer ({@link AuditLog}), the migration that chains older events, the verifier and retention.
 * Plain Java.
 *
 * <p>An event's hash is SHA-256, in lower-case hex, over its canonical form, UTF-8:
 *
 * <pre>
 * audit-chain-v1 \n
 * {chain_seq} \n
 * {prev_hash} \n
 * then for each of {@link #COLUMNS}, in order: "-" for SQL NULL, else {length in chars}:{text}, then \n
 * </pre>
 *
 * where the text of a number is its decimal digits and of a time its ISO-8601 instant in UTC
 * ({@code 2026-11-27T18:05:28.123456Z}, microseconds at most, trailing zeros dropped: {@link
 * java.time.Instant#toString}). The length prefix keeps a value containing a newline from passing
 * as two. The first event's previous hash is {@link #GENESIS}.
 */
public final class AuditChain {

  /** The previous hash of the very first event. */
  public static final String GENESIS = "0".repeat(64);

  /** The columns of audit_event an event's hash covers, in this order. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "occurred_at",
          "event_type",
          "actor_kind",
          "actor_id",
          "attempt_id",
          "directory_user_id",
          "outcome",
          "detail");

  private static final String VERSION = "audit-chain-v1";

  private AuditChain() {}

  /**
   * The hash of an event at {@code seq} after {@code prevHash}, whose {@link #COLUMNS} read {@code
   * values}.
   */
  public static String hash(long seq, String prevHash, List<String> values) {
    if (values.size() != COLUMNS.size()) {
      throw new IllegalArgumentException(
          "expected " + COLUMNS.size() + " values, got " + values.size());
    }
    StringBuilder b =
        new StringBuilder(256)
            .append(VERSION)
            .append('\n')
            .append(seq)
            .append('\n')
            .append(prevHash)
            .append('\n');
    for (String v : values) {
      if (v == null) {
        b.append('-');
      } else {
        b.append(v.length()).append(':').append(v);
      }
      b.append('\n');
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The {@link #COLUMNS} of the current row, as the hash reads them. */
  public static List<String> values(ResultSet rs) throws SQLException {
    List<String> values = new ArrayList<>(COLUMNS.size());
    for (String column : COLUMNS) {
      if (column.equals("occurred_at")) {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        values.add(t == null ? null : t.toInstant().toString());
      } else {
        values.add(rs.getString(column));
      }
    }
    return values;
  }

  /** The columns to select for {@link #values}, comma-separated. */
  public static String selectList() {
    return String.join(", ", COLUMNS);
  }
}
