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

    @Transactional
    public Optional<String> lastIdentityId(String directoryUserId) {
        return attempts.lastIdentityIdFor(directoryUserId);
    }

    @Transactional
    public void audit(Attempt a, String type, String outcome, String detail) {
        record(a, type, outcome, detail);
    }

    private void record(Attempt a, String type, String outcome, String detail) {
        audit.record(new AuditEvent(now(), type, actorFor(a), a.getId(), a.getDirectoryUserId(), outcome, detail));
    }

    private static String actorFor(Attempt a) {
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
