package io.recoveryportal.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.helpdesk.webhook.ReceivedEvent;
import io.recoveryportal.helpdesk.webhook.SessionEvent;
import io.recoveryportal.helpdesk.webhook.WebhookEvents;
import io.recoveryportal.persistence.DatabaseContract;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.recovery.AttemptRepository;
import io.recoveryportal.recovery.AttemptStore;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The helpdesk's records on a real database (H2 and PostgreSQL subclasses), with real transactions:
 * a request and its attempt, a result judged at most once, the status following the verdict forward
 * only, single-use reset links stored as hashes, and webhook notifications stored once per natural
 * key.
 */
abstract class HelpdeskContract extends DatabaseContract {

  private static final Duration LIFETIME = Duration.ofHours(24);

  /** A clock the tests move by hand. */
  private static final class TestClock extends Clock {

    private Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private final TestClock clock = new TestClock();

  private <T> T store(Function<HelpdeskStore, T> work) {
    return jpa().inTx(em -> work.apply(new HelpdeskStore(em, new AuditLog(em), clock)));
  }

  /**
   * For assertTrue/assertFalse, which cannot tell a Boolean-returning lambda from a
   * BooleanSupplier.
   */
  private boolean storeSays(Function<HelpdeskStore, Boolean> question) {
    return store(question);
  }

  private boolean eventsSay(Function<WebhookEvents, Boolean> question) {
    return events(question);
  }

  private <T> T events(Function<WebhookEvents, T> work) {
    return jpa().inTx(em -> work.apply(new WebhookEvents(em, clock)));
  }

  private static String unique(String prefix) {
    return prefix + "-" + OpaqueTokens.generate().substring(0, 10);
  }

  /** A sent verification for a fresh account; returns the request. */
  private HelpdeskRequest sent(String agent) {
    String user = unique("user");
    Attempt a =
        HelpdeskRequests.attempt(
            user,
            user + "@contoso.com",
            Attempt.RequestedAction.PASSWORD,
            unique("interview"),
            agent,
            false,
            clock.instant(),
            LIFETIME);
    return store(s -> s.open(a, agent, "Hana Horvat", "INC0012345", user + "@contoso.com"));
  }

  private Attempt attempt(HelpdeskRequest r) {
    return jpa().inTx(em -> em.find(Attempt.class, r.getAttemptId()));
  }

  /** What RecoveryService's judging does with a clean match, through the same store. */
  private void matched(String rawId) {
    jpa()
        .run(
            em ->
                new AttemptStore(new AttemptRepository(em), new AuditLog(em), clock)
                    .transition(
                        rawId,
                        State.VERIFIED,
                        State.MATCHED,
                        a -> a.recordMatch(io.recoveryportal.matching.Outcome.MATCH, List.of()),
                        AuditType.MATCHING_MATCHED,
                        AuditOutcome.MATCH,
                        null));
  }

  private HelpdeskRequest succeeded(String agent) {
    HelpdeskRequest r = sent(agent);
    matched(store(s -> s.claimForJudging(r.getId(), HelpdeskStore.PORTAL)).orElseThrow());
    assertEquals(
        HelpdeskStatus.SUCCESS, store(s -> s.followAttempt(r.getId(), HelpdeskStore.PORTAL)));
    return r;
  }

  @Test
  void sendingRecordsTheAttemptAndTheRequestTogetherForItsAgentOnly() {
    HelpdeskRequest r = sent("agent-a");
    Attempt a = attempt(r);
    assertEquals(Attempt.Kind.HELPDESK, a.getKind());
    assertEquals(State.VERIFYING, a.getState());
    assertEquals(
        "agent-a", a.getEscalatedBy(), "the agent can never decide a case about their own request");
    assertEquals(r.getInterviewId(), a.proofing().interviewId());
    assertEquals(HelpdeskStatus.LINK_SENT, r.getStatus());
    assertEquals(r.getId(), store(s -> s.byInterview(r.getInterviewId())).orElseThrow().getId());
    List<AuditEvent> trail = jpa().inTx(em -> new AuditLog(em).forAttempt(a.getId()));
    assertEquals(AuditType.HELPDESK_LINK_SENT, trail.get(0).getType());
    assertEquals(Actor.staff("agent-a"), trail.get(0).getActor());
    assertTrue(storeSays(s -> s.view(r.getId(), "agent-a").isPresent()));
    assertTrue(
        storeSays(s -> s.view(r.getId(), "agent-b").isEmpty()), "another agent does not see it");
    clock.advance(Duration.ofSeconds(1));
    HelpdeskRequest later = sent("agent-a");
    assertEquals(
        List.of(later.getId(), r.getId()),
        store(s -> s.forAgent("agent-a", 2)).stream().map(HelpdeskRequest::getId).toList());
  }

  @Test
  void aResultIsClaimedForJudgingOnceUnderAKeyNobodyElseHolds() {
    HelpdeskRequest r = sent("agent-a");
    String before = attempt(r).getIdHash();
    String raw = store(s -> s.claimForJudging(r.getId(), HelpdeskStore.PORTAL)).orElseThrow();
    Attempt a = attempt(r);
    assertEquals(State.VERIFIED, a.getState());
    assertEquals(OpaqueTokens.hash(raw), a.getIdHash());
    assertNotEquals(before, a.getIdHash());
    assertEquals(
        Optional.empty(),
        store(s -> s.claimForJudging(r.getId(), HelpdeskStore.PORTAL)),
        "a second notification finds it claimed");
  }

  @Test
  void twoConcurrentClaimsLetExactlyOneJudge() {
    HelpdeskRequest r = sent("agent-a");
    // two nodes handle two notifications of the same session: both have read the attempt as
    // VERIFYING ...
    EntityManager first = jpa().entityManager();
    EntityManager second = jpa().entityManager();
    int wins = 0;
    try {
      second.getTransaction().begin();
      assertEquals(State.VERIFYING, second.find(Attempt.class, r.getAttemptId()).getState());
      first.getTransaction().begin();
      new HelpdeskStore(first, new AuditLog(first), clock)
          .claimForJudging(r.getId(), HelpdeskStore.PORTAL)
          .orElseThrow();
      first.getTransaction().commit();
      wins++;
      // ... and the later one, working on what it read, is refused by the version check
      try {
        if (new HelpdeskStore(second, new AuditLog(second), clock)
            .claimForJudging(r.getId(), HelpdeskStore.PORTAL)
            .isPresent()) {
          second.getTransaction().commit();
          wins++;
        }
      } catch (RuntimeException e) {
        // ConcurrentChange or a rollback: the loser judges nothing
      }
    } finally {
      if (second.getTransaction().isActive()) {
        second.getTransaction().rollback();
      }
      first.close();
      second.close();
    }
    assertEquals(1, wins);
    assertEquals(State.VERIFIED, attempt(r).getState());
  }

  @Test
  void anExpiredRequestIsNotJudgedAndShowsFailed() {
    HelpdeskRequest r = sent("agent-a");
    clock.advance(LIFETIME.plusSeconds(1));
    assertEquals(Optional.empty(), store(s -> s.claimForJudging(r.getId(), HelpdeskStore.PORTAL)));
    assertEquals(
        HelpdeskStatus.FAILED, store(s -> s.followAttempt(r.getId(), HelpdeskStore.PORTAL)));
    RequestView v = store(s -> s.view(r.getId(), "agent-a")).orElseThrow();
    assertTrue(
        v.nextStep(Locale.ENGLISH).contains("do not proceed")
            && v.nextStep(Locale.ENGLISH).contains("in time"),
        v.nextStep(Locale.ENGLISH));
  }

  @Test
  void theStatusFollowsTheVerdictForwardOnly() {
    HelpdeskRequest r = sent("agent-a");
    assertEquals(
        HelpdeskStatus.IN_PROGRESS,
        store(
            s ->
                s.advance(
                    r.getId(),
                    HelpdeskStatus.IN_PROGRESS,
                    clock.instant(),
                    "started",
                    Actor.incodeWebhook())));
    assertEquals(
        HelpdeskStatus.IN_PROGRESS,
        store(s -> s.followAttempt(r.getId(), HelpdeskStore.PORTAL)),
        "no verdict yet");
    matched(store(s -> s.claimForJudging(r.getId(), HelpdeskStore.PORTAL)).orElseThrow());
    assertEquals(
        HelpdeskStatus.SUCCESS, store(s -> s.followAttempt(r.getId(), HelpdeskStore.PORTAL)));
    // a late "started" (a retry, or events out of order) changes nothing any more
    assertEquals(
        HelpdeskStatus.SUCCESS,
        store(
            s ->
                s.advance(
                    r.getId(),
                    HelpdeskStatus.IN_PROGRESS,
                    clock.instant(),
                    "late",
                    Actor.incodeWebhook())));
    assertEquals(
        HelpdeskStatus.SUCCESS,
        store(
            s ->
                s.giveUp(
                    r.getId(), io.recoveryportal.i18n.Text.of("helpdesk.problem.not-emailed"))));
    RequestView v = store(s -> s.view(r.getId(), "agent-a")).orElseThrow();
    assertEquals(
        List.of(HelpdeskStatus.LINK_SENT, HelpdeskStatus.IN_PROGRESS, HelpdeskStatus.SUCCESS),
        v.stages().stream().map(RequestView.Stage::status).toList());
    assertTrue(v.statusText(Locale.ENGLISH).startsWith("Success - "), v.statusText(Locale.ENGLISH));
    assertTrue(v.canSendResetLink());
    long statusEvents =
        jpa().inTx(em -> new AuditLog(em).forAttempt(r.getAttemptId())).stream()
            .filter(e -> e.getType() == AuditType.HELPDESK_STATUS)
            .count();
    assertEquals(2, statusEvents, "each move audited once, refused moves not at all");
  }

  @Test
  void aLinkThatCouldNotBeDeliveredEndsTheRequestAndItsAttempt() {
    HelpdeskRequest r = sent("agent-a");
    assertEquals(
        HelpdeskStatus.FAILED,
        store(
            s ->
                s.giveUp(
                    r.getId(), io.recoveryportal.i18n.Text.of("helpdesk.problem.not-emailed"))));
    assertEquals(
        State.EXPIRED, attempt(r).getState(), "a session finished anyway can no longer be judged");
    assertEquals(Optional.empty(), store(s -> s.claimForJudging(r.getId(), HelpdeskStore.PORTAL)));
    // kept as its key; the agent's page writes it in the agent's language
    assertEquals(
        "helpdesk.problem.not-emailed", store(s -> s.find(r.getId())).orElseThrow().getProblem());
    RequestView failed = store(s -> s.view(r.getId(), "agent-a")).orElseThrow();
    assertTrue(
        failed
            .nextStep(Locale.ENGLISH)
            .endsWith(
                "The link could not be emailed to the employee, so nothing was sent. Send a new one."),
        failed.nextStep(Locale.ENGLISH));
  }

  @Test
  void aResetLinkNeedsSuccessAndOpensOnceHandingTheAttemptToTheEmployee() {
    HelpdeskRequest pending = sent("agent-a");
    String early = OpaqueTokens.generate();
    assertFalse(
        storeSays(
            s ->
                s.resetLinkSent(
                    pending.getId(),
                    OpaqueTokens.hash(early),
                    clock.instant().plusSeconds(600),
                    Actor.staff("agent-a"))),
        "not before the verification succeeded");
    assertFalse(storeSays(s -> s.resetLinkUsable(early)));

    HelpdeskRequest r = succeeded("agent-a");
    String token = OpaqueTokens.generate();
    assertTrue(
        storeSays(
            s ->
                s.resetLinkSent(
                    r.getId(),
                    OpaqueTokens.hash(token),
                    clock.instant().plusSeconds(600),
                    Actor.staff("agent-a"))));
    String stored =
        jpa()
            .inTx(
                em ->
                    (String)
                        em.createNativeQuery(
                                "select reset_link_hash from helpdesk_request where id = ?")
                            .setParameter(1, r.getId())
                            .getSingleResult());
    assertEquals(
        OpaqueTokens.hash(token), stored.trim(), "only the hash of the link's token is kept");
    assertTrue(storeSays(s -> s.resetLinkUsable(token)));
    assertTrue(
        storeSays(s -> s.resetLinkUsable(token)),
        "looking (a GET, a mail scanner) uses nothing up");

    String cookie = store(s -> s.openResetLink(token, Duration.ofMinutes(30))).orElseThrow();
    Attempt a = attempt(r);
    assertEquals(
        OpaqueTokens.hash(cookie), a.getIdHash(), "the employee's browser now holds the attempt");
    assertEquals(State.MATCHED, a.getState());
    assertEquals(clock.instant().plus(Duration.ofMinutes(30)), a.getExpiresAt());
    assertEquals(
        Optional.empty(), store(s -> s.openResetLink(token, Duration.ofMinutes(30))), "single use");
    assertFalse(storeSays(s -> s.resetLinkUsable(token)));
    assertNotNull(store(s -> s.view(r.getId(), "agent-a")).orElseThrow().resetText(Locale.ENGLISH));
  }

  @Test
  void aNewResetLinkReplacesTheOldAndLinksExpire() {
    HelpdeskRequest r = succeeded("agent-a");
    String old = OpaqueTokens.generate();
    String fresh = OpaqueTokens.generate();
    store(
        s ->
            s.resetLinkSent(
                r.getId(),
                OpaqueTokens.hash(old),
                clock.instant().plusSeconds(600),
                Actor.staff("agent-a")));
    store(
        s ->
            s.resetLinkSent(
                r.getId(),
                OpaqueTokens.hash(fresh),
                clock.instant().plusSeconds(600),
                Actor.staff("agent-a")));
    assertFalse(storeSays(s -> s.resetLinkUsable(old)));
    assertEquals(Optional.empty(), store(s -> s.openResetLink(old, Duration.ofMinutes(30))));
    clock.advance(Duration.ofSeconds(601));
    assertFalse(storeSays(s -> s.resetLinkUsable(fresh)), "expired");
    assertEquals(Optional.empty(), store(s -> s.openResetLink(fresh, Duration.ofMinutes(30))));
    assertEquals(
        Optional.empty(), store(s -> s.openResetLink("not-a-token", Duration.ofMinutes(30))));
  }

  // ---- webhook records ----

  private static SessionEvent event(String name, String interviewId, long millis) {
    try {
      return SessionEvent.parse(
          "{\"event\":\""
              + name
              + "\",\"interviewId\":\""
              + interviewId
              + "\",\"timestamp\":"
              + millis
              + "}");
    } catch (SessionEvent.Malformed e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aNotificationIsStoredOnceHoweverOftenItArrives() {
    String interview = unique("interview");
    SessionEvent started = event("SESSION_STARTED", interview, 1777039677000L);
    ReceivedEvent first = events(e -> e.record(started));
    assertFalse(first.isProcessed());
    events(
        e -> {
          e.processed(first.getId(), "APPLIED");
          return null;
        });
    ReceivedEvent again =
        events(e -> e.record(event("SESSION_STARTED", interview, 1777039677000L)));
    assertEquals(first.getId(), again.getId());
    assertTrue(again.isProcessed(), "a retry learns it was dealt with");
    assertEquals(2, again.getCopies());
    events(e -> e.record(event("SESSION_SUCCEEDED", interview, 1777039680000L)));
    events(e -> e.record(event("SOMETHING_NEW", interview, 1777039681000L)));
    List<ReceivedEvent> stored = events(e -> e.forInterview(interview));
    assertEquals(
        List.of("SESSION_STARTED", "SESSION_SUCCEEDED", "SOMETHING_NEW"),
        stored.stream().map(ReceivedEvent::getEventType).toList());
    assertEquals(started.body(), stored.get(0).getPayload(), "as received");
  }

  @Test
  void twoCopiesRacingCannotBothBeStored() {
    SessionEvent e = event("SESSION_SUCCEEDED", unique("interview"), 1777039690000L);
    events(x -> x.record(e));
    // the other copy's node looked before the first committed and inserts now: the unique key
    // refuses it
    assertThrows(
        PersistenceException.class,
        () ->
            jpa()
                .run(
                    em -> {
                      em.persist(new ReceivedEvent(e, clock.instant()));
                      em.flush();
                    }));
    assertEquals(1, events(x -> x.forInterview(e.interviewId())).size());
  }

  @Test
  void webhookTokensAreKeptAsHashesUntilTheyExpire() {
    String token = OpaqueTokens.generate();
    events(
        e -> {
          e.issued(OpaqueTokens.hash(token), clock.instant().plusSeconds(900));
          return null;
        });
    assertTrue(eventsSay(e -> e.tokenValid(OpaqueTokens.hash(token))));
    assertFalse(eventsSay(e -> e.tokenValid(token)), "the raw value is not what is stored");
    long raw =
        jpa()
            .inTx(
                em ->
                    ((Number)
                            em.createNativeQuery(
                                    "select count(*) from webhook_token where token_hash = ?")
                                .setParameter(1, token)
                                .getSingleResult())
                        .longValue());
    assertEquals(0, raw);
    clock.advance(Duration.ofSeconds(900));
    assertFalse(eventsSay(e -> e.tokenValid(OpaqueTokens.hash(token))), "expired");
    events(
        e -> {
          e.issued(OpaqueTokens.hash(OpaqueTokens.generate()), clock.instant().plusSeconds(900));
          return null;
        });
    long left =
        jpa()
            .inTx(
                em ->
                    ((Number)
                            em.createNativeQuery(
                                    "select count(*) from webhook_token where token_hash = ?")
                                .setParameter(1, OpaqueTokens.hash(token))
                                .getSingleResult())
                        .longValue());
    assertEquals(0, left, "expired tokens are cleared when the next is issued");
  }
}
