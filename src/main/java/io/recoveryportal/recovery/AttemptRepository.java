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

    public Optional<Attempt> findByIdHash(String idHash) {
        return em.createQuery("select a from Attempt a where a.idHash = :h", Attempt.class)
                .setParameter("h", idHash)
                .getResultStream()
                .findFirst();
    }
}
