package io.recoveryportal.review;

import io.recoveryportal.i18n.Text;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.review.ReviewDecision.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules of manual review, on the caller's transaction. A reviewer claims a case before
 * deciding, so two reviewers never work the same case; nobody decides a case about their own
 * account; a high-risk case needs two approvals by different reviewers, the second a senior
 * reviewer; and when two decisions race, the version column lets exactly one commit.
 */
@ApplicationScoped
public class ReviewCases {

  /** What a decision came to. */
  public enum Result {
    APPROVED,
    AWAITING_SECOND_APPROVAL,
    DENIED
  }

  /** A request the rules refuse, with the reason a reviewer reads. */
  public static class Refused extends io.recoveryportal.i18n.TextRefusal {

    private static final long serialVersionUID = 1L;

    public Refused(Text reason) {
      super(reason);
    }
  }

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  protected ReviewCases() {
    // for CDI
  }

  /** For tests outside a container. */
  public ReviewCases(EntityManager em) {
    this.em = em;
  }

  /** A case with its attempt, read together. */
  public record CaseRow(ReviewCase reviewCase, Attempt attempt) {}

  public ReviewCase add(ReviewCase c) {
    em.persist(c);
    return c;
  }

  /**
   * The open queue in one row: how many cases can still be decided, when the oldest was opened
   * (null when none), and how many were opened before {@code overdueBefore}. One aggregate query,
   * for the metrics.
   */
  public QueueSummary summary(Instant now, Instant overdueBefore) {
    Object[] row =
        em.createQuery(
                "select count(c), min(c.openedAt), sum(case when c.openedAt < :o then 1 else 0 end)"
                    + " from ReviewCase c, Attempt a where a.id = c.attemptId and a.state = :s and a.expiresAt > :n",
                Object[].class)
            .setParameter("o", overdueBefore)
            .setParameter("s", State.ESCALATED)
            .setParameter("n", now)
            .getSingleResult();
    long open = row[0] == null ? 0 : ((Number) row[0]).longValue();
    long overdue = row[2] == null ? 0 : ((Number) row[2]).longValue();
    return new QueueSummary(open, (Instant) row[1], overdue);
  }

  /** Open cases (their attempt still ESCALATED), oldest first. */
  public List<CaseRow> open() {
    return rows(
        em.createQuery(
                "select c, a from ReviewCase c, Attempt a where a.id = c.attemptId and a.state = :s"
                    + " order by c.openedAt, c.id",
                Object[].class)
            .setParameter("s", State.ESCALATED)
            .getResultList());
  }

  public Optional<ReviewCase> byReference(String reference) {
    return em.createQuery("select c from ReviewCase c where c.reference = :r", ReviewCase.class)
        .setParameter("r", reference)
        .getResultStream()
        .findFirst();
  }

  /** The case and its attempt by the case's reference. */
  public Optional<CaseRow> rowByReference(String reference) {
    return byReference(reference).map(c -> new CaseRow(c, attemptOf(c)));
  }

  public Attempt attemptOf(ReviewCase c) {
    return em.find(Attempt.class, c.getAttemptId());
  }

  public List<ReviewDecision> decisions(long caseId) {
    return em.createQuery(
            "select d from ReviewDecision d where d.caseId = :c order by d.decidedAt, d.id",
            ReviewDecision.class)
        .setParameter("c", caseId)
        .getResultList();
  }

  /**
   * Takes the case for {@code duration}, or refuses when someone else holds it or it is not the
   * reviewer's to take.
   */
  public CaseRow claim(String reference, Reviewer reviewer, Instant now, Duration duration) {
    CaseRow row = decidable(reference, reviewer, now);
    ReviewCase c = row.reviewCase();
    if (c.isClaimedByAnotherThan(reviewer.id(), now)) {
      throw new Refused(Text.of("review.refused.claimed"));
    }
    // a four-eyes case waiting for its second approval is only claimed by someone who can give it,
    // so that a
    // claim never blocks the senior reviewer the case needs
    secondApprovalObstacle(row, reviewer)
        .ifPresent(
            reason -> {
              throw new Refused(reason);
            });
    c.claim(reviewer.id(), now.plus(duration));
    flush();
    return row;
  }

  /**
   * Decides the case. The reviewer must hold an unexpired claim and give a reason. A first approval
   * of a high-risk case is recorded and the case waits, unclaimed, for a second approver.
   */
  public Result decide(
      String reference,
      Reviewer reviewer,
      boolean approve,
      String reason,
      Instant now,
      Duration approvalWindow) {
    if (reason == null || reason.isBlank()) {
      throw new Refused(Text.of("review.refused.no-reason"));
    }
    // the page's maxlength is only the browser's courtesy: a longer reason would fail in the
    // database instead
    if (reason.strip().length() > ReviewDecision.REASON_MAX) {
      throw new Refused(Text.of("review.refused.reason-too-long"));
    }
    CaseRow row = decidable(reference, reviewer, now);
    ReviewCase c = row.reviewCase();
    Attempt a = row.attempt();
    if (!c.isClaimedBy(reviewer.id(), now)) {
      throw new Refused(Text.of("review.refused.not-claimed"));
    }
    if (!approve) {
      record(c, reviewer, Kind.DENY, reason, now);
      a.extendUntil(now.plus(approvalWindow));
      a.moveTo(State.ESCALATED, State.DENIED, now);
      a.decided(now);
      c.releaseClaim();
      c.decided(now);
      flush();
      return Result.DENIED;
    }
    if (c.isHighRisk()) {
      if (approvals(c).isEmpty()) {
        record(c, reviewer, Kind.APPROVE, reason, now);
        c.releaseClaim();
        flush();
        return Result.AWAITING_SECOND_APPROVAL;
      }
      secondApprovalObstacle(row, reviewer)
          .ifPresent(
              why -> {
                throw new Refused(why);
              });
    }
    record(c, reviewer, Kind.APPROVE, reason, now);
    // the approval lets the employee finish their own recovery, within the approval window
    a.extendUntil(now.plus(approvalWindow));
    a.moveTo(State.ESCALATED, State.APPROVED, now);
    a.decided(now);
    c.releaseClaim();
    c.decided(now);
    flush();
    return Result.APPROVED;
  }

  private List<ReviewDecision> approvals(ReviewCase c) {
    return decisions(c.getId()).stream().filter(d -> d.getDecision() == Kind.APPROVE).toList();
  }

  /**
   * Who may not give a high-risk case's second approval: its first approver, and anyone not senior.
   */
  private Optional<Text> secondApprovalObstacle(CaseRow row, Reviewer reviewer) {
    if (!row.reviewCase().isHighRisk()) {
      return Optional.empty();
    }
    List<ReviewDecision> approvals = approvals(row.reviewCase());
    if (approvals.isEmpty()) {
      return Optional.empty();
    }
    if (approvals.stream().anyMatch(d -> d.getReviewerId().equals(reviewer.id()))) {
      return Optional.of(Text.of("review.obstacle.approved-already"));
    }
    if (!reviewer.senior()) {
      return Optional.of(Text.of("review.obstacle.needs-senior"));
    }
    return Optional.empty();
  }

  /** Why this reviewer may not claim or decide the case now, if anything stands in the way. */
  public static Optional<Text> obstacle(
      String reviewerId,
      State state,
      Instant expiresAt,
      String subjectId,
      String escalatedBy,
      Instant now) {
    if (state != State.ESCALATED) {
      return Optional.of(Text.of("review.obstacle.decided"));
    }
    if (!now.isBefore(expiresAt)) {
      return Optional.of(Text.of("review.obstacle.expired"));
    }
    if (reviewerId.equals(subjectId)) {
      return Optional.of(Text.of("review.obstacle.own-account"));
    }
    if (reviewerId.equals(escalatedBy)) {
      return Optional.of(Text.of("review.obstacle.escalated-by-you"));
    }
    return Optional.empty();
  }

  private CaseRow decidable(String reference, Reviewer reviewer, Instant now) {
    CaseRow row =
        rowByReference(reference).orElseThrow(() -> new Refused(Text.of("review.refused.no-case")));
    Attempt a = row.attempt();
    obstacle(
            reviewer.id(),
            a.getState(),
            a.getExpiresAt(),
            a.getDirectoryUserId(),
            a.getEscalatedBy(),
            now)
        .ifPresent(
            reason -> {
              throw new Refused(reason);
            });
    return row;
  }

  /**
   * Approvals so far per case, for the given case ids (a four-eyes case waiting for its second
   * shows 1).
   */
  public java.util.Map<Long, Integer> approvalCounts(java.util.Collection<Long> caseIds) {
    java.util.Map<Long, Integer> out = new java.util.HashMap<>();
    if (caseIds.isEmpty()) {
      return out;
    }
    em.createQuery(
            "select d.caseId, count(d) from ReviewDecision d where d.decision = :k and d.caseId in :ids"
                + " group by d.caseId",
            Object[].class)
        .setParameter("k", Kind.APPROVE)
        .setParameter("ids", caseIds)
        .getResultList()
        .forEach(row -> out.put((Long) row[0], ((Number) row[1]).intValue()));
    return out;
  }

  /** Attempts about this account since {@code since}, newest first: the case page's history. */
  public List<Attempt> history(String directoryUserId, Instant since) {
    return em.createQuery(
            "select a from Attempt a where a.directoryUserId = :u and a.createdAt >= :t order by a.createdAt desc, a.id desc",
            Attempt.class)
        .setParameter("u", directoryUserId)
        .setParameter("t", since)
        .getResultList();
  }

  /** Every decision ever made about this account with its case reference, newest first. */
  public List<Object[]> decisionsAbout(String directoryUserId) {
    return em.createQuery(
            "select d, c.reference from ReviewDecision d, ReviewCase c, Attempt a where d.caseId = c.id"
                + " and c.attemptId = a.id and a.directoryUserId = :u order by d.decidedAt desc, d.id desc",
            Object[].class)
        .setParameter("u", directoryUserId)
        .getResultList();
  }

  /**
   * Open cases that escalated before {@code cutoff} and whose reviewers have not yet been told they
   * are overdue.
   */
  public List<CaseRow> overdueUnannounced(Instant cutoff) {
    return rows(
        em.createQuery(
                "select c, a from ReviewCase c, Attempt a where a.id = c.attemptId and a.state = :s"
                    + " and c.openedAt < :t and c.slaNotifiedAt is null order by c.openedAt, c.id",
                Object[].class)
            .setParameter("s", State.ESCALATED)
            .setParameter("t", cutoff)
            .getResultList());
  }

  /**
   * Cases whose evidence retention may clear: decided before {@code cutoff}, or left undecided
   * until they expired before it, and still holding a verified name or birthdate.
   */
  public List<CaseRow> evidenceToPurge(Instant cutoff) {
    return rows(
        em.createQuery(
                "select c, a from ReviewCase c, Attempt a where a.id = c.attemptId and c.evidencePurgedAt is null"
                    + " and (a.proofing.verifiedFullName is not null or a.proofing.verifiedGivenName is not null or a.proofing.verifiedBirthdate is not null)"
                    + " and (c.decidedAt < :t or (c.decidedAt is null and a.expiresAt < :t))",
                Object[].class)
            .setParameter("t", cutoff)
            .getResultList());
  }

  private static List<CaseRow> rows(List<Object[]> found) {
    return found.stream().map(r -> new CaseRow((ReviewCase) r[0], (Attempt) r[1])).toList();
  }

  private void record(ReviewCase c, Reviewer reviewer, Kind kind, String reason, Instant now) {
    em.persist(new ReviewDecision(c.getId(), reviewer, kind, reason.strip(), now));
  }

  private void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new Refused(Text.of("review.refused.concurrent"));
    }
  }
}
