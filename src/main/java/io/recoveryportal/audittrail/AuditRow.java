package io.recoveryportal.audittrail;

import io.recoveryportal.audit.AuditEvent;
import java.time.Instant;

/** One audit event as the pages and the export show it. */
public record AuditRow(
    long seq,
    long id,
    Instant occurredAt,
    String type,
    String actorKind,
    String actorId,
    Long attemptId,
    String directoryUserId,
    String outcome,
    String detail) {

  static AuditRow of(AuditEvent e) {
    return new AuditRow(
        e.getChainSeq() == null ? 0 : e.getChainSeq(),
        e.getId(),
        e.getOccurredAt(),
        e.getType().name(),
        e.getActor().kind().name(),
        e.getActor().id(),
        e.getAttemptId(),
        e.getDirectoryUserId(),
        e.getOutcome().name(),
        e.getDetail());
  }

  /** The actor in one word: STAFF 1234…, SYSTEM retention, PERSON employee. */
  public String actor() {
    return actorId == null ? actorKind : actorKind + " " + actorId;
  }
}
