package io.recoveryportal.recovery;

import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Short transactions around attempts: each state change is one transaction with an audit event, and runs only
 * when the attempt is where the step expects it. The slow calls to Graph and Incode happen between these
 * transactions, never inside them, so no database connection waits on the network.
 */
@ApplicationScoped
public class AttemptStore {

    @Inject
    AttemptRepository attempts;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    protected AttemptStore() {
        // for CDI
    }

    /** For tests outside a container, on the caller's transaction. */
    public AttemptStore(AttemptRepository attempts, AuditLog audit, Clock clock) {
        this.attempts = attempts;
        this.audit = audit;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional
    public Attempt create(Attempt attempt, String auditType, String detail) {
        attempts.add(attempt);
        record(attempt, auditType, "OK", detail);
        return attempt;
    }

    /** The attempt behind a raw id from a cookie, if any. */
    @Transactional
    public Optional<Attempt> find(String rawId) {
        if (rawId == null || rawId.isBlank()) {
            return Optional.empty();
        }
        return attempts.findByIdHash(OpaqueTokens.hash(rawId));
    }

    /**
     * Moves the attempt from {@code expected} to {@code next} and applies {@code change} in the same transaction,
     * with an audit event. Empty when the attempt is gone, elsewhere, expired, or another request moved it
     * first (optimistic lock): the caller then treats the request as out of order.
     */
    @Transactional
    public Optional<Attempt> transition(String rawId, State expected, State next, Consumer<Attempt> change,
            String auditType, String outcome, String detail) {
        Optional<Attempt> found = find(rawId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Attempt a = found.get();
        if (a.getState() != expected || !Attempt.finishing(expected) && a.isExpired(now())) {
            return Optional.empty();
        }
        a.moveTo(expected, next, now());
        change.accept(a);
        record(a, auditType, outcome, detail);
        try {
            attempts.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentStepException(e);
        }
        return Optional.of(a);
    }

    /**
     * Moves an earlier approval to the attempt behind {@code rawId} (VERIFIED → APPROVED) and retires the earlier
     * attempt (APPROVED → EXPIRED), in one transaction, so one approval is only ever used once. False, with nothing
     * changed, when there is no such approval.
     */
    @Transactional
    public boolean carryOverApproval(String rawId, String directoryUserId, String identityId, Instant since, Consumer<Attempt> change) {
        Optional<Attempt> current = find(rawId).filter(a -> a.getState() == State.VERIFIED);
        Optional<Attempt> earlier = attempts.approvedFor(directoryUserId, identityId, since, now())
                .filter(e -> current.isPresent() && !e.getId().equals(current.get().getId()));
        if (earlier.isEmpty()) {
            return false;
        }
        Attempt a = current.get();
        Attempt e = earlier.get();
        e.moveTo(State.APPROVED, State.EXPIRED, now());
        record(e, "review.approval.carried-over", "SUPERSEDED", "approval of case " + e.getCaseReference() + " moved to attempt " + a.getId());
        a.moveTo(State.VERIFIED, State.APPROVED, now());
        change.accept(a);
        // the approval keeps its own time and window: coming back again does not extend it
        a.decided(e.getDecidedAt());
        a.extendUntil(e.getExpiresAt());
        record(a, "review.approval.carried-over", "APPROVED", "same identity and account as approved case " + e.getCaseReference());
        try {
            attempts.flush();
        } catch (OptimisticLockException ex) {
            throw new ConcurrentStepException(ex);
        }
        return true;
    }

    @Transactional
    public void audit(Attempt a, String type, String outcome, String detail) {
        record(a, type, outcome, detail);
    }

    private void record(Attempt a, String type, String outcome, String detail) {
        audit.record(new AuditEvent(now(), type, actorFor(a), a.getId(), a.getDirectoryUserId(), outcome, detail));
    }

    /** Who the audit trail names for a step of this attempt. */
    static String actorFor(Attempt a) {
        return switch (a.getKind()) {
            case RECOVERY -> "employee";
            case ACTIVATION -> "new-hire";
            case HELPDESK -> "helpdesk-caller";
        };
    }

    /** Another request changed the same attempt first; the whole step is rolled back. */
    public static class ConcurrentStepException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ConcurrentStepException(Throwable cause) {
            super("the attempt was changed by another request", cause);
        }
    }
}
