package io.recoveryportal.review;

import io.recoveryportal.i18n.Text;
import io.recoveryportal.i18n.Texts;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.CaseReason;
import io.recoveryportal.verification.ProofingStatus;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Everything the case page shows, as a snapshot a view-scoped page can keep: the case, the
 * directory read fresh when it was opened, what Incode verified, the comparison, the history and
 * the decisions. Personal data lives here only while a reviewer has the page open.
 */
public record CaseFile(
    Summary summary,
    Directory directory,
    Verified verified,
    List<Comparison.Row> comparison,
    List<Rule> rules,
    List<Decision> decisions,
    List<Past> history,
    List<Decision> earlierDecisions)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** This file with the directory side filled in, and the comparison that needs it. */
  public CaseFile withDirectory(Directory d) {
    return new CaseFile(
        summary,
        d,
        verified,
        d.isAvailable() ? Comparison.rows(d, verified, rules) : List.of(),
        rules,
        decisions,
        history,
        earlierDecisions);
  }

  /** The case itself, as the queue and the case page show it. */
  public record Summary(
      String reference,
      Attempt.Kind kind,
      Attempt.State state,
      CaseReason reason,
      String reasonDetail,
      boolean highRisk,
      Attempt.RequestedAction requestedAction,
      Instant escalatedAt,
      Instant expiresAt,
      String directoryUserId,
      String escalatedBy,
      String claimedEmail,
      String claimedBy,
      Instant claimedUntil,
      int approvals,
      Instant decidedAt)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    public boolean claimedBy(String reviewerId, Instant now) {
      return reviewerId.equals(claimedBy) && claimedUntil != null && now.isBefore(claimedUntil);
    }

    public boolean claimedByAnother(String reviewerId, Instant now) {
      return claimedBy != null
          && !claimedBy.equals(reviewerId)
          && claimedUntil != null
          && now.isBefore(claimedUntil);
    }
  }

  /**
   * The directory as Graph answered when the case was opened; {@code problem} says why it is
   * missing, if it is.
   */
  public record Directory(
      String userPrincipalName,
      String givenName,
      String surname,
      String displayName,
      String birthdate,
      String department,
      String jobTitle,
      String manager,
      Instant created,
      Instant lastPasswordChange,
      boolean enabled,
      Text problem)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    static Directory unavailable(Text problem) {
      return new Directory(
          null, null, null, null, null, null, null, null, null, null, false, problem);
    }

    public boolean isAvailable() {
      return problem == null;
    }

    /**
     * The manager as the page states it: a name, "none named", or "not known" when the directory
     * was not read.
     */
    public String managerShown(Locale language) {
      return !isAvailable()
          ? Texts.text(language, NOT_KNOWN)
          : manager == null || manager.isBlank()
              ? Texts.text(language, "case.manager.none")
              : manager;
    }

    /**
     * Whether the account is enabled, as the page states it; "not known" when the directory was not
     * read.
     */
    public String enabledShown(Locale language) {
      return Texts.text(
          language, !isAvailable() ? NOT_KNOWN : enabled ? "common.yes" : "common.no");
    }
  }

  /**
   * The key of what the case page says of a directory fact it could not read, rather than a guess
   * that looks like a fact.
   */
  public static final String NOT_KNOWN = "common.not-known";

  /** What Incode verified; the names and birthdate are null once retention has purged them. */
  public record Verified(
      String fullName,
      String givenName,
      LocalDate birthdate,
      ProofingStatus status,
      Double score,
      String interviewId,
      String dashboardLink,
      Instant purgedAt,
      String evidenceHash)
      implements Serializable {

    private static final long serialVersionUID = 1L;
  }

  /** One matching rule's outcome as recorded when the case was opened. */
  public record Rule(String rule, String status, String explanation) implements Serializable {

    private static final long serialVersionUID = 1L;

    static List<Rule> of(List<io.recoveryportal.recovery.MatchRule> recorded) {
      return recorded.stream()
          .map(r -> new Rule(r.rule(), r.status().name(), r.explanation()))
          .toList();
    }
  }

  /** A decision, with the case it was made on. */
  public record Decision(
      String reference,
      String reviewerId,
      String reviewerName,
      boolean senior,
      String decision,
      String reason,
      Instant decidedAt)
      implements Serializable {

    private static final long serialVersionUID = 1L;
  }

  /** An earlier (or later) attempt for the same account. */
  public record Past(
      Instant createdAt,
      Attempt.Kind kind,
      Attempt.State state,
      Attempt.RequestedAction requestedAction,
      ProofingStatus proofingStatus,
      String caseReference,
      boolean refused)
      implements Serializable {

    private static final long serialVersionUID = 1L;
  }
}
