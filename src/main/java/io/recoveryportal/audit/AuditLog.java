package io.recoveryportal.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

/**
 * The append-only audit trail. Events join the caller's transaction, so a rolled-back step leaves
 * no event.
 */
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

  /**
   * Adds the event to the chain, in the caller's transaction: locks the chain's head row, persists
   * the event (which gives it its id), links it after the head and moves the head to it. The lock
   * is held until the caller's transaction ends, so the database orders the chain and two nodes
   * never fork it; a rolled-back step takes its event and the head's move with it. The head is read
   * and moved over the transaction's own connection, without flushing the caller's pending changes
   * (their conflicts still surface where the caller flushes).
   */
  public AuditEvent record(AuditEvent event) {
    Connection c = em.unwrap(Connection.class);
    ChainLink head = ChainHead.lock(c);
    em.persist(event);
    event.link(head.seq() + 1, head.hash());
    ChainHead.advance(c, new ChainLink(event.getChainSeq(), event.getEventHash()));
    return event;
  }

  public List<AuditEvent> forAttempt(long attemptId) {
    return em.createQuery(
            "select e from AuditEvent e where e.attemptId = :a order by e.occurredAt, e.id",
            AuditEvent.class)
        .setParameter("a", attemptId)
        .getResultList();
  }

  public List<AuditEvent> forUserSince(String directoryUserId, Instant since) {
    return em.createQuery(
            "select e from AuditEvent e where e.directoryUserId = :u and e.occurredAt >= :t order by e.occurredAt, e.id",
            AuditEvent.class)
        .setParameter("u", directoryUserId)
        .setParameter("t", since)
        .getResultList();
  }
}
