package io.recoveryportal.recovery;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;

/**
 * Announces each move of an attempt when it is written, as a CDI event ({@link AttemptMoved}) whose
 * observers count it only if the transaction commits (FlowMetrics). One place sees every move,
 * whichever service made it. Outside a container (the repository tests) nothing is injected and the
 * moves are only forgotten.
 */
public class AttemptMoves {

  @Inject Event<AttemptMoved> moved;

  @PostPersist
  @PostUpdate
  void written(Attempt a) {
    for (Attempt.Move move : a.takeMoves()) {
      if (moved != null) {
        moved.fire(AttemptMoved.of(a, move));
      }
    }
  }
}
