package io.recoveryportal.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.recoveryportal.sandbox.Sandbox;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The discovery cache: read once, trusted for its max age, a good copy kept through an outage. */
class ProviderDiscoveryTest {

  private static Sandbox sandbox;

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        Sandbox.start(
            Sandbox.Options.ephemeral(Path.of("config/sandbox/directory.json"), Path.of("target")));
    // without pushed requests, begin() calls nothing but discovery: what these tests are about
    sandbox.incode().advertisePushedAuthorizationRequests(false);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T08:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private static OidcSettings settings() {
    return OidcSettings.of(
            sandbox.incodeIssuer(),
            sandbox.credentials().incodeClientId(),
            sandbox.credentials().incodeClientSecret(),
            ClientAuthMethod.CLIENT_SECRET_BASIC,
            URI.create("http://localhost:8080/verify/callback"))
        .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2));
  }

  @Test
  void aGoodCopyOutlivesAnOutageAndFailuresAreNotCached() throws Exception {
    ManualClock clock = new ManualClock();
    RelyingParty rp = new RelyingParty(settings(), clock);
    RelyingParty cold = new RelyingParty(settings(), clock);
    URI endpoint = URI.create(sandbox.incodeIssuer() + "/oauth2/authorize");
    assertEquals(endpoint.getPath(), rp.begin(null).authorizationUri().getPath());
    sandbox.suspend();
    try {
      clock.advance(Duration.ofMinutes(59));
      assertEquals(
          endpoint.getPath(), rp.begin(null).authorizationUri().getPath(), "fresh: no call made");
      clock.advance(Duration.ofHours(2));
      assertEquals(
          endpoint.getPath(), rp.begin(null).authorizationUri().getPath(), "stale but good: kept");
      OidcException e = assertThrows(OidcException.class, () -> cold.begin(null));
      assertEquals(OidcException.Reason.UNAVAILABLE, e.reason());
    } finally {
      sandbox.resume();
    }
    assertEquals(
        endpoint.getPath(),
        cold.begin(null).authorizationUri().getPath(),
        "the failure was not remembered");
  }

  @Test
  void anIssuerThatDiffersEvenByATrailingSlashIsRefused() {
    OidcSettings s = settings();
    RelyingParty rp =
        new RelyingParty(
            new OidcSettings(
                s.issuer() + "/",
                s.clientId(),
                s.clientSecret(),
                s.clientAuth(),
                s.scopes(),
                s.redirectUri(),
                s.connectTimeout(),
                s.readTimeout(),
                null,
                null));
    OidcException e = assertThrows(OidcException.class, () -> rp.begin(null));
    assertEquals(OidcException.Reason.DISCOVERY_REFUSED, e.reason());
  }
}
