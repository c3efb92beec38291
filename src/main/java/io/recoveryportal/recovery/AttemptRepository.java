package io.recoveryportal.recovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Attempts by the hash of their id. Callers bring the transaction (one per state change). */
@ApplicationScoped
public class AttemptRepository {

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    protected AttemptRepository() {
        // for CDI
    }

    /** For tests outside a container. */
    public AttemptRepository(EntityManager em) {
        this.em = em;
    }

    public Attempt add(Attempt attempt) {
        em.persist(attempt);
        return attempt;
    }

    /** Writes pending changes now, so a version conflict surfaces inside the step that caused it. */
    public void flush() {
        em.flush();
    }

    /**
     * An approved attempt for this account and Incode identity, decided at or after {@code since} and still
     * within its window at {@code now}: what a returning person may carry over.
     */
    public Optional<Attempt> approvedFor(String directoryUserId, String identityId, java.time.Instant since, java.time.Instant now) {
        return em.createQuery("select a from Attempt a where a.state = :s and a.kind = :k and a.directoryUserId = :u and a.incodeIdentityId = :i"
                + " and a.decoy = false and a.decidedAt >= :since and a.expiresAt > :now order by a.decidedAt desc", Attempt.class)
                .setParameter("s", Attempt.State.APPROVED).setParameter("k", Attempt.Kind.RECOVERY).setParameter("u", directoryUserId).setParameter("i", identityId)
                .setParameter("since", since).setParameter("now", now)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** Whether another attempt for the same account is RESETTING it now. */
    public boolean anotherResetting(Attempt a) {
        return a.getDirectoryUserId() != null && !em.createQuery("select a.id from Attempt a where a.resettingUserId = :u and a.id <> :id", Long.class)
                .setParameter("u", a.getDirectoryUserId()).setParameter("id", a.getId()).setMaxResults(1).getResultList().isEmpty();
    }

    public Optional<Attempt> findById(long id) {
        return Optional.ofNullable(em.find(Attempt.class, id));
    }

    /** See {@link AttemptStore#resetsInDoubt}; {@link #inDoubt} is the same rule for one attempt. */
    public java.util.List<Long> resetsInDoubt(java.time.Instant claimedBefore, java.time.Instant checkedBefore, int max) {
        return em.createQuery("select a.id from Attempt a where a.state = :s"
                + " and (a.resetStartedAt is null or a.resetStartedAt < :claimed or a.resetCheckedAt is not null)"
                + " and (a.resetCheckedAt is null or a.resetCheckedAt < :checked) order by a.resetStartedAt", Long.class)
                .setParameter("s", Attempt.State.RESETTING).setParameter("claimed", claimedBefore).setParameter("checked", checkedBefore)
                .setMaxResults(max).getResultList();
    }

    static boolean inDoubt(Attempt a, java.time.Instant claimedBefore, java.time.Instant checkedBefore) {
        return a.getState() == Attempt.State.RESETTING
                && (a.getResetStartedAt() == null || a.getResetStartedAt().isBefore(claimedBefore) || a.getResetCheckedAt() != null)
                && (a.getResetCheckedAt() == null || a.getResetCheckedAt().isBefore(checkedBefore));
    }

    public Optional<Attempt> findByIdHash(String idHash) {
        return em.createQuery("select a from Attempt a where a.idHash = :h", Attempt.class)
                .setParameter("h", idHash)
                .getResultStream()
                .findFirst();
    }
}
