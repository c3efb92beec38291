package io.recoveryportal.staff;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Staff sign-in, sign-in failure and the end of staff sessions in the audit trail; never a token or
 * a name.
 */
@ApplicationScoped
public class StaffAudit {

  static final AuditType SIGNED_IN = AuditType.STAFF_SIGNED_IN;
  static final AuditType SIGN_IN_FAILED = AuditType.STAFF_SIGN_IN_FAILED;
  static final AuditType SIGNED_OUT = AuditType.STAFF_SIGNED_OUT;

  @Inject AuditLog audit;

  @Transactional
  public void signedIn(StaffPrincipal p) {
    String roles = p.roles().stream().map(StaffRole::claimValue).collect(Collectors.joining(","));
    record(p.signedInAt(), SIGNED_IN, p.oid(), AuditOutcome.OK, "roles=" + roles);
  }

  @Transactional
  public void signInFailed(StaffSignInException e, Instant at) {
    record(at, SIGN_IN_FAILED, e.oid(), AuditOutcome.of(e.reason()), e.getMessage());
  }

  /** {@code outcome}: SIGNED_OUT, or the timeout that ended the session. */
  @Transactional
  public void sessionEnded(StaffPrincipal p, AuditOutcome outcome, Instant at) {
    record(at, SIGNED_OUT, p.oid(), outcome, null);
  }

  private void record(Instant at, AuditType type, String oid, AuditOutcome outcome, String detail) {
    // a failure before the token was trusted has no person to name: a staff actor without an id
    audit.record(new AuditEvent(at, type, Actor.staff(oid), null, oid, outcome, detail));
  }
}
