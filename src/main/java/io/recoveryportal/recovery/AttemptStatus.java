package io.recoveryportal.recovery;

import io.recoveryportal.recovery.Attempt.Kind;
import io.recoveryportal.recovery.Attempt.RequestedAction;
import io.recoveryportal.recovery.Attempt.State;

/**
 * Where an attempt stands, as the person's own page needs it, read in one transaction: pages get
 * this, never the entity.
 *
 * @param expired past its lifetime now
 * @param resetInDoubt RESETTING, and its outcome is being read from the directory rather than
 *     awaited
 * @param earlierTryNotSaved back at its form after a reset that went unanswered and was then found
 *     not made
 */
public record AttemptStatus(
    long id,
    Kind kind,
    State state,
    RequestedAction requestedAction,
    String caseReference,
    boolean expired,
    boolean resetInDoubt,
    boolean passwordDone,
    boolean earlierTryNotSaved) {

  static AttemptStatus of(Attempt a, java.time.Instant now, java.time.Duration claimTimeout) {
    return new AttemptStatus(
        a.getId(),
        a.getKind(),
        a.getState(),
        a.getRequestedAction(),
        a.getCaseReference(),
        a.isExpired(now),
        a.isResetInDoubt(now, claimTimeout),
        a.resetProgress().passwordIsDone(),
        a.resetProgress().checkedAt() != null
            && (a.getState() == State.MATCHED || a.getState() == State.APPROVED));
  }
}
