package io.recoveryportal.review;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.i18n.Span;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryProfile;
import io.recoveryportal.lookup.DirectoryRefusedException;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.recovery.RecoverySettings;
import io.recoveryportal.staff.StaffPrincipal;
import io.recoveryportal.staff.StaffRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the reviewer console does, for its pages: list the queue, open a case with the directory
 * read fresh from Graph, claim, decide. Transactions are the store's; Graph is read between them; a
 * committed decision is announced as a {@link CaseDecided} event (the employee is told, an
 * activation completes).
 */
@ApplicationScoped
public class ReviewDesk {

  private static final Logger LOG = Logger.getLogger(ReviewDesk.class.getName());

  /** What a claim or a decision came to, in words for the reviewer. */
  public record Outcome(boolean done, Text message) {}

  @Inject ReviewStore store;

  @Inject DirectoryAccounts directory;

  @Inject RecoverySettings recovery;

  @Inject ReviewSettings settings;

  @Inject Event<CaseDecided> decided;

  public static Reviewer reviewer(StaffPrincipal p) {
    return new Reviewer(p.oid(), p.name(), p.hasRole(StaffRole.SENIOR_REVIEWER));
  }

  public List<QueueItem> queue(StaffPrincipal p, QueueFilter filter) {
    return filter.apply(store.queue(p.oid()));
  }

  /**
   * Opens a case: audited, because it shows personal data; the directory side is read from Graph
   * now.
   */
  public Optional<CaseFile> open(String reference, StaffPrincipal p) {
    return store
        .read(reference, p.actor())
        .map(f -> f.withDirectory(readDirectory(f.summary().directoryUserId())));
  }

  /**
   * The case again after a claim or decision, keeping the directory side read when it was opened.
   */
  public Optional<CaseFile> reload(String reference, CaseFile.Directory known) {
    return store.read(reference, null).map(f -> f.withDirectory(known));
  }

  public Outcome claim(String reference, StaffPrincipal p) {
    Reviewer r = reviewer(p);
    try {
      store.claim(reference, r);
      return new Outcome(
          true, Text.of("review.claimed", "duration", new Span(settings.claimDuration())));
    } catch (ReviewCases.Refused e) {
      store.note(
          reference,
          AuditType.REVIEW_REFUSED,
          ReviewStore.actor(r),
          AuditOutcome.REFUSED,
          "claim: " + e.getMessage());
      return new Outcome(false, e.reason());
    }
  }

  /** {@code approve} is null when the reviewer chose neither. */
  public Outcome decide(String reference, StaffPrincipal p, Boolean approve, String reason) {
    if (approve == null) {
      return new Outcome(false, Text.of("review.choose"));
    }
    Reviewer r = reviewer(p);
    CaseDecided event;
    try {
      event = store.decide(reference, r, approve, reason, recovery.approvalWindow());
    } catch (ReviewCases.Refused e) {
      store.note(
          reference,
          AuditType.REVIEW_REFUSED,
          ReviewStore.actor(r),
          AuditOutcome.REFUSED,
          "decide: " + e.getMessage());
      return new Outcome(false, e.reason());
    }
    if (event.result() != ReviewCases.Result.AWAITING_SECOND_APPROVAL) {
      try {
        decided.fire(event);
      } catch (RuntimeException e) {
        // the decision stands; a notice that could not go out is in the audit trail
        LOG.log(
            Level.WARNING,
            "After the decision on case {0}: {1}",
            new Object[] {reference, e.toString()});
      }
    }
    if (event.kind().policy().agentFollowsCase()
        && event.result() != ReviewCases.Result.AWAITING_SECOND_APPROVAL) {
      // the agent who asked follows the case on their request's page; the employee hears from them,
      // not from us
      return new Outcome(
          true,
          event.result() == ReviewCases.Result.APPROVED
              ? Text.of("review.decided.helpdesk-approved")
              : Text.of("review.decided.helpdesk-denied"));
    }
    return switch (event.result()) {
      case APPROVED -> new Outcome(true, Text.of("review.decided.approved"));
      case AWAITING_SECOND_APPROVAL -> new Outcome(true, Text.of("review.decided.first-approval"));
      case DENIED -> new Outcome(true, Text.of("review.decided.denied"));
    };
  }

  private CaseFile.Directory readDirectory(String objectId) {
    if (objectId == null) {
      return CaseFile.Directory.unavailable(Text.of("review.directory.unbound"));
    }
    try {
      Optional<DirectoryProfile> found = directory.profile(objectId);
      if (found.isEmpty()) {
        return CaseFile.Directory.unavailable(Text.of("review.directory.gone"));
      }
      DirectoryProfile d = found.get();
      return new CaseFile.Directory(
          d.account().userPrincipalName(),
          d.account().givenName(),
          d.account().surname(),
          d.account().displayName(),
          d.account().birthdate(),
          d.department(),
          d.jobTitle(),
          d.managerName(),
          d.created(),
          d.lastPasswordChange(),
          d.account().enabled(),
          null);
    } catch (DirectoryUnavailableException | DirectoryRefusedException e) {
      LOG.log(Level.WARNING, "Directory read for a case failed: {0}", e.getMessage());
      return CaseFile.Directory.unavailable(Text.of("review.directory.unavailable"));
    }
  }
}
