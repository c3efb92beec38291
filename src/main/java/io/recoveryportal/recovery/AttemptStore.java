package io.recoveryportal.recovery;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Short transactions around attempts: each state change is one transaction with an audit event, and
 * runs only when the attempt is where the step expects it. The slow calls to Graph and Incode
 * happen between these transactions, never inside them, so no database connection waits on the
 * network.
 */
@ApplicationScoped
public class AttemptStore {

  @Inject AttemptRepository attempts;

  @Inject AuditLog audit;

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
  public Attempt create(Attempt attempt, AuditType auditType, String detail) {
    attempts.add(attempt);
    record(attempt, auditType, AuditOutcome.OK, detail);
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

  /** Where the attempt behind a raw id from a cookie stands, for its page. */
  @Transactional
  public Optional<AttemptStatus> status(String rawId, java.time.Duration claimTimeout) {
    return find(rawId).map(a -> AttemptStatus.of(a, now(), claimTimeout));
  }

  /**
   * Moves the attempt from {@code expected} to {@code next} and applies {@code change} in the same
   * transaction, with an audit event. Empty when the attempt is gone, elsewhere, expired, or
   * another request moved it first (optimistic lock): the caller then treats the request as out of
   * order.
   */
  @Transactional
  public Optional<Attempt> transition(
      String rawId,
      State expected,
      State next,
      Consumer<Attempt> change,
      AuditType auditType,
      AuditOutcome outcome,
      String detail) {
    return transition(find(rawId), expected, next, change, auditType, outcome, detail);
  }

  /**
   * As {@link #transition(String, State, State, Consumer, AuditType, AuditOutcome, String)}, for an
   * attempt the server found itself (the reconciliation), by its database id.
   */
  @Transactional
  public Optional<Attempt> transition(
      long id,
      State expected,
      State next,
      Consumer<Attempt> change,
      AuditType auditType,
      AuditOutcome outcome,
      String detail) {
    return transition(attempts.findById(id), expected, next, change, auditType, outcome, detail);
  }

  private Optional<Attempt> transition(
      Optional<Attempt> found,
      State expected,
      State next,
      Consumer<Attempt> change,
      AuditType auditType,
      AuditOutcome outcome,
      String detail) {
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Attempt a = found.get();
    if (a.getState() != expected || !Attempt.finishing(expected) && a.isExpired(now())) {
      return Optional.empty();
    }
    if (next == State.RESETTING && expected != State.RESETTING && attempts.anotherResetting(a)) {
      // the unique column would refuse it at the flush too; asking first keeps that for true races
      throw new OtherResetInFlightException(null);
    }
    a.moveTo(expected, next, now());
    change.accept(a);
    record(a, auditType, outcome, detail);
    flush();
    return Optional.of(a);
  }

  /** The attempt with this database id, read now. */
  @Transactional
  public Optional<Attempt> find(long id) {
    return attempts.findById(id);
  }

  /**
   * Attempts left RESETTING that nobody is finishing: claimed before {@code claimedBefore} (the
   * node that claimed them is gone or gave up) and not read by a reconciliation since {@code
   * checkedBefore}. Oldest first, at most {@code max}.
   */
  @Transactional
  public java.util.List<Long> resetsInDoubt(Instant claimedBefore, Instant checkedBefore, int max) {
    return attempts.resetsInDoubt(claimedBefore, checkedBefore, max);
  }

  /**
   * Takes an attempt left RESETTING for one reconciliation: marks it read now, so that no other run
   * (another node, an overlapping round, the person's own "check now") takes it until {@code
   * checkedBefore} comes round again. Empty when it is no longer in doubt or another run took it
   * first (the version column decides).
   */
  @Transactional
  public Optional<Attempt> takeForCheck(long id, Instant claimedBefore, Instant checkedBefore) {
    Optional<Attempt> found =
        attempts
            .findById(id)
            .filter(a -> AttemptRepository.inDoubt(a, claimedBefore, checkedBefore));
    found.ifPresent(
        a -> {
          a.resetChecked(now());
          record(a, AuditType.RESET_CHECK_STARTED, AuditOutcome.OK, null);
          flush();
        });
    return found;
  }

  /**
   * Writes the step now, so that a conflict surfaces inside the step that caused it, as a named
   * exception.
   */
  public void flush() {
    try {
      attempts.flush();
    } catch (OptimisticLockException e) {
      throw new ConcurrentStepException(e);
    } catch (PersistenceException e) {
      if (uniqueViolation(e)) {
        // the only unique column a step can touch: another attempt of the account is RESETTING
        throw new OtherResetInFlightException(e);
      }
      throw e;
    }
  }

  /** SQLState 23505 (unique violation) in H2 and PostgreSQL alike. */
  private static boolean uniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  @Transactional
  public void audit(Attempt a, AuditType type, AuditOutcome outcome, String detail) {
    record(a, type, outcome, detail);
  }

  private void record(Attempt a, AuditType type, AuditOutcome outcome, String detail) {
    audit.record(
        new AuditEvent(
            now(), type, actorFor(a), a.getId(), a.getDirectoryUserId(), outcome, detail));
  }

  /** Who the audit trail names for a step of this attempt. */
  static Actor actorFor(Attempt a) {
    return a.getKind().policy().actor();
  }

  /**
   * Another attempt for the same account is resetting it right now (another tab, another person,
   * another node): the step is rolled back and this attempt stays where it was.
   */
  public static class OtherResetInFlightException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OtherResetInFlightException(Throwable cause) {
      super("another attempt is resetting the same account", cause);
    }
  }

  /** Another request changed the same attempt first; the whole step is rolled back. */
  public static class ConcurrentStepException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConcurrentStepException(Throwable cause) {
      super("the attempt was changed by another request", cause);
    }
  }
}
