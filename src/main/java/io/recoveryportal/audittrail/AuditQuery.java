package io.recoveryportal.audittrail;

import io.recoveryportal.audit.AuditType;
import java.time.Instant;

/**
 * What an auditor searches for, each part optional, all given parts must hold: the account
 * (directory object id), the attempt (its id), the staff member who acted (Entra object id), the
 * event type and a time range [from, until).
 */
public record AuditQuery(
    String directoryUserId,
    Long attemptId,
    String staffId,
    AuditType type,
    Instant from,
    Instant until) {

  public boolean isEmpty() {
    return directoryUserId == null
        && attemptId == null
        && staffId == null
        && type == null
        && from == null
        && until == null;
  }

  /**
   * The query in words for the trail's own AUDIT_SEARCHED/EXPORTED events (ids only, never an
   * address).
   */
  public String describe() {
    StringBuilder b = new StringBuilder();
    append(b, "account", directoryUserId);
    append(b, "attempt", attemptId);
    append(b, "staff", staffId);
    append(b, "type", type);
    append(b, "from", from);
    append(b, "until", until);
    return b.length() == 0 ? "everything" : b.toString();
  }

  private static void append(StringBuilder b, String name, Object value) {
    if (value != null) {
      b.append(b.length() == 0 ? "" : "; ").append(name).append(' ').append(value);
    }
  }
}
