package io.recoveryportal.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.persistence.DatabaseContract;
import io.recoveryportal.security.OpaqueTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Returning devices on a real database (H2 and PostgreSQL subclasses): hashes only, expiry,
 * retiring, forgetting.
 */
abstract class ReturningDeviceContract extends DatabaseContract {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final Duration WINDOW = Duration.ofDays(30);

  private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private <T> T at(Instant now, Function<ReturningDevices, T> work) {
    return jpa().inTx(em -> work.apply(new ReturningDevices(em, Clock.fixed(now, ZoneOffset.UTC))));
  }

  /** A matched attempt of a new account, as the callback leaves it. */
  private Attempt matched(String user) {
    return jpa()
        .inTx(
            em -> {
              Attempt a =
                  new Attempt(
                      OpaqueTokens.hash(OpaqueTokens.generate()),
                      Attempt.Kind.RECOVERY,
                      Attempt.RequestedAction.PASSWORD,
                      user + "@contoso.com",
                      t0,
                      Duration.ofMinutes(30));
              a.bindDirectoryUser(user);
              a.recordVerification("interview-" + user, "identity-" + user);
              return new AttemptRepository(em).add(a);
            });
  }

  private static String user() {
    return "device-user-" + SEQ.incrementAndGet();
  }

  private Optional<ReturningDevice> find(String token, Instant now) {
    return at(now, d -> d.find(token));
  }

  @Test
  void aDeviceIsFoundByItsTokenOnlyKeptAsAHashAndExpiresWithTheWindow() {
    String user = user();
    Attempt a = matched(user);
    String token = at(t0, d -> d.remember(a, null, WINDOW));
    assertTrue(OpaqueTokens.isWellFormed(token));
    ReturningDevice found = find(token, t0.plusSeconds(1)).orElseThrow();
    assertEquals(user, found.getDirectoryUserId());
    assertEquals("identity-" + user, found.getIdentityId());
    assertEquals(a.getId(), found.getAttemptId());
    assertEquals(OpaqueTokens.hash(token), found.getTokenHash());
    assertFalse(found.getTokenHash().contains(token));
    assertTrue(find(token, t0.plus(WINDOW).minusMillis(1)).isPresent());
    assertTrue(find(token, t0.plus(WINDOW)).isEmpty(), "expired with the window");
    assertTrue(find(OpaqueTokens.generate(), t0).isEmpty(), "a token never issued");
    for (String bad :
        new String[] {null, "", "short", token + "x", token.substring(1) + "!", "' or 1=1 --"}) {
      assertTrue(find(bad, t0).isEmpty(), "malformed: " + bad);
    }
    var events = jpa().inTx(em -> new AuditLog(em).forAttempt(a.getId()));
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    e.getType() == AuditType.RECOVERY_DEVICE_REMEMBERED
                        && e.getActor().equals(Actor.person("employee"))
                        && !e.getDetail().contains(token)),
        "audited, without the token");
  }

  @Test
  void aNewVerificationInTheSameBrowserRetiresItsOldTokenAndExpiredOnesAreDeleted() {
    String user = user();
    String old = at(t0, d -> d.remember(matched(user), null, WINDOW));
    String other = at(t0, d -> d.remember(matched(user()), null, Duration.ofMinutes(1)));
    String renewed =
        at(t0.plus(Duration.ofMinutes(5)), d -> d.remember(matched(user), old, WINDOW));
    assertTrue(
        find(old, t0.plus(Duration.ofMinutes(5))).isEmpty(), "the presented token is retired");
    assertTrue(find(renewed, t0.plus(Duration.ofMinutes(5))).isPresent());
    long rows =
        jpa()
            .inTx(
                em ->
                    em.createQuery(
                            "select count(d) from ReturningDevice d where d.tokenHash = :h",
                            Long.class)
                        .setParameter("h", OpaqueTokens.hash(other))
                        .getSingleResult());
    assertEquals(
        0, rows, "another browser's expired binding is gone from the table, not just ignored");
  }

  @Test
  void forgettingAnAccountForgetsEveryBrowserOfItAndNoOther() {
    String user = user();
    String bystander = user();
    String first = at(t0, d -> d.remember(matched(user), null, WINDOW));
    String second = at(t0, d -> d.remember(matched(user), null, WINDOW));
    String theirs = at(t0, d -> d.remember(matched(bystander), null, WINDOW));
    assertEquals(2, (int) at(t0, d -> d.forgetAll(user)));
    assertTrue(find(first, t0).isEmpty());
    assertTrue(find(second, t0).isEmpty());
    assertTrue(find(theirs, t0).isPresent());
    assertEquals(0, (int) at(t0, d -> d.forgetAll(user)));
  }

  @Test
  void manyBrowsersRememberedAtOnceEachGetTheirOwnToken() throws Exception {
    int threads = 8;
    List<Attempt> attempts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      attempts.add(matched(user()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    Set<String> tokens = ConcurrentHashMap.newKeySet();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Attempt a : attempts) {
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  tokens.add(at(t0, d -> d.remember(a, null, WINDOW)));
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads, tokens.size());
    for (String t : tokens) {
      assertTrue(find(t, t0).isPresent());
    }
  }
}
