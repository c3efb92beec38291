package io.recoveryportal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.oidc.PendingAuthorization;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Staff sessions over time, with a clock: sign-in, the idle and absolute timeouts, sign-out token,
 * pending sign-in.
 */
class StaffSessionsTest {

  private static final Instant T0 = Instant.parse("2025-03-04T09:00:00Z");

  private final StaffSessions sessions =
      new StaffSessions(Duration.ofMinutes(15), Duration.ofHours(8));
  private final FakeHttp browser = new FakeHttp();
  private final List<String> expired = new ArrayList<>();

  private static StaffPrincipal rita(Instant at) {
    return new StaffPrincipal(
        "c9e5154d", "rita.reviewer@contoso.com", "Rita Ramos", Set.of(StaffRole.REVIEWER), at, at);
  }

  /** One staff request at {@code at}. */
  private Optional<StaffPrincipal> requestAt(Instant at) {
    return sessions.current(browser.request(), at, (p, why) -> expired.add(p.oid() + ":" + why));
  }

  @Test
  void signingInChangesTheSessionIdAndLimitsTheContainersTimeout() {
    browser.request().getSession(true);
    String before = browser.session.id;
    sessions.signIn(browser.request(), rita(T0));
    assertNotEquals(before, browser.session.id, "a new session id on sign-in");
    assertEquals(15 * 60, browser.session.maxInactive);
    assertEquals("Rita Ramos", requestAt(T0.plusSeconds(1)).orElseThrow().name());
  }

  @Test
  void eachRequestWithinTheIdleTimeoutKeepsTheSessionAlive() {
    sessions.signIn(browser.request(), rita(T0));
    Instant t = T0;
    for (int i = 0; i < 10; i++) {
      t = t.plus(Duration.ofMinutes(14));
      assertTrue(
          requestAt(t).isPresent(),
          "still signed in after " + (i + 1) + " requests 14 minutes apart");
    }
    assertEquals(
        t, ((StaffPrincipal) browser.session.attributes.get(StaffSessions.PRINCIPAL)).lastSeen());
    assertTrue(expired.isEmpty());
  }

  @Test
  void fifteenIdleMinutesEndTheSession() {
    sessions.signIn(browser.request(), rita(T0));
    assertTrue(requestAt(T0.plus(Duration.ofMinutes(10))).isPresent());
    assertTrue(
        requestAt(T0.plus(Duration.ofMinutes(24).plusSeconds(59))).isPresent(),
        "idle is counted from the last request");
    FakeHttp.Session ended = browser.session;
    assertTrue(
        requestAt(T0.plus(Duration.ofMinutes(40))).isEmpty(), "15 minutes after the last request");
    assertFalse(ended.valid, "the whole session is invalidated");
    assertEquals(List.of("c9e5154d:IDLE"), expired);
    // and the next request behaves as signed out, even with a clock that went back
    assertTrue(requestAt(T0.plus(Duration.ofMinutes(41))).isEmpty());
    assertEquals(1, expired.size(), "reported once");
  }

  @Test
  void eightHoursEndTheSessionHoweverBusy() {
    sessions.signIn(browser.request(), rita(T0));
    Instant t = T0;
    while (t.isBefore(T0.plus(Duration.ofHours(8)).minus(Duration.ofMinutes(10)))) {
      t = t.plus(Duration.ofMinutes(10));
      Instant at = t;
      assertTrue(requestAt(at).isPresent(), () -> "busy, at " + at);
    }
    assertTrue(requestAt(T0.plus(Duration.ofHours(8))).isEmpty());
    assertEquals(List.of("c9e5154d:ABSOLUTE"), expired);
  }

  @Test
  void aRequestChecksAndTouchesTheSessionOnce() {
    sessions.signIn(browser.request(), rita(T0));
    var request = browser.request();
    Instant at = T0.plus(Duration.ofMinutes(5));
    assertEquals(
        at, sessions.current(request, at, (p, why) -> expired.add("x")).orElseThrow().lastSeen());
    // the filter and then the page ask again within the same request: the same answer
    assertEquals(
        at,
        sessions
            .current(request, at.plusSeconds(1), (p, why) -> expired.add("x"))
            .orElseThrow()
            .lastSeen());
  }

  @Test
  void noSessionIsSignedOut() {
    assertTrue(requestAt(T0).isEmpty());
    assertNull(browser.session, "asking does not create a session");
  }

  @Test
  void theSignOutTokenIsPerSessionAndComparedExactly() {
    sessions.signIn(browser.request(), rita(T0));
    String token = StaffSessions.signOutToken(browser.request()).orElseThrow();
    assertEquals(43, token.length(), "256 random bits");
    assertTrue(StaffSessions.isSignOutToken(browser.session.proxy, token));
    assertFalse(StaffSessions.isSignOutToken(browser.session.proxy, token.substring(1)));
    assertFalse(StaffSessions.isSignOutToken(browser.session.proxy, null));
    assertFalse(StaffSessions.isSignOutToken(null, token));
    FakeHttp other = new FakeHttp();
    sessions.signIn(other.request(), rita(T0));
    assertNotEquals(token, StaffSessions.signOutToken(other.request()).orElseThrow());
  }

  @Test
  void aPendingSignInIsTakenOnceAndSigningInClearsIt() {
    PendingStaffSignIn pending =
        PendingStaffSignIn.of(
            new PendingAuthorization(
                URI.create("https://login.example/authorize"), "state", "nonce", "verifier"),
            "/review/index.xhtml",
            T0);
    StaffSessions.holdPending(browser.request(), pending);
    assertEquals(pending, StaffSessions.takePending(browser.request()).orElseThrow());
    assertTrue(
        StaffSessions.takePending(browser.request()).isEmpty(), "a callback can use it once");
    assertFalse(pending.expiredAt(T0.plus(Duration.ofMinutes(9))));
    assertTrue(pending.expiredAt(T0.plus(Duration.ofMinutes(10))));
  }
}
