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
        Attempt a = decidable(reference, reviewer);
        if (a.isClaimedByAnotherThan(reviewer.id(), now)) {
            throw new Refused("Another reviewer is working on this case.");
        }
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
        Attempt a = decidable(reference, reviewer);
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
            List<ReviewDecision> approvals = decisions(a.getId()).stream().filter(d -> d.getDecision() == Kind.APPROVE).toList();
            if (approvals.isEmpty()) {
                record(a, reviewer, Kind.APPROVE, reason, now);
                a.releaseClaim();
                flush();
                return Result.AWAITING_SECOND_APPROVAL;
            }
            if (approvals.stream().anyMatch(d -> d.getReviewerId().equals(reviewer.id()))) {
                throw new Refused("This case needs a second approver: you approved it already.");
            }
            if (!reviewer.senior()) {
                throw new Refused("The second approval of this case needs a senior reviewer.");
            }
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

    private Attempt decidable(String reference, Reviewer reviewer) {
        Attempt a = byReference(reference).orElseThrow(() -> new Refused("There is no such case."));
        if (a.getState() != State.ESCALATED) {
            throw new Refused("This case has already been decided.");
        }
        if (reviewer.id().equals(a.getDirectoryUserId())) {
            throw new Refused("You cannot review a case about your own account.");
        }
        return a;
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
