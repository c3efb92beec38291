package io.recoveryportal.review;

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
 * The rules of manual review, on the caller's transaction. A reviewer claims a case before deciding, so two
 * reviewers never work the same case; nobody decides a case about their own account; a high-risk case needs two
 * approvals by different reviewers, the second a senior reviewer; and when two decisions race, the version
 * column lets exactly one commit.
 */
@ApplicationScoped
public class ReviewCases {

    /** What a decision came to. */
    public enum Result { APPROVED, AWAITING_SECOND_APPROVAL, DENIED }

    /** A request the rules refuse, with the reason a reviewer reads. */
    public static class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Refused(String reason) {
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

    /** Open cases, oldest first. */
    public List<Attempt> open() {
        return em.createQuery("select a from Attempt a where a.state = :s order by a.escalatedAt, a.id", Attempt.class)
                .setParameter("s", State.ESCALATED).getResultList();
    }

    /**
     * The open queue in one row: how many cases can still be decided, when the oldest was escalated (null when none),
     * and how many were escalated before {@code overdueBefore}. One aggregate query, for the metrics.
     */
    public QueueSummary summary(Instant now, Instant overdueBefore) {
        Object[] row = em.createQuery("select count(a), min(a.escalatedAt), sum(case when a.escalatedAt < :o then 1 else 0 end)"
                        + " from Attempt a where a.state = :s and a.expiresAt > :n", Object[].class)
                .setParameter("o", overdueBefore)
                .setParameter("s", State.ESCALATED)
                .setParameter("n", now)
                .getSingleResult();
        long open = row[0] == null ? 0 : ((Number) row[0]).longValue();
        long overdue = row[2] == null ? 0 : ((Number) row[2]).longValue();
        return new QueueSummary(open, (Instant) row[1], overdue);
    }

    public Optional<Attempt> byReference(String reference) {
        return em.createQuery("select a from Attempt a where a.caseReference = :r", Attempt.class)
                .setParameter("r", reference).getResultStream().findFirst();
    }

    public List<ReviewDecision> decisions(long attemptId) {
        return em.createQuery("select d from ReviewDecision d where d.attemptId = :a order by d.decidedAt, d.id", ReviewDecision.class)
                .setParameter("a", attemptId).getResultList();
    }

    /** Takes the case for {@code duration}, or refuses when someone else holds it or it is not the reviewer's to take. */
    public Attempt claim(String reference, Reviewer reviewer, Instant now, Duration duration) {
        Attempt a = decidable(reference, reviewer, now);
        if (a.isClaimedByAnotherThan(reviewer.id(), now)) {
            throw new Refused("Another reviewer is working on this case.");
        }
        // a four-eyes case waiting for its second approval is only claimed by someone who can give it, so that a
        // claim never blocks the senior reviewer the case needs
        secondApprovalObstacle(a, reviewer).ifPresent(reason -> {
            throw new Refused(reason);
        });
        a.claim(reviewer.id(), now.plus(duration));
        flush();
        return a;
    }

    /**
     * Decides the case. The reviewer must hold an unexpired claim and give a reason. A first approval of a
     * high-risk case is recorded and the case waits, unclaimed, for a second approver.
     */
    public Result decide(String reference, Reviewer reviewer, boolean approve, String reason, Instant now, Duration approvalWindow) {
        if (reason == null || reason.isBlank()) {
            throw new Refused("Give a reason for the decision.");
        }
        // the page's maxlength is only the browser's courtesy: a longer reason would fail in the database instead
        if (reason.strip().length() > ReviewDecision.REASON_MAX) {
            throw new Refused("A reason can be at most 2,000 characters. Shorten it and record the decision again.");
        }
        Attempt a = decidable(reference, reviewer, now);
        if (!a.isClaimedBy(reviewer.id(), now)) {
            throw new Refused("Claim the case before deciding it; your claim may have expired.");
        }
        if (!approve) {
            record(a, reviewer, Kind.DENY, reason, now);
            a.extendUntil(now.plus(approvalWindow));
            a.moveTo(State.ESCALATED, State.DENIED, now);
            a.releaseClaim();
            a.decided(now);
            flush();
            return Result.DENIED;
        }
        if (a.isHighRisk()) {
            if (approvals(a).isEmpty()) {
                record(a, reviewer, Kind.APPROVE, reason, now);
                a.releaseClaim();
                flush();
                return Result.AWAITING_SECOND_APPROVAL;
            }
            secondApprovalObstacle(a, reviewer).ifPresent(why -> {
                throw new Refused(why);
            });
        }
        record(a, reviewer, Kind.APPROVE, reason, now);
        // the approval lets the employee finish their own recovery, within the approval window
        a.extendUntil(now.plus(approvalWindow));
        a.moveTo(State.ESCALATED, State.APPROVED, now);
        a.releaseClaim();
        a.decided(now);
        flush();
        return Result.APPROVED;
    }

    private List<ReviewDecision> approvals(Attempt a) {
        return decisions(a.getId()).stream().filter(d -> d.getDecision() == Kind.APPROVE).toList();
    }

    /** Who may not give a high-risk case's second approval: its first approver, and anyone not senior. */
    private Optional<String> secondApprovalObstacle(Attempt a, Reviewer reviewer) {
        if (!a.isHighRisk()) {
            return Optional.empty();
        }
        List<ReviewDecision> approvals = approvals(a);
        if (approvals.isEmpty()) {
            return Optional.empty();
        }
        if (approvals.stream().anyMatch(d -> d.getReviewerId().equals(reviewer.id()))) {
            return Optional.of("This case needs a second approver: you approved it already.");
        }
        if (!reviewer.senior()) {
            return Optional.of("The second approval of this case needs a senior reviewer.");
        }
        return Optional.empty();
    }

    /** Why this reviewer may not claim or decide the case now, if anything stands in the way. */
    public static Optional<String> obstacle(String reviewerId, State state, Instant expiresAt, String subjectId, String escalatedBy,
            Instant now) {
        if (state != State.ESCALATED) {
            return Optional.of("This case has already been decided.");
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of("This case waited too long and has expired; the employee has to start again.");
        }
        if (reviewerId.equals(subjectId)) {
            return Optional.of("You cannot review a case about your own account. Another reviewer will.");
        }
        if (reviewerId.equals(escalatedBy)) {
            return Optional.of("You opened this case yourself, so another reviewer has to decide it.");
        }
        return Optional.empty();
    }

    private Attempt decidable(String reference, Reviewer reviewer, Instant now) {
        Attempt a = byReference(reference).orElseThrow(() -> new Refused("There is no such case."));
        obstacle(reviewer.id(), a.getState(), a.getExpiresAt(), a.getDirectoryUserId(), a.getEscalatedBy(), now).ifPresent(reason -> {
            throw new Refused(reason);
        });
        return a;
    }

    /** Approvals so far per case, for the given attempt ids (a four-eyes case waiting for its second shows 1). */
    public java.util.Map<Long, Integer> approvalCounts(java.util.Collection<Long> attemptIds) {
        java.util.Map<Long, Integer> out = new java.util.HashMap<>();
        if (attemptIds.isEmpty()) {
            return out;
        }
        em.createQuery("select d.attemptId, count(d) from ReviewDecision d where d.decision = :k and d.attemptId in :ids"
                + " group by d.attemptId", Object[].class).setParameter("k", Kind.APPROVE).setParameter("ids", attemptIds)
                .getResultList().forEach(row -> out.put((Long) row[0], ((Number) row[1]).intValue()));
        return out;
    }

    /** Attempts about this account since {@code since}, newest first: the case page's history. */
    public List<Attempt> history(String directoryUserId, Instant since) {
        return em.createQuery("select a from Attempt a where a.directoryUserId = :u and a.createdAt >= :t order by a.createdAt desc, a.id desc",
                Attempt.class).setParameter("u", directoryUserId).setParameter("t", since).getResultList();
    }

    /** Every decision ever made about this account with its case reference, newest first. */
    public List<Object[]> decisionsAbout(String directoryUserId) {
        return em.createQuery("select d, a.caseReference from ReviewDecision d, Attempt a where d.attemptId = a.id"
                + " and a.directoryUserId = :u order by d.decidedAt desc, d.id desc", Object[].class)
                .setParameter("u", directoryUserId).getResultList();
    }

    /** Open cases that escalated before {@code cutoff} and whose reviewers have not yet been told they are overdue. */
    public List<Attempt> overdueUnannounced(Instant cutoff) {
        return em.createQuery("select a from Attempt a where a.state = :s and a.escalatedAt < :t and a.slaNotifiedAt is null"
                + " order by a.escalatedAt", Attempt.class).setParameter("s", State.ESCALATED).setParameter("t", cutoff).getResultList();
    }

    /**
     * Cases whose evidence retention may clear: decided before {@code cutoff}, or left undecided until they expired
     * before it, and still holding a verified name or birthdate.
     */
    public List<Attempt> evidenceToPurge(Instant cutoff) {
        return em.createQuery("select a from Attempt a where a.evidencePurgedAt is null"
                + " and (a.proofing.verifiedFullName is not null or a.proofing.verifiedGivenName is not null or a.proofing.verifiedBirthdate is not null)"
                + " and (a.decidedAt < :t or (a.decidedAt is null and a.expiresAt < :t))", Attempt.class)
                .setParameter("t", cutoff).getResultList();
    }

    private void record(Attempt a, Reviewer reviewer, Kind kind, String reason, Instant now) {
        em.persist(new ReviewDecision(a.getId(), reviewer, kind, reason.strip(), now));
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new Refused("Another reviewer decided this case at the same moment; reload it to see the outcome.");
        }
    }
}
