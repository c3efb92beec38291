package io.recoveryportal.audittrail;

import io.recoveryportal.audit.ActorKind;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.review.ReviewCase;
import io.recoveryportal.review.ReviewDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only queries over the audit trail, attempts and decisions, for the auditors' pages and
 * export.
 */
@ApplicationScoped
public class AuditTrailStore {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  protected AuditTrailStore() {
    // for CDI
  }

  /** For tests outside a container, on the caller's transaction. */
  public AuditTrailStore(EntityManager em) {
    this.em = em;
  }

  /**
   * Events matching {@code q}, newest first, at most {@code max}, strictly before chain place
   * {@code beforeSeq} when it is given (the export pages through a large result with it).
   */
  @Transactional
  public List<AuditRow> search(AuditQuery q, Long beforeSeq, int max) {
    StringBuilder jpql = new StringBuilder("select e from AuditEvent e where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (q.directoryUserId() != null) {
      jpql.append(" and e.directoryUserId = :u");
      params.put("u", q.directoryUserId());
    }
    if (q.attemptId() != null) {
      jpql.append(" and e.attemptId = :a");
      params.put("a", q.attemptId());
    }
    if (q.staffId() != null) {
      jpql.append(" and e.actorKind = :k and e.actorId = :s");
      params.put("k", ActorKind.STAFF);
      params.put("s", q.staffId());
    }
    if (q.type() != null) {
      jpql.append(" and e.type = :t");
      params.put("t", q.type());
    }
    if (q.from() != null) {
      jpql.append(" and e.occurredAt >= :from");
      params.put("from", q.from());
    }
    if (q.until() != null) {
      jpql.append(" and e.occurredAt < :until");
      params.put("until", q.until());
    }
    if (beforeSeq != null) {
      jpql.append(" and e.chainSeq < :before");
      params.put("before", beforeSeq);
    }
    jpql.append(" order by e.chainSeq desc");
    TypedQuery<AuditEvent> query =
        em.createQuery(jpql.toString(), AuditEvent.class).setMaxResults(max);
    params.forEach(query::setParameter);
    return query.getResultList().stream().map(AuditRow::of).toList();
  }

  /** Every attempt of the account, newest first, each with its review case when it had one. */
  @Transactional
  public List<AttemptRow> attempts(String directoryUserId) {
    List<Attempt> attempts =
        em.createQuery(
                "select a from Attempt a where a.directoryUserId = :u order by a.createdAt desc, a.id desc",
                Attempt.class)
            .setParameter("u", directoryUserId)
            .getResultList();
    Map<Long, ReviewCase> cases = new HashMap<>();
    em.createQuery(
            "select c from ReviewCase c, Attempt a where c.attemptId = a.id and a.directoryUserId = :u",
            ReviewCase.class)
        .setParameter("u", directoryUserId)
        .getResultList()
        .forEach(c -> cases.put(c.getAttemptId(), c));
    return attempts.stream()
        .map(
            a -> {
              Optional<ReviewCase> c = Optional.ofNullable(cases.get(a.getId()));
              return new AttemptRow(
                  a.getId(),
                  a.getKind().name(),
                  a.getRequestedAction().name(),
                  a.getState().name(),
                  a.getCreatedAt(),
                  a.getUpdatedAt(),
                  c.map(ReviewCase::getReference).orElse(null),
                  c.map(x -> x.getReason().name()).orElse(null),
                  c.map(ReviewCase::getOpenedAt).orElse(null),
                  a.getDecidedAt(),
                  a.getRefusalReason() == null ? null : a.getRefusalReason().name());
            })
        .toList();
  }

  /** Every reviewer's decision about a case of the account, oldest first. */
  @Transactional
  public List<DecisionRow> decisions(String directoryUserId) {
    List<DecisionRow> rows = new ArrayList<>();
    for (Object[] r :
        em.createQuery(
                "select d, c from ReviewDecision d, ReviewCase c, Attempt a where d.caseId = c.id and c.attemptId = a.id"
                    + " and a.directoryUserId = :u order by d.decidedAt, d.id",
                Object[].class)
            .setParameter("u", directoryUserId)
            .getResultList()) {
      ReviewDecision d = (ReviewDecision) r[0];
      ReviewCase c = (ReviewCase) r[1];
      rows.add(
          new DecisionRow(
              c.getReference(),
              c.getAttemptId(),
              d.getReviewerId(),
              d.getReviewerName(),
              d.isSenior(),
              d.getDecision().name(),
              d.getReason(),
              d.getDecidedAt()));
    }
    return rows;
  }

  /** The attempt behind a case reference, for a search by reference. */
  @Transactional
  public Optional<Long> attemptOfCase(String caseReference) {
    return em.createQuery("select c.attemptId from ReviewCase c where c.reference = :r", Long.class)
        .setParameter("r", caseReference)
        .getResultStream()
        .findFirst();
  }
}
