package io.recoveryportal.review;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review rules ({@link ReviewCases}) in short transactions, each with its audit event. Like the
 * recovery flow's store, nothing here waits on Graph or mail: the desk does that between
 * transactions.
 */
@ApplicationScoped
public class ReviewStore {

  static final Actor RETENTION_ACTOR = Actor.system("retention");
  static final Actor SLA_ACTOR = Actor.system("sla");

  @Inject ReviewCases cases;

  @Inject AuditLog audit;

  @Inject ReviewSettings settings;

  Clock clock = Clock.systemUTC();

  protected ReviewStore() {
    // for CDI
  }

  /** For tests outside a container, on the caller's transaction. */
  public ReviewStore(ReviewCases cases, AuditLog audit, ReviewSettings settings, Clock clock) {
    this.cases = cases;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /** Open cases that can still be decided, as the queue lists them for this reviewer. */
  @Transactional
  public List<QueueItem> queue(String reviewerId) {
    Instant now = now();
    Duration sla = settings.sla();
    List<ReviewCases.CaseRow> open =
        cases.open().stream().filter(r -> !r.attempt().isExpired(now)).toList();
    Map<Long, Integer> approvals =
        cases.approvalCounts(open.stream().map(r -> r.reviewCase().getId()).toList());
    return open.stream()
        .map(
            r -> {
              ReviewCase c = r.reviewCase();
              Duration age = Duration.between(c.getOpenedAt(), now);
              String claim =
                  c.isClaimedBy(reviewerId, now)
                      ? "YOURS"
                      : c.isClaimedByAnotherThan(reviewerId, now) ? "TAKEN" : "FREE";
              return new QueueItem(
                  c.getReference(),
                  r.attempt().getKind(),
                  c.getReason(),
                  c.isHighRisk(),
                  c.getOpenedAt(),
                  age,
                  age.compareTo(sla) > 0,
                  sla.minus(age),
                  claim,
                  approvals.getOrDefault(c.getId(), 0));
            })
        .toList();
  }

  /** The open queue in three numbers, for the metrics ({@link QueueMetrics}). */
  @Transactional
  public QueueSummary summary() {
    Instant now = now();
    return cases.summary(now, now.minus(settings.sla()));
  }

  /**
   * The case without its directory side (the desk reads Graph outside the transaction). {@code
   * viewer}, when given, is audited as having opened the case: the page shows personal data.
   */
  @Transactional
  public Optional<CaseFile> read(String reference, Actor viewer) {
    Optional<ReviewCases.CaseRow> found = cases.rowByReference(reference);
    found.ifPresent(
        r -> {
          if (viewer != null) {
            record(
                r.attempt(),
                AuditType.REVIEW_CASE_VIEWED,
                viewer,
                AuditOutcome.OK,
                "case " + reference);
          }
        });
    return found.map(r -> file(r.reviewCase(), r.attempt()));
  }

  private CaseFile file(ReviewCase c, Attempt a) {
    List<ReviewDecision> decided = cases.decisions(c.getId());
    CaseFile.Summary summary =
        new CaseFile.Summary(
            c.getReference(),
            a.getKind(),
            a.getState(),
            c.getReason(),
            c.getReasonWords(),
            c.isHighRisk(),
            a.getRequestedAction(),
            c.getOpenedAt(),
            a.getExpiresAt(),
            a.getDirectoryUserId(),
            a.getEscalatedBy(),
            a.getClaimedEmail(),
            c.getClaimedBy(),
            c.getClaimedUntil(),
            (int)
                decided.stream()
                    .filter(d -> d.getDecision() == ReviewDecision.Kind.APPROVE)
                    .count(),
            c.getDecidedAt());
    CaseFile.Verified verified =
        new CaseFile.Verified(
            a.proofing().verifiedFullName(),
            a.proofing().verifiedGivenName(),
            a.proofing().verifiedBirthdate(),
            a.proofing().status(),
            a.proofing().score(),
            a.proofing().interviewId(),
            settings.dashboardLink(a.proofing().interviewId()).orElse(null),
            c.getEvidencePurgedAt(),
            c.getEvidenceHash());
    List<CaseFile.Decision> decisions =
        decided.stream().map(d -> decision(d, c.getReference())).toList();
    List<CaseFile.Past> history =
        a.getDirectoryUserId() == null
            ? List.of()
            : cases.history(a.getDirectoryUserId(), now().minus(ReviewSettings.HISTORY)).stream()
                .filter(p -> !p.getId().equals(a.getId()))
                .map(
                    p ->
                        new CaseFile.Past(
                            p.getCreatedAt(),
                            p.getKind(),
                            p.getState(),
                            p.getRequestedAction(),
                            p.proofing().status(),
                            p.getCaseReference(),
                            p.isDecoy()))
                .toList();
    List<CaseFile.Decision> earlier =
        a.getDirectoryUserId() == null
            ? List.of()
            : cases.decisionsAbout(a.getDirectoryUserId()).stream()
                .filter(row -> ((ReviewDecision) row[0]).getCaseId() != c.getId().longValue())
                .map(row -> decision((ReviewDecision) row[0], (String) row[1]))
                .toList();
    return new CaseFile(
        summary,
        null,
        verified,
        List.of(),
        CaseFile.Rule.of(a.getMatchRules()),
        decisions,
        history,
        earlier);
  }

  private static CaseFile.Decision decision(ReviewDecision d, String reference) {
    return new CaseFile.Decision(
        reference,
        d.getReviewerId(),
        d.getReviewerName(),
        d.isSenior(),
        d.getDecision().name(),
        d.getReason(),
        d.getDecidedAt());
  }

  @Transactional
  public void claim(String reference, Reviewer reviewer) {
    ReviewCases.CaseRow r = cases.claim(reference, reviewer, now(), settings.claimDuration());
    record(
        r.attempt(),
        AuditType.REVIEW_CASE_CLAIMED,
        actor(reviewer),
        AuditOutcome.OK,
        "until " + r.reviewCase().getClaimedUntil());
  }

  @Transactional
  public CaseDecided decide(
      String reference,
      Reviewer reviewer,
      boolean approve,
      String reason,
      Duration approvalWindow) {
    ReviewCases.Result result =
        cases.decide(reference, reviewer, approve, reason, now(), approvalWindow);
    Attempt a = cases.rowByReference(reference).orElseThrow().attempt();
    record(
        a,
        AuditType.REVIEW_DECISION,
        actor(reviewer),
        AuditOutcome.of(result),
        (approve ? "approve" : "deny") + "; case " + reference);
    return new CaseDecided(a.getId(), reference, a.getKind(), a.getDirectoryUserId(), result);
  }

  /**
   * An audit event about a case outside the rules' own steps: a refused request (a reviewer
   * reaching for their own case is worth knowing about), a notice sent or not sent.
   */
  @Transactional
  public void note(
      String reference, AuditType type, Actor actor, AuditOutcome outcome, String detail) {
    cases
        .rowByReference(reference)
        .ifPresent(r -> record(r.attempt(), type, actor, outcome, detail));
  }

  /** Marks every newly overdue case as announced and returns them; each is announced once. */
  @Transactional
  public List<String> announceOverdue() {
    Instant now = now();
    List<ReviewCases.CaseRow> overdue =
        cases.overdueUnannounced(now.minus(settings.sla())).stream()
            .filter(r -> !r.attempt().isExpired(now))
            .toList();
    overdue.forEach(
        r -> {
          r.reviewCase().slaNotified(now);
          record(
              r.attempt(),
              AuditType.REVIEW_SLA_BREACHED,
              SLA_ACTOR,
              AuditOutcome.NOTIFIED,
              "case " + r.reviewCase().getReference());
        });
    return overdue.stream().map(r -> r.reviewCase().getReference()).toList();
  }

  /**
   * Retention: clears the verified name and birthdate of cases decided (or expired) longer ago than
   * the retention period, keeping a hash of them, the decision and the rule outcomes. One audit
   * event per case.
   */
  @Transactional
  public int purgeEvidence() {
    Instant now = now();
    List<ReviewCases.CaseRow> due = cases.evidenceToPurge(now.minus(settings.retention()));
    for (ReviewCases.CaseRow r : due) {
      Attempt a = r.attempt();
      String hash = evidenceHash(a);
      r.reviewCase().evidencePurged(hash, now);
      a.forgetEvidence();
      record(
          a,
          AuditType.REVIEW_EVIDENCE_PURGED,
          RETENTION_ACTOR,
          AuditOutcome.PURGED,
          "retention " + settings.retention() + "; evidence sha256 " + hash);
    }
    return due.size();
  }

  /**
   * SHA-256 over the purged values and the interview id, in a fixed order with a separator no value
   * contains.
   */
  static String evidenceHash(Attempt a) {
    return OpaqueTokens.hash(
        String.join(
            "\u001f",
            String.valueOf(a.proofing().verifiedFullName()),
            String.valueOf(a.proofing().verifiedGivenName()),
            String.valueOf(a.proofing().verifiedBirthdate()),
            String.valueOf(a.proofing().interviewId())));
  }

  static Actor actor(Reviewer r) {
    return Actor.staff(r.id());
  }

  private void record(Attempt a, AuditType type, Actor actor, AuditOutcome outcome, String detail) {
    audit.record(
        new AuditEvent(now(), type, actor, a.getId(), a.getDirectoryUserId(), outcome, detail));
  }
}
