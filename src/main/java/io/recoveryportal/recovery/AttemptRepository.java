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
     * The Incode identity id of the account's latest verified attempt, if any: a returning person is then sent
     * to face re-authentication instead of a full document check.
     */
    public Optional<String> lastIdentityIdFor(String directoryUserId) {
        return em.createQuery("select a.incodeIdentityId from Attempt a where a.directoryUserId = :u and a.decoy = false"
                + " and a.incodeIdentityId is not null and a.proofingStatus = 'OK' order by a.createdAt desc", String.class)
                .setParameter("u", directoryUserId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public Optional<Attempt> findByIdHash(String idHash) {
        return em.createQuery("select a from Attempt a where a.idHash = :h", Attempt.class)
                .setParameter("h", idHash)
                .getResultStream()
                .findFirst();
    }
}
