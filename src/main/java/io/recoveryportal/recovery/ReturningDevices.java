package io.recoveryportal.recovery;

import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Browsers that proved whose they are (seed 002's face re-authentication, made safe against
 * enumeration). After a verification for an account ends in a match, the browser gets a random
 * token in its device cookie and the database keeps its SHA-256 with the account and the Incode
 * identity, for the re-verification window. Only a browser holding such a token, typing an address
 * of that very account, is sent to face re-authentication: what anyone else's browser sees of the
 * authorization request depends on nothing the portal knows about an address.
 */
@ApplicationScoped
public class ReturningDevices {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  protected ReturningDevices() {
    // for CDI
  }

  /** For tests outside a container, on the caller's transaction. */
  public ReturningDevices(EntityManager em, Clock clock) {
    this.em = em;
    this.audit = new AuditLog(em);
    this.clock = clock;
  }

  /**
   * The live binding behind a raw token from a cookie; empty for anything else, malformed input
   * included.
   */
  @Transactional
  public Optional<ReturningDevice> find(String rawToken) {
    if (!OpaqueTokens.isWellFormed(rawToken)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return em.createQuery(
            "select d from ReturningDevice d where d.tokenHash = :h", ReturningDevice.class)
        .setParameter("h", OpaqueTokens.hash(rawToken))
        .getResultStream()
        .filter(d -> now.isBefore(d.getExpiresAt()))
        .findFirst();
  }

  /**
   * Binds a new token to the account and the Incode identity of {@code attempt}'s verification, for
   * {@code window}, and returns it: the cookie is the only place the raw token exists. The token
   * this browser presented, if any, is retired (one binding per browser), and so is every expired
   * binding.
   */
  @Transactional
  public String remember(Attempt attempt, String presentedToken, Duration window) {
    Instant now = clock.instant();
    if (OpaqueTokens.isWellFormed(presentedToken)) {
      em.createQuery("delete from ReturningDevice d where d.tokenHash = :h")
          .setParameter("h", OpaqueTokens.hash(presentedToken))
          .executeUpdate();
    }
    em.createQuery("delete from ReturningDevice d where d.expiresAt <= :now")
        .setParameter("now", now)
        .executeUpdate();
    String token = OpaqueTokens.generate();
    em.persist(
        new ReturningDevice(
            OpaqueTokens.hash(token),
            attempt.getDirectoryUserId(),
            attempt.proofing().identityId(),
            attempt.getId(),
            now,
            now.plus(window)));
    audit.record(
        new AuditEvent(
            now,
            AuditType.RECOVERY_DEVICE_REMEMBERED,
            AttemptStore.actorFor(attempt),
            attempt.getId(),
            attempt.getDirectoryUserId(),
            AuditOutcome.OK,
            "this browser may use face re-authentication until " + now.plus(window)));
    return token;
  }

  /**
   * Forgets every browser of the account, so that none may skip the document check for it any more
   * (the owner said a recovery was not theirs). Joins the caller's transaction; returns how many
   * were forgotten.
   */
  @Transactional
  public int forgetAll(String directoryUserId) {
    return em.createQuery("delete from ReturningDevice d where d.directoryUserId = :u")
        .setParameter("u", directoryUserId)
        .executeUpdate();
  }
}
