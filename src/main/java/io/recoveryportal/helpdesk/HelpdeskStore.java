package io.recoveryportal.helpdesk;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.i18n.Languages;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
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
 * Helpdesk requests and the attempts behind them, each change one short transaction with its audit
 * event. Like the recovery flow's store, nothing here waits on Incode, Graph or mail: the service
 * calls those in between. Outside a container (tests), build it on an entity manager and call it
 * inside the caller's transaction.
 */
@ApplicationScoped
public class HelpdeskStore {

  /** The portal itself: a result it fetched, a status it followed, a request it gave up. */
  public static final Actor PORTAL = Actor.system("portal");

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  protected HelpdeskStore() {
    // for CDI
  }

  /** For tests outside a container, on the caller's transaction. */
  public HelpdeskStore(EntityManager em, AuditLog audit, Clock clock) {
    this.em = em;
    this.audit = audit;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  /**
   * Records a sent verification: the attempt (already VERIFYING) and the agent's request, together.
   */
  @Transactional
  public HelpdeskRequest open(
      Attempt attempt, String agentId, String agentName, String ticket, String employee) {
    new AttemptRepository(em).add(attempt);
    // written first: the request refers to the attempt, and JPA knows nothing of that (no
    // relationship mapped)
    em.flush();
    HelpdeskRequest r =
        new HelpdeskRequest(
            attempt.getId(),
            agentId,
            agentName,
            ticket,
            attempt.getDirectoryUserId(),
            employee,
            attempt.proofing().interviewId(),
            now());
    em.persist(r);
    record(
        attempt,
        AuditType.HELPDESK_LINK_SENT,
        Actor.staff(agentId),
        AuditOutcome.OK,
        "interview "
            + attempt.proofing().interviewId()
            + (ticket == null ? "" : "; ticket " + ticket)
            + "; action="
            + attempt.getRequestedAction());
    return r;
  }

  /**
   * An audit event about a request, or about an agent's try that made none ({@code attemptId}
   * null).
   */
  @Transactional
  public void note(
      Long attemptId,
      String directoryUserId,
      AuditType type,
      Actor actor,
      AuditOutcome outcome,
      String detail) {
    audit.record(new AuditEvent(now(), type, actor, attemptId, directoryUserId, outcome, detail));
  }

  @Transactional
  public Optional<HelpdeskRequest> find(long id) {
    return Optional.ofNullable(em.find(HelpdeskRequest.class, id));
  }

  @Transactional
  public Optional<HelpdeskRequest> byInterview(String interviewId) {
    return em.createQuery(
            "select r from HelpdeskRequest r where r.interviewId = :i", HelpdeskRequest.class)
        .setParameter("i", interviewId)
        .getResultStream()
        .findFirst();
  }

  @Transactional
  public Optional<HelpdeskRequest> byAttempt(long attemptId) {
    return em.createQuery(
            "select r from HelpdeskRequest r where r.attemptId = :a", HelpdeskRequest.class)
        .setParameter("a", attemptId)
        .getResultStream()
        .findFirst();
  }

  /** The agent's latest requests, newest first. */
  @Transactional
  public List<HelpdeskRequest> forAgent(String agentId, int max) {
    return em.createQuery(
            "select r from HelpdeskRequest r where r.agentId = :a order by r.linkSentAt desc, r.id desc",
            HelpdeskRequest.class)
        .setParameter("a", agentId)
        .setMaxResults(max)
        .getResultList();
  }

  /** The state of the request's attempt. */
  @Transactional
  public State attemptState(long requestId) {
    return attemptOf(requestId).getState();
  }

  /** A request with the state of its attempt, as its agent may see it; empty for anyone else. */
  @Transactional
  public Optional<RequestView> view(long id, String agentId) {
    return find(id)
        .filter(r -> r.getAgentId().equals(agentId))
        .map(r -> RequestView.of(r, em.find(Attempt.class, r.getAttemptId()), now()));
  }

  /**
   * Claims the request's attempt for judging a result fetched from Incode: VERIFYING → VERIFIED
   * under a new key, returned raw for the judging steps and then forgotten (nobody else ever holds
   * it). Empty when the attempt is elsewhere, expired, or another request got there first, so a
   * result is judged at most once. {@code by}: Incode's webhook, or the portal when the agent
   * asked.
   */
  @Transactional
  public Optional<String> claimForJudging(long requestId, Actor by) {
    Attempt a = attemptOf(requestId);
    if (a == null
        || !a.getKind().policy().resultFetchedByPortal()
        || a.getState() != State.VERIFYING
        || a.isExpired(now())) {
      return Optional.empty();
    }
    String raw = OpaqueTokens.generate();
    a.rekey(OpaqueTokens.hash(raw));
    a.moveTo(State.VERIFYING, State.VERIFIED, now());
    record(
        a,
        AuditType.VERIFICATION_RESULT_FETCHED,
        by,
        AuditOutcome.OK,
        "interview " + a.proofing().interviewId() + " finished at Incode");
    return flushed(raw);
  }

  /** The request moves forward to {@code next} if it may (audited when it does). */
  @Transactional
  public HelpdeskStatus advance(
      long requestId, HelpdeskStatus next, Instant at, String why, Actor by) {
    HelpdeskRequest r = em.find(HelpdeskRequest.class, requestId);
    if (r.advance(next, at)) {
      record(
          em.find(Attempt.class, r.getAttemptId()),
          AuditType.HELPDESK_STATUS,
          by,
          AuditOutcome.of(next),
          why);
    }
    return r.getStatus();
  }

  /**
   * Brings the request's status in line with its attempt's verdict (matched, escalated, decided,
   * failed), or gives it up when the attempt expired before a verdict.
   */
  @Transactional
  public HelpdeskStatus followAttempt(long requestId, Actor by) {
    HelpdeskRequest r = em.find(HelpdeskRequest.class, requestId);
    Attempt a = em.find(Attempt.class, r.getAttemptId());
    Optional<HelpdeskStatus> verdict = HelpdeskStatus.of(a.getState());
    if (verdict.isPresent()) {
      return advance(requestId, verdict.get(), now(), "attempt " + a.getState(), by);
    }
    if (a.getState() == State.VERIFYING && a.isExpired(now())) {
      return giveUp(r, a, Text.of("helpdesk.problem.not-finished"));
    }
    return r.getStatus();
  }

  /**
   * The link never reached the employee: the attempt can no longer be verified, and the request is
   * Failed.
   */
  @Transactional
  public HelpdeskStatus giveUp(long requestId, Text why) {
    HelpdeskRequest r = em.find(HelpdeskRequest.class, requestId);
    return giveUp(r, em.find(Attempt.class, r.getAttemptId()), why);
  }

  private HelpdeskStatus giveUp(HelpdeskRequest r, Attempt a, Text why) {
    if (a.getState() == State.VERIFYING && !a.isExpired(now())) {
      // a session finished after all (the link reached someone anyway) must not be judged any more
      a.moveTo(State.VERIFYING, State.EXPIRED, now());
    }
    if (r.getStatus().isFinal()) {
      return r.getStatus();
    }
    // the request keeps the key (the agent reads it in their language), the audit trail the English
    // words
    r.givenUp(why.key(), now());
    record(a, AuditType.HELPDESK_STATUS, PORTAL, AuditOutcome.FAILED, why.in(Languages.ENGLISH));
    return r.getStatus();
  }

  /**
   * Stores a new reset link for the request's employee (replacing any earlier one) if the
   * verification succeeded and its attempt can still be reset. False, with nothing changed,
   * otherwise.
   */
  @Transactional
  public boolean resetLinkSent(long requestId, String tokenHash, Instant expires, Actor actor) {
    HelpdeskRequest r = em.find(HelpdeskRequest.class, requestId);
    Attempt a = em.find(Attempt.class, r.getAttemptId());
    if (r.getStatus() != HelpdeskStatus.SUCCESS || !RequestView.resettable(a, now())) {
      return false;
    }
    r.resetLinkSent(tokenHash, now(), expires);
    record(
        a,
        AuditType.HELPDESK_RESET_LINK_SENT,
        actor,
        AuditOutcome.OK,
        "usable once until " + expires);
    return flushed(true).orElse(false);
  }

  /**
   * Whether the token names a reset link that can still be opened (for the confirmation page;
   * changes nothing).
   */
  @Transactional
  public boolean resetLinkUsable(String token) {
    return byResetToken(token)
        .filter(
            r ->
                r.resetLinkUsable(now())
                    && RequestView.resettable(em.find(Attempt.class, r.getAttemptId()), now()))
        .isPresent();
  }

  /**
   * Opens a reset link, once: the attempt gets a new key, returned raw for the employee's attempt
   * cookie (the only place it will live), and {@code lifetime} to finish the reset; the link is
   * used up. Empty when the link is unknown, used, expired, or its attempt can no longer be reset.
   */
  @Transactional
  public Optional<String> openResetLink(String token, Duration lifetime) {
    Optional<HelpdeskRequest> found = byResetToken(token).filter(r -> r.resetLinkUsable(now()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    HelpdeskRequest r = found.get();
    Attempt a = em.find(Attempt.class, r.getAttemptId());
    if (!RequestView.resettable(a, now())) {
      return Optional.empty();
    }
    String raw = OpaqueTokens.generate();
    a.rekey(OpaqueTokens.hash(raw));
    a.extendUntil(now().plus(lifetime));
    r.resetLinkUsed(now());
    record(
        a,
        AuditType.HELPDESK_RESET_LINK_OPENED,
        Actor.person("helpdesk-caller"),
        AuditOutcome.OK,
        "attempt handed to the employee's browser");
    return flushed(raw);
  }

  private Optional<HelpdeskRequest> byResetToken(String token) {
    if (!OpaqueTokens.isWellFormed(token)) {
      return Optional.empty();
    }
    return em.createQuery(
            "select r from HelpdeskRequest r where r.resetLinkHash = :h", HelpdeskRequest.class)
        .setParameter("h", OpaqueTokens.hash(token))
        .getResultStream()
        .findFirst();
  }

  private Attempt attemptOf(long requestId) {
    HelpdeskRequest r = em.find(HelpdeskRequest.class, requestId);
    return r == null ? null : em.find(Attempt.class, r.getAttemptId());
  }

  /**
   * Writes now, so that a concurrent change of the same rows fails here, as "someone else got there
   * first".
   */
  private <T> Optional<T> flushed(T value) {
    try {
      em.flush();
      return Optional.of(value);
    } catch (OptimisticLockException e) {
      throw new ConcurrentChange(e);
    }
  }

  private void record(Attempt a, AuditType type, Actor actor, AuditOutcome outcome, String detail) {
    audit.record(
        new AuditEvent(now(), type, actor, a.getId(), a.getDirectoryUserId(), outcome, detail));
  }

  /** Another request changed the same request or attempt first; this step rolled back. */
  public static class ConcurrentChange extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ConcurrentChange(Throwable cause) {
      super("changed by another request at the same moment", cause);
    }
  }
}
