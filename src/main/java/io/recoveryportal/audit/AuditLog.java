package io.recoveryportal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The append-only audit trail. Events join the caller's transaction, so a rolled-back step leaves no event. */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    protected AuditLog() {
        // for CDI
    }

    /** For tests outside a container. */
    public AuditLog(EntityManager em) {
        this.em = em;
    }

    public AuditEvent record(AuditEvent event) {
        em.persist(event);
        return event;
    }

    public List<AuditEvent> forAttempt(long attemptId) {
        return em.createQuery("select e from AuditEvent e where e.attemptId = :a order by e.occurredAt, e.id", AuditEvent.class)
                .setParameter("a", attemptId)
                .getResultList();
    }

    public List<AuditEvent> forUserSince(String directoryUserId, Instant since) {
        return em.createQuery("select e from AuditEvent e where e.directoryUserId = :u and e.occurredAt >= :t order by e.occurredAt, e.id", AuditEvent.class)
                .setParameter("u", directoryUserId)
                .setParameter("t", since)
                .getResultList();
    }
}
