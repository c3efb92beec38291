package io.recoveryportal.recovery;

import io.recoveryportal.metrics.Meters;
import io.recoveryportal.metrics.Meters.Abandoned;
import io.recoveryportal.metrics.Meters.Decision;
import io.recoveryportal.metrics.Meters.FlowStep;
import io.recoveryportal.recovery.Attempt.State;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;

/**
 * The flow and review metrics, read off the attempts' moves once they are committed: a step rolled
 * back (a concurrent request, a failed flush) counts nothing. Which move counts as what:
 *
 * <ul>
 *   <li>STARTED → VERIFYING: started; VERIFYING → VERIFIED: verified; VERIFIED → MATCHED: matched;
 *       → ESCALATED: escalated;
 *   <li>→ FAILED: refused (by reason) when the account may not be recovered (a decoy), failed
 *       otherwise; → INTERRUPTED: failed;
 *   <li>→ CANCELLED and VERIFYING → EXPIRED: abandoned;
 *   <li>ESCALATED → APPROVED or DENIED: a review decision, with the time since escalation;
 *   <li>RESETTING → COMPLETED: a reset, by credential; RESETTING back to MATCHED or APPROVED: a
 *       reset that failed and was handed back.
 * </ul>
 */
@ApplicationScoped
public class FlowMetrics {

  @Inject Meters meters;

  protected FlowMetrics() {
    // for CDI
  }

  /** For tests outside a container. */
  public FlowMetrics(Meters meters) {
    this.meters = meters;
  }

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AttemptMoved m) {
    count(m);
  }

  void count(AttemptMoved m) {
    String kind = m.kind().name().toLowerCase(Locale.ROOT);
    State from = m.from();
    switch (m.to()) {
      case VERIFYING -> {
        if (from == State.STARTED) {
          meters.flow(kind, FlowStep.STARTED);
        }
      }
      case VERIFIED -> meters.flow(kind, FlowStep.VERIFIED);
      case MATCHED ->
          meters.flow(kind, from == State.RESETTING ? FlowStep.RESET_FAILED : FlowStep.MATCHED);
      case ESCALATED -> meters.flow(kind, FlowStep.ESCALATED);
      case FAILED -> {
        if (m.refusal() != null) {
          meters.refused(kind, m.refusal().name());
        } else {
          meters.flow(kind, FlowStep.FAILED);
        }
      }
      case INTERRUPTED -> meters.flow(kind, FlowStep.FAILED);
      case CANCELLED -> meters.abandoned(kind, Abandoned.CANCELLED);
      case EXPIRED -> {
        if (from == State.VERIFYING) {
          meters.abandoned(kind, Abandoned.EXPIRED);
        }
      }
      case APPROVED, DENIED -> {
        if (from == State.ESCALATED) {
          meters.decision(
              kind, m.to() == State.APPROVED ? Decision.APPROVED : Decision.DENIED, waited(m));
        } else if (from == State.RESETTING) {
          meters.flow(kind, FlowStep.RESET_FAILED);
        }
      }
      case COMPLETED -> meters.reset(kind, m.action().name().toLowerCase(Locale.ROOT));
      default -> {
        // STARTED, RESETTING: nothing to count
      }
    }
  }

  private static Duration waited(AttemptMoved m) {
    return m.entered() == null || m.at() == null
        ? Duration.ZERO
        : Duration.between(m.entered(), m.at());
  }
}
