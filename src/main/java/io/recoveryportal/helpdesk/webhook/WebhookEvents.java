package io.recoveryportal.helpdesk.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The webhook's records: every authenticated notification once per natural key, and the hashes of
 * the bearer tokens the token endpoint issued. Each method is one short transaction; outside a
 * container (tests), build it on an entity manager and call it inside the caller's transaction.
 */
@ApplicationScoped
public class WebhookEvents {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  protected WebhookEvents() {
    // for CDI
  }

  /** For tests outside a container, on the caller's transaction. */
  public WebhookEvents(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /**
   * Stores the notification unless a copy is already stored, in which case that one is counted and
   * returned: say whether it has been dealt with. When two copies race, the database's unique key
   * lets one insert win and the other's transaction fail; the caller then asks again and finds the
   * winner's.
   */
  @Transactional
  public ReceivedEvent record(SessionEvent e) {
    Optional<ReceivedEvent> known = find(e.naturalKey());
    if (known.isPresent()) {
      known.get().anotherCopy();
      return known.get();
    }
    ReceivedEvent stored = new ReceivedEvent(e, clock.instant());
    em.persist(stored);
    em.flush();
    return stored;
  }

  @Transactional
  public void processed(long id, String outcome) {
    em.find(ReceivedEvent.class, id).processed(outcome, clock.instant());
  }

  @Transactional
  public Optional<ReceivedEvent> find(String naturalKey) {
    return em.createQuery(
            "select e from ReceivedEvent e where e.naturalKey = :k", ReceivedEvent.class)
        .setParameter("k", naturalKey)
        .getResultStream()
        .findFirst();
  }

  /** Everything received about one interview, oldest first (for diagnostics and tests). */
  @Transactional
  public List<ReceivedEvent> forInterview(String interviewId) {
    return em.createQuery(
            "select e from ReceivedEvent e where e.interviewId = :i order by e.receivedAt, e.id",
            ReceivedEvent.class)
        .setParameter("i", interviewId)
        .getResultList();
  }

  /** Keeps a newly issued token's hash until it expires; expired ones are deleted on the way. */
  @Transactional
  public void issued(String tokenHash, Instant expires) {
    Instant now = clock.instant();
    em.createQuery("delete from WebhookToken t where t.expiresAt <= :now")
        .setParameter("now", now)
        .executeUpdate();
    em.persist(new WebhookToken(tokenHash, now, expires));
  }

  @Transactional
  public boolean tokenValid(String tokenHash) {
    return !em.createQuery(
            "select t.id from WebhookToken t where t.tokenHash = :h and t.expiresAt > :now",
            Long.class)
        .setParameter("h", tokenHash)
        .setParameter("now", clock.instant())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
