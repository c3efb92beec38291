package io.recoveryportal.verification.incode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import io.recoveryportal.oidc.OidcException;
import io.recoveryportal.sandbox.IncodeProvider.Tamper;
import io.recoveryportal.sandbox.IncodeProvider.TokenOutage;
import io.recoveryportal.sandbox.IncodeVerification.Outcome;
import io.recoveryportal.verification.PendingVerification;
import io.recoveryportal.verification.ProofingStatus;
import io.recoveryportal.verification.ProofingUnavailableException;
import io.recoveryportal.verification.VerificationFailedException;
import io.recoveryportal.verification.VerificationFailedException.Reason;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Incode slow, down, rotating its keys or misconfigured: the adapter fails safely and recovers
 * without a restart.
 */
class IncodeResilienceTest {

  private static final String JANE = "jane.smith@contoso.com";

  private static IncodeFixture fx;

  @BeforeAll
  static void start() throws Exception {
    fx = IncodeFixture.start();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void aSlowTokenEndpointIsATimeoutAndTheCodeIsNotSentAgain() throws Exception {
    Map<String, String> config = fx.config();
    config.put("incode.read-timeout-ms", "300");
    IncodeProofing proofing = IncodeFixture.proofing(config);
    PendingVerification p = proofing.begin(JANE);
    URI callback = fx.finish(p, Outcome.VERIFIED);
    fx.incode().slowTokenDelay(Duration.ofMillis(1200));
    fx.incode().tamperNext(Tamper.SLOW_TOKEN_ENDPOINT);
    int issuedBefore = fx.incode().issued().size();
    long started = System.nanoTime();
    VerificationFailedException e =
        assertThrows(VerificationFailedException.class, () -> proofing.complete(callback, p));
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(Reason.TIMEOUT, e.reason());
    assertTrue(
        elapsedMillis < 1000,
        "gave up after the read timeout, not after Incode answered: " + elapsedMillis + " ms");
    Thread.sleep(
        1200); // let the held response go out, then check Incode redeemed the code exactly once
    assertEquals(issuedBefore + 1, fx.incode().issued().size(), "one token request, no retry");
  }

  @Test
  void aKeyRotationIsFollowedWithoutARestart() throws Exception {
    IncodeProofing proofing = fx.proofing();
    PendingVerification before = proofing.begin(JANE);
    assertEquals(
        ProofingStatus.OK, proofing.complete(fx.finish(before, Outcome.VERIFIED), before).status());
    String oldKid = kidOfLastIdToken();

    fx.incode().keys().rotate();
    fx.incode().keys().forgetPrevious();
    PendingVerification after = proofing.begin(JANE);
    assertEquals(
        ProofingStatus.OK,
        proofing.complete(fx.finish(after, Outcome.VERIFIED), after).status(),
        "a token under the new key verifies: the unknown kid made the adapter re-read the JWKS");
    assertNotEquals(oldKid, kidOfLastIdToken());
  }

  private static String kidOfLastIdToken() throws Exception {
    return SignedJWT.parse(fx.incode().lastIssued().orElseThrow().idToken()).getHeader().getKeyID();
  }

  @Test
  void discoveryNamingAnotherIssuerIsRefused() throws Exception {
    // the same server under another name: its discovery says "localhost", which is not what is
    // configured
    Map<String, String> config = fx.config();
    config.put("incode.issuer", fx.sandbox.incodeIssuer().replace("//localhost:", "//127.0.0.1:"));
    IncodeProofing proofing = IncodeFixture.proofing(config);
    ProofingUnavailableException e =
        assertThrows(ProofingUnavailableException.class, () -> proofing.begin(JANE));
    assertEquals(
        OidcException.Reason.DISCOVERY_REFUSED,
        assertInstanceOf(OidcException.class, e.getCause()).reason());

    // nor does a callback get anywhere with it (a stored request from before a configuration
    // change)
    IncodeProofing genuine = fx.proofing();
    PendingVerification p = genuine.begin(JANE);
    VerificationFailedException f =
        assertThrows(
            VerificationFailedException.class,
            () -> proofing.complete(fx.finish(p, Outcome.VERIFIED), p));
    assertEquals(Reason.UNAVAILABLE, f.reason());
  }

  @Test
  void incodeDownIsUnavailableAndTheAdapterRecoversWhenItIsBack() throws Exception {
    IncodeProofing proofing = fx.proofing();
    IncodeProofing cold = fx.proofing();
    PendingVerification p = proofing.begin(JANE);
    URI callback = fx.finish(p, Outcome.VERIFIED);
    fx.sandbox.suspend();
    try {
      VerificationFailedException e =
          assertThrows(VerificationFailedException.class, () -> proofing.complete(callback, p));
      // nothing reached Incode, so the same callback may be completed again
      assertEquals(Reason.NOT_REDEEMED, e.reason());
      ProofingUnavailableException u =
          assertThrows(ProofingUnavailableException.class, () -> cold.begin(JANE));
      assertEquals(
          OidcException.Reason.UNAVAILABLE,
          assertInstanceOf(OidcException.class, u.getCause()).reason());
    } finally {
      fx.sandbox.resume();
    }
    PendingVerification again = cold.begin(JANE);
    assertEquals(
        ProofingStatus.OK, cold.complete(fx.finish(again, Outcome.VERIFIED), again).status());
    // the code from before the outage was never redeemed, so it still works (nothing was retried
    // behind our back)
    assertEquals(ProofingStatus.OK, proofing.complete(callback, p).status());
  }

  @Test
  void aServerErrorAtTheTokenEndpointLeavesTheCodeUnredeemedAndTheSameCallbackWorksAfterwards()
      throws Exception {
    IncodeProofing proofing = fx.proofing();
    PendingVerification p = proofing.begin(JANE);
    URI callback = fx.finish(p, Outcome.VERIFIED);
    fx.incode().tokenOutage(TokenOutage.SERVER_ERROR, 1);
    VerificationFailedException e =
        assertThrows(VerificationFailedException.class, () -> proofing.complete(callback, p));
    assertEquals(Reason.NOT_REDEEMED, e.reason(), e.getMessage());
    assertEquals(
        ProofingStatus.OK, proofing.complete(callback, p).status(), "the code was still good");
  }

  @Test
  void aConnectionLostAfterTheCodeWasSentIsNotRetryable() throws Exception {
    IncodeProofing proofing = fx.proofing();
    PendingVerification p = proofing.begin(JANE);
    URI callback = fx.finish(p, Outcome.VERIFIED);
    fx.incode().tokenOutage(TokenOutage.DROP_CONNECTION, 1);
    VerificationFailedException e =
        assertThrows(VerificationFailedException.class, () -> proofing.complete(callback, p));
    // Incode took the code and the answer was lost: the portal must not offer the same callback
    // again
    assertEquals(Reason.UNAVAILABLE, e.reason(), e.getMessage());
    assertEquals(
        Reason.CODE_REJECTED,
        assertThrows(VerificationFailedException.class, () -> proofing.complete(callback, p))
            .reason());
  }

  @Test
  void aPushedRequestEndpointThatCannotBeReachedIsUnavailableEvenWithDiscoveryAtHand()
      throws Exception {
    IncodeProofing proofing = fx.proofing();
    proofing.begin(JANE);
    fx.sandbox.suspend();
    try {
      ProofingUnavailableException u =
          assertThrows(ProofingUnavailableException.class, () -> proofing.begin(JANE));
      assertEquals(
          OidcException.Reason.UNAVAILABLE,
          assertInstanceOf(OidcException.class, u.getCause()).reason());
    } finally {
      fx.sandbox.resume();
    }
    PendingVerification p = proofing.begin(JANE);
    assertEquals(ProofingStatus.OK, proofing.complete(fx.finish(p, Outcome.VERIFIED), p).status());
  }
}
