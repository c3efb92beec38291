package io.recoveryportal.helpdesk.webhook;

import io.recoveryportal.helpdesk.HelpdeskProgress;
import io.recoveryportal.verification.ProofingUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an authenticated notification does: it is stored as received (once per natural key), then,
 * the first time only, handed to the helpdesk: "started" moves a request to In Progress, an ending
 * makes the portal fetch and judge the result. Unknown events and other interviews (Incode notifies
 * about every session of the organisation) are stored and ignored. A notification the portal could
 * not deal with yet (Incode's result not there, Incode unreachable) is answered 503 and left
 * undone, so Incode's retry tries again.
 */
@ApplicationScoped
public class WebhookDesk {

  private static final Logger LOG = Logger.getLogger(WebhookDesk.class.getName());

  /** The HTTP answer: status, and {@code outcome} for the JSON body. */
  public record Answer(int status, String outcome, String message) {}

  @Inject WebhookEvents events;

  @Inject HelpdeskProgress helpdesk;

  protected WebhookDesk() {
    // for CDI
  }

  /** For tests outside a container. */
  public WebhookDesk(WebhookEvents events, HelpdeskProgress helpdesk) {
    this.events = events;
    this.helpdesk = helpdesk;
  }

  public Answer receive(String body) {
    SessionEvent e;
    try {
      e = SessionEvent.parse(body);
    } catch (SessionEvent.Malformed m) {
      return new Answer(400, "REFUSED", m.getMessage());
    }
    ReceivedEvent stored;
    try {
      stored = events.record(e);
    } catch (RuntimeException race) {
      // another copy was stored at the same moment: its row is there now
      stored = events.find(e.naturalKey()).orElseThrow(() -> race);
    }
    if (stored.isProcessed()) {
      return new Answer(200, "DUPLICATE", stored.getOutcome());
    }
    String outcome;
    try {
      outcome = apply(e);
    } catch (ProofingUnavailableException unavailable) {
      LOG.log(
          Level.WARNING,
          "Webhook {0} for interview {1} left for a retry: {2}",
          new Object[] {e.event(), e.interviewId(), unavailable.getMessage()});
      return new Answer(503, "RETRY", "Incode's result could not be fetched; send it again later.");
    }
    if (outcome == null) {
      return new Answer(
          503, "RETRY", "Incode has no result for this session yet; send it again later.");
    }
    events.processed(stored.getId(), outcome);
    return new Answer(200, outcome, null);
  }

  /** The outcome to record, or null when the notification must be tried again later. */
  private String apply(SessionEvent e) {
    if (e.event() == null || e.interviewId() == null) {
      return "IGNORED";
    }
    HelpdeskProgress.Progress p;
    switch (e.event()) {
      case SessionEvent.SESSION_STARTED, SessionEvent.SESSION_PROGRESS ->
          p = helpdesk.sessionStarted(e.interviewId(), e.timestamp());
      case SessionEvent.SESSION_SUCCEEDED,
          SessionEvent.SESSION_FAILED,
          SessionEvent.SESSION_PENDING_REVIEW,
          SessionEvent.ONBOARDING_FINISHED ->
          p = helpdesk.sessionEnded(e.interviewId());
      default -> {
        return "UNKNOWN_EVENT";
      }
    }
    return switch (p) {
      case APPLIED -> "APPLIED";
      case NO_SUCH_REQUEST -> "NOT_OURS";
      case RESULT_NOT_READY -> null;
    };
  }
}
