package io.recoveryportal.audittrail;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The audit trail's own events (searches, exports, checks, pruning), each in a transaction of its
 * own.
 */
@ApplicationScoped
public class AuditNotes {

  @Inject AuditLog audit;

  @Transactional
  public void note(
      AuditType type, Actor actor, String directoryUserId, AuditOutcome outcome, String detail) {
    audit.record(
        new AuditEvent(Instant.now(), type, actor, null, directoryUserId, outcome, detail));
  }
}
