package io.recoveryportal.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.persistence.DatabaseContract;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Invitation rules on a real database (H2 and PostgreSQL subclasses), with real transactions
 * racing.
 */
abstract class InvitationContract extends DatabaseContract {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final Duration WEEK = Duration.ofDays(7);

  private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private <T> T at(Instant now, Function<InvitationStore, T> work) {
    return jpa().inTx(em -> work.apply(new InvitationStore(em, Clock.fixed(now, ZoneOffset.UTC))));
  }

  private static String user() {
    return "user-" + SEQ.incrementAndGet();
  }

  private InvitationStore.Issued invite(String user, Instant now) {
    return at(
        now,
        s ->
            s.create(
                user,
                user + "@contoso.com",
                user + "@example.net",
                now.plus(Duration.ofDays(3)),
                Actor.staff("hr"),
                WEEK));
  }

  private Attempt attemptFor(String user, Instant now) {
    Attempt a =
        new Attempt(
            OpaqueTokens.hash(OpaqueTokens.generate()),
            Attempt.Kind.ACTIVATION,
            Attempt.RequestedAction.MFA,
            user + "@contoso.com",
            now,
            Duration.ofMinutes(30));
    a.bindDirectoryUser(user);
    return a;
  }

  private boolean usable(String token, Instant now) {
    Invitation i = at(now, s -> s.byToken(token).orElseThrow());
    return i.usableAt(now);
  }

  @Test
  void aLinkIsStoredOnlyAsAHashAndWorksUntilItExpires() {
    String user = user();
    InvitationStore.Issued issued = invite(user, t0);
    assertEquals(OpaqueTokens.hash(issued.token()), issued.invitation().getTokenHash());
    assertFalse(issued.invitation().getTokenHash().contains(issued.token()));
    assertTrue(usable(issued.token(), t0.plus(WEEK).minusSeconds(1)));
    assertFalse(usable(issued.token(), t0.plus(WEEK)), "expired");
    assertTrue(at(t0, s -> s.byToken("not-a-token")).isEmpty());
    assertThrows(
        InvitationStore.Refused.class,
        () -> at(t0.plus(WEEK), s -> s.use(issued.token(), attemptFor(user, s.now()))));
  }

  @Test
  void oneLiveInvitationPerAccountAndAResendReplacesIt() {
    String user = user();
    InvitationStore.Issued first = invite(user, t0);
    assertThrows(InvitationStore.Refused.class, () -> invite(user, t0.plusSeconds(1)));
    InvitationStore.Issued second =
        at(t0.plusSeconds(2), s -> s.resend(first.invitation().getId(), Actor.staff("hr"), WEEK));
    assertEquals(
        Invitation.State.SUPERSEDED,
        at(t0, s -> s.byToken(first.token()).orElseThrow().getState()));
    assertTrue(usable(second.token(), t0.plusSeconds(3)));
    assertThrows(
        InvitationStore.Refused.class,
        () -> at(t0.plusSeconds(3), s -> s.use(first.token(), attemptFor(user, s.now()))),
        "the old link is dead");
    assertThrows(
        InvitationStore.Refused.class,
        () ->
            at(
                t0.plusSeconds(4),
                s -> s.resend(first.invitation().getId(), Actor.staff("hr"), WEEK)));
    // after expiry a new invitation may be created; the expired one is superseded, not left pending
    InvitationStore.Issued third = invite(user, t0.plus(WEEK).plusSeconds(5));
    assertEquals(
        Invitation.State.SUPERSEDED,
        at(t0, s -> s.byToken(second.token()).orElseThrow().getState()));
    assertEquals(
        Invitation.State.PENDING, at(t0, s -> s.byToken(third.token()).orElseThrow().getState()));
  }

  @Test
  void aRevokedLinkIsDeadAndTheAuditTrailNamesWhoDidWhat() {
    String user = user();
    InvitationStore.Issued issued = invite(user, t0);
    at(t0.plusSeconds(1), s -> s.revoke(issued.invitation().getId(), Actor.staff("admin-oid")));
    assertEquals(
        Invitation.State.REVOKED, at(t0, s -> s.byToken(issued.token()).orElseThrow().getState()));
    assertThrows(
        InvitationStore.Refused.class,
        () -> at(t0.plusSeconds(2), s -> s.use(issued.token(), attemptFor(user, s.now()))));
    var events = jpa().inTx(em -> new AuditLog(em).forUserSince(user, t0.minusSeconds(1)));
    assertEquals(
        java.util.List.of(AuditType.ACTIVATION_INVITED, AuditType.ACTIVATION_INVITATION_REVOKED),
        events.stream().map(e -> e.getType()).toList());
    assertEquals(Actor.staff("admin-oid"), events.get(1).getActor());
    assertTrue(
        events.stream().noneMatch(e -> String.valueOf(e.getDetail()).contains("@example.net")),
        "no personal address in the audit trail");
  }

  @Test
  void aLinkStartsOneIdentityCheckEvenWhenClickedTwiceAtOnce() {
    String user = user();
    InvitationStore.Issued issued = invite(user, t0);
    EntityManager first = jpa().entityManager();
    EntityManager second = jpa().entityManager();
    int wins = 0;
    try {
      Instant now = t0.plusSeconds(10);
      InvitationStore a = new InvitationStore(first, Clock.fixed(now, ZoneOffset.UTC));
      InvitationStore b = new InvitationStore(second, Clock.fixed(now, ZoneOffset.UTC));
      second.getTransaction().begin();
      b.byToken(issued.token()).orElseThrow();
      first.getTransaction().begin();
      a.use(issued.token(), attemptFor(user, now));
      first.getTransaction().commit();
      wins++;
      try {
        b.use(issued.token(), attemptFor(user, now));
        second.getTransaction().commit();
        wins++;
      } catch (RuntimeException e) {
        // refused by the version check (or its rollback): nothing of the second click is kept
      }
    } finally {
      if (second.getTransaction().isActive()) {
        second.getTransaction().rollback();
      }
      first.close();
      second.close();
    }
    assertEquals(1, wins, "exactly one click started a check");
    Invitation used = at(t0, s -> s.byToken(issued.token()).orElseThrow());
    assertEquals(Invitation.State.USED, used.getState());
    long attempts =
        jpa()
            .inTx(
                em ->
                    em.createQuery(
                            "select count(a) from Attempt a where a.directoryUserId = :u",
                            Long.class)
                        .setParameter("u", user)
                        .getSingleResult());
    assertEquals(1, attempts, "one attempt stored");
    assertEquals(
        used.getAttemptId(),
        at(t0, s -> s.forAttempt(used.getAttemptId()).orElseThrow().getAttemptId()));
  }
}
