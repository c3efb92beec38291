package io.recoveryportal.verification.incode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.recoveryportal.sandbox.CodeFlow;
import io.recoveryportal.sandbox.IncodeProvider;
import io.recoveryportal.sandbox.IncodeProvider.Tamper;
import io.recoveryportal.sandbox.IncodeVerification.Outcome;
import io.recoveryportal.verification.PendingVerification;
import io.recoveryportal.verification.ProofingStatus;
import io.recoveryportal.verification.VerificationFailedException;
import io.recoveryportal.verification.VerificationFailedException.Reason;
import io.recoveryportal.verification.VerificationResult;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sandbox's Incode spoils the next token response; the adapter must refuse every forged or
 * misdirected ID token, and must not turn a missing or unknown verdict into a pass.
 */
class IncodeTokenTamperTest {

  private static IncodeFixture fx;
  private static IncodeProofing proofing;

  @BeforeAll
  static void start() throws Exception {
    fx = IncodeFixture.start();
    proofing = fx.proofing();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  /** A verification whose token response is tampered as asked; checks the sandbox really did so. */
  private static VerificationResult verifyTampered(
      Tamper mode, PendingVerification[] pendingOut, URI[] callbackOut) throws Exception {
    PendingVerification p = proofing.begin("jane.smith@contoso.com");
    URI callback = fx.finish(p, Outcome.VERIFIED);
    pendingOut[0] = p;
    callbackOut[0] = callback;
    fx.incode().tamperNext(mode);
    try {
      return proofing.complete(callback, p);
    } finally {
      assertEquals(
          mode,
          fx.incode().lastIssued().map(IncodeProvider.Issued::tamper).orElse(null),
          "the sandbox tampered this very token response");
    }
  }

  @ParameterizedTest
  @EnumSource(
      names = {
        "BAD_SIGNATURE",
        "UNKNOWN_KID",
        "ALG_NONE",
        "HS256_WITH_CLIENT_SECRET",
        "WRONG_ISSUER",
        "WRONG_AUDIENCE",
        "EXTRA_AUDIENCE",
        "EXPIRED",
        "ISSUED_IN_FUTURE",
        "WRONG_NONCE"
      })
  void aForgedOrMisdirectedIdTokenIsRefused(Tamper mode) throws Exception {
    PendingVerification[] p = new PendingVerification[1];
    URI[] callback = new URI[1];
    VerificationFailedException e =
        assertThrows(VerificationFailedException.class, () -> verifyTampered(mode, p, callback));
    assertEquals(Reason.TOKEN_INVALID, e.reason(), e::getMessage);
    String idToken = fx.incode().lastIssued().orElseThrow().idToken();
    String code = URLUtils.parseParameters(callback[0].getRawQuery()).get("code").get(0);
    for (String secret :
        List.of(
            idToken,
            idToken.split("\\.")[0],
            code,
            p[0].state(),
            fx.sandbox.credentials().incodeClientSecret())) {
      assertFalse(
          e.getMessage().contains(secret), "no token, code, state or secret in the message");
    }
  }

  @Test
  void aTokenAlsoForAnotherAudienceIsRefusedForThatReason() throws Exception {
    VerificationFailedException e =
        assertThrows(
            VerificationFailedException.class,
            () -> verifyTampered(Tamper.EXTRA_AUDIENCE, new PendingVerification[1], new URI[1]));
    assertTrue(e.getMessage().contains("audience"), e::getMessage);
  }

  // ---- the authorization response's issuer (RFC 9207): Incode advertises it, so it must be there
  // and be Incode ----

  @ParameterizedTest
  @EnumSource(
      value = CodeFlow.ResponseTamper.class,
      names = {"OMIT_ISS", "WRONG_ISS"})
  void aCallbackWithoutIncodesIssuerIsRefusedBeforeTheCodeIsSpent(CodeFlow.ResponseTamper mode)
      throws Exception {
    PendingVerification p = proofing.begin("jane.smith@contoso.com");
    fx.incode().tamperNextResponse(mode);
    URI callback = fx.finish(p, Outcome.VERIFIED);
    int issued = fx.incode().issued().size();
    VerificationFailedException e =
        assertThrows(VerificationFailedException.class, () -> proofing.complete(callback, p));
    assertEquals(Reason.ISSUER_MISMATCH, e.reason(), e::getMessage);
    assertEquals(issued, fx.incode().issued().size(), "no code was exchanged");
  }

  @Test
  void aCancelNamingAnotherIssuerIsNoCancel() throws Exception {
    PendingVerification p = proofing.begin("jane.smith@contoso.com");
    fx.incode().tamperNextResponse(CodeFlow.ResponseTamper.WRONG_ISS);
    URI callback = fx.cancel(p);
    assertEquals(
        Reason.ISSUER_MISMATCH,
        assertThrows(VerificationFailedException.class, () -> proofing.complete(callback, p))
            .reason());
  }

  @Test
  void aSecondIssuerAddedToAGenuineCallbackIsRefused() throws Exception {
    PendingVerification p = proofing.begin("jane.smith@contoso.com");
    URI callback = fx.finish(p, Outcome.VERIFIED);
    for (String extra :
        List.of("&iss=https%3A%2F%2Fevil.example", "&iss=" + fx.sandbox.incodeIssuer())) {
      URI doubled = URI.create(callback + extra);
      assertEquals(
          Reason.ISSUER_MISMATCH,
          assertThrows(VerificationFailedException.class, () -> proofing.complete(doubled, p))
              .reason());
    }
    // refused before the code was used: the genuine callback still completes
    assertEquals(ProofingStatus.OK, proofing.complete(callback, p).status());
  }

  @ParameterizedTest
  @EnumSource(names = {"MISSING_STATUS", "UNKNOWN_STATUS"})
  void aMissingOrUnknownVerdictIsFail(Tamper mode) throws Exception {
    VerificationResult r = verifyTampered(mode, new PendingVerification[1], new URI[1]);
    assertEquals(ProofingStatus.FAIL, r.status());
    assertEquals("JANE SMITH", r.fullName(), "the rest of the result is intact");
  }

  @Test
  void userinfoAboutSomeoneElseIsRefused() throws Exception {
    VerificationFailedException e =
        assertThrows(
            VerificationFailedException.class,
            () ->
                verifyTampered(
                    Tamper.USERINFO_SUB_MISMATCH, new PendingVerification[1], new URI[1]));
    assertEquals(Reason.USERINFO_MISMATCH, e.reason());
  }

  @Test
  void aFullNameInGivenNamePassesThroughForMatchingToHandle() throws Exception {
    VerificationResult r =
        verifyTampered(Tamper.GIVEN_NAME_IS_FULL_NAME, new PendingVerification[1], new URI[1]);
    assertEquals(ProofingStatus.OK, r.status());
    assertEquals("JANE SMITH", r.fullName());
    assertEquals("JANE SMITH", r.givenName());
  }
}
