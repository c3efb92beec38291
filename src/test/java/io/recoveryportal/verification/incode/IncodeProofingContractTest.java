package io.recoveryportal.verification.incode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import io.recoveryportal.oidc.OidcException;
import io.recoveryportal.sandbox.CodeFlow;
import io.recoveryportal.sandbox.IncodeProvider;
import io.recoveryportal.sandbox.IncodeVerification.Outcome;
import io.recoveryportal.sandbox.Sandbox;
import io.recoveryportal.verification.PendingVerification;
import io.recoveryportal.verification.ProofingStatus;
import io.recoveryportal.verification.ProofingUnavailableException;
import io.recoveryportal.verification.VerificationFailedException;
import io.recoveryportal.verification.VerificationFailedException.Reason;
import io.recoveryportal.verification.VerificationResult;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Incode adapter over HTTP against the sandbox's Incode: the flow as Incode documents it, and
 * its refusals.
 */
class IncodeProofingContractTest {

  private static final String JANE = "jane.smith@contoso.com";

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

  private static VerificationResult verify(IncodeProofing p, String hint, Outcome outcome)
      throws Exception {
    PendingVerification pending = p.begin(hint);
    return p.complete(fx.finish(pending, outcome), pending);
  }

  private static IncodeProvider.Issued lastIssued() {
    return fx.incode().lastIssued().orElseThrow();
  }

  @Test
  void okCarriesTheDocumentsNameAndBirthdateAndIncodesIdentifiers() throws Exception {
    VerificationResult r = verify(proofing, JANE, Outcome.VERIFIED);
    assertEquals(ProofingStatus.OK, r.status());
    assertEquals("JANE SMITH", r.fullName());
    assertEquals("JANE", r.givenName());
    assertEquals(LocalDate.of(1985, 6, 15), r.birthdate());
    assertEquals(98.7, r.score());
    String interview = lastIssued().verification().interviewId();
    assertEquals(interview, r.interviewId());
    assertEquals(interview, r.subject());
    assertEquals(fx.incode().identityIdOf(fx.idOf(JANE)), r.identityId());
    assertFalse(r.toString().contains("JANE"), "no personal data in toString");
  }

  @Test
  void manualReviewIsEscalatedWithItsData() throws Exception {
    VerificationResult r = verify(proofing, JANE, Outcome.MANUAL_REVIEW);
    assertEquals(ProofingStatus.MANUAL_REVIEW, r.status());
    assertEquals(61.0, r.score());
    assertEquals("JANE SMITH", r.fullName());
  }

  @Test
  void failIsFail() throws Exception {
    VerificationResult r = verify(proofing, JANE, Outcome.FAIL);
    assertEquals(ProofingStatus.FAIL, r.status());
    assertEquals(12.0, r.score());
  }

  @Test
  void anotherPersonsDocumentIsReportedAsRead() throws Exception {
    // the verdict is OK; it is the name and birthdate that must let matching catch the impostor
    VerificationResult r = verify(proofing, "bob.wilson@contoso.com", Outcome.BIRTHDATE_DIFFERS);
    assertEquals(ProofingStatus.OK, r.status());
    assertEquals("ROBERT WILSON", r.fullName());
    assertNotEquals(LocalDate.of(1975, 12, 1), r.birthdate());
  }

  @Test
  void cancelIsCancelled() throws Exception {
    PendingVerification p = proofing.begin(JANE);
    VerificationFailedException e =
        assertThrows(VerificationFailedException.class, () -> proofing.complete(fx.cancel(p), p));
    assertEquals(Reason.CANCELLED, e.reason());
  }

  @Test
  void aReturningPersonIsReauthenticatedByIdentityId() throws Exception {
    String identity = fx.incode().identityIdOf(fx.idOf("michael.brown@contoso.com"));
    PendingVerification p = proofing.begin(identity);
    assertTrue(fx.page(p).contains("Face re-authentication"));
    VerificationResult r = proofing.complete(fx.finish(p, Outcome.VERIFIED), p);
    assertEquals(identity, r.identityId());
    assertEquals("MICHAEL JAMES BROWN", r.fullName());
    assertTrue(lastIssued().verification().faceReauthentication());
  }

  @Test
  void withPushedRequestsTheBrowserCarriesOnlyTheClientAndAReference() throws Exception {
    int before = fx.incode().pushedRequests().size();
    PendingVerification p = proofing.begin(JANE);
    Map<String, List<String>> q = URLUtils.parseParameters(p.authorizationUri().getRawQuery());
    assertEquals(
        fx.sandbox.incodeIssuer() + "/oauth2/authorize",
        p.authorizationUri().toString().substring(0, p.authorizationUri().toString().indexOf('?')));
    assertEquals(Set.of("client_id", "request_uri"), q.keySet(), p.authorizationUri()::toString);
    assertEquals(List.of(fx.sandbox.credentials().incodeClientId()), q.get("client_id"));
    assertTrue(q.get("request_uri").get(0).startsWith(CodeFlow.REQUEST_URI_PREFIX), q::toString);
    // everything else went server to server, with the client's authentication
    assertEquals(before + 1, fx.incode().pushedRequests().size());
    CodeFlow.Request pushed = fx.incode().pushedRequests().get(before).request();
    assertEquals(JANE, pushed.loginHint());
    assertEquals(p.state(), pushed.state());
    assertEquals(p.nonce(), pushed.nonce());
    assertEquals("openid profile email", pushed.scope());
    assertEquals(IncodeFixture.PORTAL + Sandbox.PORTAL_INCODE_CALLBACK, pushed.redirectUri());
    assertEquals(
        CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(p.codeVerifier()))
            .getValue(),
        pushed.codeChallenge());
    assertEquals(ProofingStatus.OK, proofing.complete(fx.finish(p, Outcome.VERIFIED), p).status());
  }

  @Test
  void withoutPushedRequestsTheAuthorizationUrlCarriesStateNoncePkceAndTheHint() throws Exception {
    fx.incode().advertisePushedAuthorizationRequests(false);
    try {
      IncodeProofing direct = fx.proofing();
      int pushedBefore = fx.incode().pushedRequests().size();
      PendingVerification p = direct.begin(JANE);
      Map<String, List<String>> q = URLUtils.parseParameters(p.authorizationUri().getRawQuery());
      assertEquals(
          fx.sandbox.incodeIssuer() + "/oauth2/authorize",
          p.authorizationUri()
              .toString()
              .substring(0, p.authorizationUri().toString().indexOf('?')));
      assertEquals(List.of("code"), q.get("response_type"));
      assertEquals(List.of("openid profile email"), q.get("scope"));
      assertEquals(List.of(fx.sandbox.credentials().incodeClientId()), q.get("client_id"));
      assertEquals(
          List.of(IncodeFixture.PORTAL + Sandbox.PORTAL_INCODE_CALLBACK), q.get("redirect_uri"));
      assertEquals(List.of(JANE), q.get("login_hint"));
      assertEquals(List.of(p.state()), q.get("state"));
      assertEquals(List.of(p.nonce()), q.get("nonce"));
      assertEquals(List.of("S256"), q.get("code_challenge_method"));
      assertEquals(
          List.of(
              CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(p.codeVerifier()))
                  .getValue()),
          q.get("code_challenge"));
      assertFalse(
          p.authorizationUri().toString().contains(p.codeVerifier()), "only the challenge travels");
      assertEquals(pushedBefore, fx.incode().pushedRequests().size(), "nothing was pushed");
      PendingVerification other = direct.begin(JANE);
      assertNotEquals(p.state(), other.state());
      assertNotEquals(p.nonce(), other.nonce());
      assertNotEquals(p.codeVerifier(), other.codeVerifier());
      assertTrue(p.state().length() >= 43 && p.nonce().length() >= 43, "256 random bits each");
      assertEquals(ProofingStatus.OK, direct.complete(fx.finish(p, Outcome.VERIFIED), p).status());
    } finally {
      fx.incode().advertisePushedAuthorizationRequests(true);
    }
  }

  @Test
  void aPushedRequestIncodeRefusesMeansIncodeCannotBeUsedNow() {
    Map<String, String> config = fx.config();
    config.put("incode.client-secret", "a-wrong-secret-that-is-long-enough-for-hs256");
    ProofingUnavailableException e =
        assertThrows(
            ProofingUnavailableException.class, () -> IncodeFixture.proofing(config).begin(JANE));
    assertTrue(e.getMessage().contains("invalid_client"), e::getMessage);
    assertFalse(e.getMessage().contains("a-wrong-secret"), "the secret is not in the message");
  }

  @ParameterizedTest
  @ValueSource(strings = {"client_secret_basic", "client_secret_post", "client_secret_jwt"})
  void eachClientAuthenticationRedeemsTheCode(String method) throws Exception {
    Map<String, String> config = fx.config();
    config.put("incode.client-auth", method);
    assertEquals(
        ProofingStatus.OK, verify(IncodeFixture.proofing(config), JANE, Outcome.VERIFIED).status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"client_secret_basic", "client_secret_post", "client_secret_jwt"})
  void eachClientAuthenticationReallySendsTheSecret(String method) throws Exception {
    Map<String, String> config = fx.config();
    config.put("incode.client-auth", method);
    config.put("incode.client-secret", "a-wrong-secret-that-is-long-enough-for-hs256");
    // with pushed requests the wrong secret is refused at the start, so look at the token endpoint
    // without them
    fx.incode().advertisePushedAuthorizationRequests(false);
    try {
      VerificationFailedException e =
          assertThrows(
              VerificationFailedException.class,
              () -> verify(IncodeFixture.proofing(config), JANE, Outcome.VERIFIED));
      assertEquals(Reason.CODE_REJECTED, e.reason());
      assertEquals("invalid_client", ((OidcException) e.getCause()).oauthError());
      assertFalse(e.getMessage().contains("a-wrong-secret"), "the secret is not in the message");
    } finally {
      fx.incode().advertisePushedAuthorizationRequests(true);
    }
    ProofingUnavailableException pushed =
        assertThrows(
            ProofingUnavailableException.class, () -> IncodeFixture.proofing(config).begin(JANE));
    assertTrue(pushed.getMessage().contains("invalid_client"), pushed::getMessage);
  }

  @Test
  void aMissingStateIsRefusedBeforeTheCodeIsSpent() throws Exception {
    PendingVerification p = proofing.begin(JANE);
    URI callback = fx.finish(p, Outcome.VERIFIED);
    URI withoutState = URI.create(callback.toString().replaceAll("[&?]state=[^&]*", ""));
    assertFalse(withoutState.toString().contains("state="));
    assertEquals(Reason.STATE_MISMATCH, failure(withoutState, p));
    // the refusal spent nothing: the genuine callback still completes
    assertEquals(ProofingStatus.OK, proofing.complete(callback, p).status());
  }

  @Test
  void aWrongStateIsRefused() throws Exception {
    PendingVerification mine = proofing.begin(JANE);
    PendingVerification theirs = proofing.begin(JANE);
    URI callback = fx.finish(theirs, Outcome.VERIFIED);
    assertEquals(Reason.STATE_MISMATCH, failure(callback, mine), "another attempt's callback");
    String tampered =
        callback.toString().replace("state=" + theirs.state(), "state=" + theirs.state() + "x");
    assertEquals(Reason.STATE_MISMATCH, failure(URI.create(tampered), theirs));
  }

  @Test
  void aForgedCancelForSomeoneElsesAttemptIsAStateMismatch() throws Exception {
    PendingVerification p = proofing.begin(JANE);
    URI forged =
        URI.create(
            IncodeFixture.PORTAL
                + IncodeSettings.CALLBACK_PATH
                + "?error=access_denied&state=guess");
    assertEquals(Reason.STATE_MISMATCH, failure(forged, p));
  }

  @Test
  void nothingPendingIsAStateMismatch() throws Exception {
    PendingVerification p = proofing.begin(JANE);
    URI callback = fx.finish(p, Outcome.VERIFIED);
    assertEquals(Reason.STATE_MISMATCH, failure(callback, null));
    assertEquals(
        Reason.STATE_MISMATCH,
        failure(
            callback,
            new PendingVerification(p.authorizationUri(), p.state(), null, p.codeVerifier())));
  }

  @Test
  void aReplayedCallbackIsRejected() throws Exception {
    PendingVerification p = proofing.begin(JANE);
    URI callback = fx.finish(p, Outcome.VERIFIED);
    assertEquals(ProofingStatus.OK, proofing.complete(callback, p).status());
    VerificationFailedException e =
        assertThrows(VerificationFailedException.class, () -> proofing.complete(callback, p));
    assertEquals(Reason.CODE_REJECTED, e.reason());
    assertEquals("invalid_grant", ((OidcException) e.getCause()).oauthError());
    String code = URLUtils.parseParameters(callback.getRawQuery()).get("code").get(0);
    assertFalse(e.getMessage().contains(code), "the code is not in the message");
  }

  @Test
  void anExpiredCodeIsRejected() throws Exception {
    fx.incode().codeLifetime(Duration.ofMillis(300));
    try {
      PendingVerification p = proofing.begin(JANE);
      URI callback = fx.finish(p, Outcome.VERIFIED);
      Thread.sleep(600);
      VerificationFailedException e =
          assertThrows(VerificationFailedException.class, () -> proofing.complete(callback, p));
      assertEquals(Reason.CODE_REJECTED, e.reason());
      assertEquals("invalid_grant", ((OidcException) e.getCause()).oauthError());
    } finally {
      fx.incode().codeLifetime(Duration.ofSeconds(60));
    }
  }

  private static Reason failure(URI callback, PendingVerification pending) {
    return assertThrows(
            VerificationFailedException.class, () -> proofing.complete(callback, pending))
        .reason();
  }
}
