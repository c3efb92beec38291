package io.recoveryportal.recovery;

import io.recoveryportal.recovery.Attempt.Kind;
import io.recoveryportal.recovery.Attempt.RequestedAction;
import io.recoveryportal.recovery.Attempt.State;
import java.time.Instant;

/**
 * An attempt moved from one state to another, as written to the database: what the flow metrics
 * count once the transaction has committed. A snapshot, so that it can be read after the attempt
 * itself is gone from the persistence context.
 */
public record AttemptMoved(
    Kind kind,
    State from,
    State to,
    RequestedAction action,
    RefusalReason refusal,
    Instant entered,
    Instant at) {

  static AttemptMoved of(Attempt a, Attempt.Move move) {
    return new AttemptMoved(
        a.getKind(),
        move.from(),
        move.to(),
        a.getRequestedAction(),
        a.getRefusalReason(),
        move.entered(),
        move.at());
  }
}
