package io.recoveryportal.notification;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.recovery.ReturningDevices;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** The stored "this wasn't me" links, each change in its own short transaction. */
@ApplicationScoped
public class ReportLinks {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  @Inject ReturningDevices devices;

  @Transactional
  public void save(ReportLink link) {
    em.persist(link);
  }

  @Transactional
  public Optional<ReportLink> find(String token) {
    if (!OpaqueTokens.isWellFormed(token)) {
      return Optional.empty();
    }
    return em.createQuery("select l from ReportLink l where l.tokenHash = :h", ReportLink.class)
        .setParameter("h", OpaqueTokens.hash(token))
        .getResultStream()
        .findFirst();
  }

  /**
   * Marks the link used, forgets every browser remembered for the account (whoever recovered it may
   * hold one) and writes the alert, in one transaction.
   */
  @Transactional
  public void useUp(String token, Instant now) {
    find(token)
        .ifPresent(
            l -> {
              l.use(now);
              int forgotten = devices.forgetAll(l.getDirectoryUserId());
              audit.record(
                  new AuditEvent(
                      now,
                      AuditType.ALERT_REPORTED_NOT_ME,
                      Actor.person("account-owner"),
                      l.getAttemptId(),
                      l.getDirectoryUserId(),
                      AuditOutcome.ALERT,
                      "account disabled and sessions revoked; "
                          + forgotten
                          + " remembered browser(s) forgotten"));
            });
  }

  @Transactional
  public void audit(
      long attemptId, String userId, AuditType type, AuditOutcome outcome, String detail) {
    audit.record(
        new AuditEvent(
            Instant.now(), type, Actor.system("portal"), attemptId, userId, outcome, detail));
  }
}
