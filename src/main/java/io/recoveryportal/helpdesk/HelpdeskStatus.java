package io.recoveryportal.helpdesk;

import io.recoveryportal.recovery.Attempt;
import java.util.Optional;

/**
 * Where a helpdesk verification stands, as seed 004's "IDV Status" field shows it to agents.
 * Statuses only move forward ({@link #mayMoveTo}): webhooks arrive late, twice or in any order, and
 * a late "started" must never undo a result. Success and Failed are final.
 */
public enum HelpdeskStatus {
  LINK_SENT(0),
  IN_PROGRESS(1),
  PENDING_REVIEW(2),
  SUCCESS(3),
  FAILED(3);

  private final int rank;

  HelpdeskStatus(int rank) {
    this.rank = rank;
  }

  /**
   * The status as seed 004's field names it ("Success", "Pending Review"), in the agent's language.
   */
  public String label(java.util.Locale language) {
    return io.recoveryportal.i18n.Texts.text(language, "helpdesk.status." + name());
  }

  public boolean isFinal() {
    return rank == 3;
  }

  /** Forward only; nothing leaves Success or Failed, and neither becomes the other. */
  public boolean mayMoveTo(HelpdeskStatus next) {
    return next.rank > rank;
  }

  /**
   * What the attempt's state means for the agent, if anything yet: the attempt is the one record of
   * the verdict (our matching rules, or a reviewer's decision), so Success is never shown before
   * the portal itself decided.
   */
  public static Optional<HelpdeskStatus> of(Attempt.State state) {
    return switch (state) {
      case MATCHED, APPROVED, RESETTING, COMPLETED -> Optional.of(SUCCESS);
      case ESCALATED -> Optional.of(PENDING_REVIEW);
      case FAILED, DENIED, CANCELLED -> Optional.of(FAILED);
      // INTERRUPTED comes only from a browser callback, which helpdesk requests never have
      case STARTED, VERIFYING, VERIFIED, INTERRUPTED, EXPIRED -> Optional.empty();
    };
  }
}
