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
   * An approved attempt for this account and Incode identity, decided at or after {@code since} and
   * still within its window at {@code now}: what a returning person may carry over.
   */
  public Optional<Attempt> approvedFor(
      String directoryUserId, String identityId, java.time.Instant since, java.time.Instant now) {
    return em.createQuery(
            "select a from Attempt a where a.state = :s and a.kind in :k and a.directoryUserId = :u and a.proofing.identityId = :i"
                + " and a.decoy = false and a.decidedAt >= :since and a.expiresAt > :now order by a.decidedAt desc",
            Attempt.class)
        .setParameter("s", Attempt.State.APPROVED)
        .setParameter(
            "k",
            java.util.Arrays.stream(Attempt.Kind.values())
                .filter(k -> k.policy().carriesApprovalsOver())
                .toList())
        .setParameter("u", directoryUserId)
        .setParameter("i", identityId)
        .setParameter("since", since)
        .setParameter("now", now)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Whether another attempt for the same account is RESETTING it now. */
  public boolean anotherResetting(Attempt a) {
    return a.getDirectoryUserId() != null
        && !em.createQuery(
                "select a.id from Attempt a where a.resetProgress.resettingUserId = :u and a.id <> :id",
                Long.class)
            .setParameter("u", a.getDirectoryUserId())
            .setParameter("id", a.getId())
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
  }

  public Optional<Attempt> findById(long id) {
    return Optional.ofNullable(em.find(Attempt.class, id));
  }

  /** See {@link AttemptStore#resetsInDoubt}; {@link #inDoubt} is the same rule for one attempt. */
  public java.util.List<Long> resetsInDoubt(
      java.time.Instant claimedBefore, java.time.Instant checkedBefore, int max) {
    return em.createQuery(
            "select a.id from Attempt a where a.state = :s"
                + " and (a.resetProgress.startedAt is null or a.resetProgress.startedAt < :claimed or a.resetProgress.checkedAt is not null)"
                + " and (a.resetProgress.checkedAt is null or a.resetProgress.checkedAt < :checked) order by a.resetProgress.startedAt",
            Long.class)
        .setParameter("s", Attempt.State.RESETTING)
        .setParameter("claimed", claimedBefore)
        .setParameter("checked", checkedBefore)
        .setMaxResults(max)
        .getResultList();
  }

  static boolean inDoubt(
      Attempt a, java.time.Instant claimedBefore, java.time.Instant checkedBefore) {
    return a.getState() == Attempt.State.RESETTING
        && (a.resetProgress().startedAt() == null
            || a.resetProgress().startedAt().isBefore(claimedBefore)
            || a.resetProgress().checkedAt() != null)
        && (a.resetProgress().checkedAt() == null
            || a.resetProgress().checkedAt().isBefore(checkedBefore));
  }

  public Optional<Attempt> findByIdHash(String idHash) {
    return em.createQuery("select a from Attempt a where a.idHash = :h", Attempt.class)
        .setParameter("h", idHash)
        .getResultStream()
        .findFirst();
  }
}
