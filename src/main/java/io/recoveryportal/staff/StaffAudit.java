package io.recoveryportal.staff;

import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.stream.Collectors;

/** Staff sign-in, sign-in failure and the end of staff sessions in the audit trail; never a token or a name. */
@ApplicationScoped
public class StaffAudit {

    static final String SIGNED_IN = "staff.signed-in";
    static final String SIGN_IN_FAILED = "staff.sign-in-failed";
    static final String SIGNED_OUT = "staff.signed-out";

    @Inject
    AuditLog audit;

    @Transactional
    public void signedIn(StaffPrincipal p) {
        String roles = p.roles().stream().map(StaffRole::claimValue).collect(Collectors.joining(","));
        record(p.signedInAt(), SIGNED_IN, p.oid(), "OK", "roles=" + roles);
    }

    @Transactional
    public void signInFailed(StaffSignInException e, Instant at) {
        record(at, SIGN_IN_FAILED, e.oid(), e.reason().name(), e.getMessage());
    }

    /** {@code outcome}: SIGNED_OUT, or the timeout that ended the session. */
    @Transactional
    public void sessionEnded(StaffPrincipal p, String outcome, Instant at) {
        record(at, SIGNED_OUT, p.oid(), outcome, null);
    }

    private void record(Instant at, String type, String oid, String outcome, String detail) {
        // a failure before the token was trusted has no person to name
        String actor = oid == null ? "staff:unknown" : "staff:" + oid;
        audit.record(new AuditEvent(at, type, actor, null, oid, outcome, detail));
    }
}
