package io.recoveryportal.activation;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.AttemptRepository;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Invitations in short transactions, each with its audit event: one pending invitation per account
 * at a time; a resend replaces the pending one; a link starts at most one identity check. Graph and
 * mail happen outside.
 */
@ApplicationScoped
public class InvitationStore {

  /** A request the rules refuse, with the reason an administrator reads. */
  public static class Refused extends io.recoveryportal.i18n.TextRefusal {

    private static final long serialVersionUID = 1L;

    public Refused(Text reason) {
      super(reason);
    }
  }

  /**
   * A new invitation and the raw token for its link: the only time the token exists outside a hash.
   */
  public record Issued(Invitation invitation, String token) {}

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  protected InvitationStore() {
    // for CDI
  }

  /** For tests outside a container, on the caller's transaction. */
  public InvitationStore(EntityManager em, Clock clock) {
    this.em = em;
    this.audit = new AuditLog(em);
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  @Transactional
  public Optional<Invitation> pendingFor(String directoryUserId) {
    return em.createQuery(
            "select i from Invitation i where i.directoryUserId = :u and i.state = :s",
            Invitation.class)
        .setParameter("u", directoryUserId)
        .setParameter("s", Invitation.State.PENDING)
        .getResultStream()
        .filter(i -> i.usableAt(now()))
        .findFirst();
  }

  /** Whether the account was ever invited (the scan leaves those to people). */
  @Transactional
  public boolean anyFor(String directoryUserId) {
    return em.createQuery(
                "select count(i) from Invitation i where i.directoryUserId = :u", Long.class)
            .setParameter("u", directoryUserId)
            .getSingleResult()
        > 0;
  }

  /** The invitation a link names, whatever its state (the page explains an old link). */
  @Transactional
  public Optional<Invitation> byToken(String rawToken) {
    if (rawToken == null || rawToken.isBlank() || rawToken.length() > 100) {
      return Optional.empty();
    }
    return em.createQuery("select i from Invitation i where i.tokenHash = :h", Invitation.class)
        .setParameter("h", OpaqueTokens.hash(rawToken))
        .getResultStream()
        .findFirst();
  }

  @Transactional
  public Optional<Invitation> forAttempt(long attemptId) {
    return em.createQuery("select i from Invitation i where i.attemptId = :a", Invitation.class)
        .setParameter("a", attemptId)
        .getResultStream()
        .findFirst();
  }

  /**
   * One invitation as the administrators' list shows it: a pending one past its expiry reads
   * EXPIRED.
   */
  public record Listed(
      long id,
      String upn,
      String personalEmail,
      String state,
      Instant createdAt,
      Instant expiresAt,
      boolean live)
      implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
  }

  /** The newest invitations as the list shows them. */
  @Transactional
  public List<Listed> listed(int max) {
    Instant now = now();
    return recent(max).stream()
        .map(
            i ->
                new Listed(
                    i.getId(),
                    i.getUserPrincipalName(),
                    i.getPersonalEmail(),
                    i.getState() == Invitation.State.PENDING && !i.usableAt(now)
                        ? "EXPIRED"
                        : i.getState().name(),
                    i.getCreatedAt(),
                    i.getExpiresAt(),
                    i.getState() == Invitation.State.PENDING))
        .toList();
  }

  /** The newest invitations, for the administrators' list. */
  @Transactional
  public List<Invitation> recent(int max) {
    return em.createQuery(
            "select i from Invitation i order by i.createdAt desc, i.id desc", Invitation.class)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * Creates an invitation; refused while the account has a pending one that still works (resend
   * that instead).
   */
  @Transactional
  public Issued create(
      String directoryUserId,
      String upn,
      String personalEmail,
      Instant hireDate,
      Actor actor,
      Duration lifetime) {
    if (pendingFor(directoryUserId).isPresent()) {
      throw new Refused(Text.of("invite.refused.pending"));
    }
    // a pending one that has only expired is replaced, so the list shows one live row per account
    expiredPending(directoryUserId).forEach(i -> i.end(Invitation.State.SUPERSEDED, now()));
    return issue(
        directoryUserId,
        upn,
        personalEmail,
        hireDate,
        actor,
        lifetime,
        AuditType.ACTIVATION_INVITED);
  }

  /** A new link for the same account and address; the old link stops working at once. */
  @Transactional
  public Issued resend(long invitationId, Actor actor, Duration lifetime) {
    Invitation old = find(invitationId);
    if (old.getState() != Invitation.State.PENDING) {
      throw new Refused(
          Text.of(
              "invite.refused.not-resendable",
              "state",
              Text.of("invite.state." + old.getState().name())));
    }
    old.end(Invitation.State.SUPERSEDED, now());
    record(old, AuditType.ACTIVATION_INVITATION_SUPERSEDED, actor, AuditOutcome.SUPERSEDED, null);
    return issue(
        old.getDirectoryUserId(),
        old.getUserPrincipalName(),
        old.getPersonalEmail(),
        old.getHireDate(),
        actor,
        lifetime,
        AuditType.ACTIVATION_INVITATION_RESENT);
  }

  @Transactional
  public Invitation revoke(long invitationId, Actor actor) {
    Invitation i = find(invitationId);
    if (i.getState() != Invitation.State.PENDING) {
      throw new Refused(
          Text.of(
              "invite.refused.already", "state", Text.of("invite.state." + i.getState().name())));
    }
    i.end(Invitation.State.REVOKED, now());
    record(i, AuditType.ACTIVATION_INVITATION_REVOKED, actor, AuditOutcome.REVOKED, null);
    flush();
    return i;
  }

  /**
   * Spends the link on an identity check: the attempt is stored and the invitation marked used in
   * one transaction, so a link starts at most one check even when clicked twice at once.
   */
  @Transactional
  public Attempt use(String rawToken, Attempt attempt) {
    Invitation i =
        byToken(rawToken)
            .filter(x -> x.usableAt(now()))
            .orElseThrow(() -> new Refused(Text.of("invite.refused.unusable")));
    new AttemptRepository(em).add(attempt);
    em.flush();
    i.used(attempt.getId(), now());
    audit.record(
        new AuditEvent(
            now(),
            AuditType.ACTIVATION_STARTED,
            Actor.person("new-hire"),
            attempt.getId(),
            attempt.getDirectoryUserId(),
            AuditOutcome.OK,
            "invitation " + i.getId()));
    flush();
    return attempt;
  }

  /** An audit event about activation outside the invitation's own steps (a notice sent or not). */
  @Transactional
  public void note(
      AuditType type, String directoryUserId, Long attemptId, AuditOutcome outcome, String detail) {
    audit.record(
        new AuditEvent(
            now(), type, Actor.system(null), attemptId, directoryUserId, outcome, detail));
  }

  /** Whether such an event was noted for this attempt with outcome OK (a notice that went out). */
  @Transactional
  public boolean noted(long attemptId, AuditType type) {
    return audit.forAttempt(attemptId).stream()
        .anyMatch(e -> e.getType() == type && e.getOutcome() == AuditOutcome.OK);
  }

  private List<Invitation> expiredPending(String directoryUserId) {
    return em.createQuery(
            "select i from Invitation i where i.directoryUserId = :u and i.state = :s",
            Invitation.class)
        .setParameter("u", directoryUserId)
        .setParameter("s", Invitation.State.PENDING)
        .getResultStream()
        .filter(i -> !i.usableAt(now()))
        .toList();
  }

  private Issued issue(
      String userId,
      String upn,
      String personalEmail,
      Instant hireDate,
      Actor actor,
      Duration lifetime,
      AuditType type) {
    String token = OpaqueTokens.generate();
    Invitation i =
        new Invitation(
            OpaqueTokens.hash(token),
            userId,
            upn,
            personalEmail,
            hireDate,
            actor.label(),
            now(),
            now().plus(lifetime));
    em.persist(i);
    em.flush();
    record(i, type, actor, AuditOutcome.OK, "expires " + i.getExpiresAt());
    return new Issued(i, token);
  }

  private Invitation find(long id) {
    Invitation i = em.find(Invitation.class, id);
    if (i == null) {
      throw new Refused(Text.of("invite.refused.no-such"));
    }
    return i;
  }

  private void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new Refused(Text.of("invite.refused.concurrent"));
    }
  }

  /** No personal address in the audit trail: the invitation id leads to it while it is kept. */
  private void record(
      Invitation i, AuditType type, Actor actor, AuditOutcome outcome, String detail) {
    audit.record(
        new AuditEvent(
            now(),
            type,
            actor,
            null,
            i.getDirectoryUserId(),
            outcome,
            "invitation " + i.getId() + (detail == null ? "" : "; " + detail)));
  }
}
