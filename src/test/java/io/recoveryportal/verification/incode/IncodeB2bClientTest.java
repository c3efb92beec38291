package io.recoveryportal.verification.incode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.helpdesk.VerificationRequests;
import io.recoveryportal.sandbox.IncodeB2b;
import io.recoveryportal.sandbox.IncodeVerification;
import io.recoveryportal.sandbox.Sandbox;
import io.recoveryportal.verification.ProofingStatus;
import io.recoveryportal.verification.ProofingUnavailableException;
import io.recoveryportal.verification.VerificationResult;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal's Incode B2B client against the sandbox's B2B API over HTTP: the client-credentials
 * token, request-new exactly as seed 000 shows it, the employee's session link, and the result
 * fetched server to server.
 */
class IncodeB2bClientTest {

  private static Sandbox sandbox;

  @BeforeAll
  static void start() throws IOException {
    sandbox =
        Sandbox.start(
            Sandbox.Options.ephemeral(Path.of("config/sandbox/directory.json"), Path.of("target")));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void fresh() {
    sandbox.incode().b2b().clear();
    sandbox.incode().clientCredentialsLifetime(Duration.ofSeconds(300));
  }

  private static IncodeB2bClient.Settings settings(String apiKey, String integrationId) {
    Sandbox.Credentials c = sandbox.credentials();
    return new IncodeB2bClient.Settings(
        sandbox.incodeIssuer(),
        c.incodeClientId(),
        c.incodeClientSecret(),
        apiKey,
        integrationId,
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        null);
  }

  private static IncodeB2bClient client() {
    return new IncodeB2bClient(
        settings(
            sandbox.credentials().incodeApiKey(), sandbox.credentials().incodeIntegrationId()));
  }

  @Test
  void requestNewSendsWhatSeed000ShowsAndAnswersTheSessionLink() throws Exception {
    VerificationRequests.Session s = client().requestNew("jose.garcia@contoso.com");
    List<IncodeB2b.Request> requests = sandbox.incode().b2b().requests();
    assertEquals(1, requests.size());
    IncodeB2b.Request r = requests.get(0);
    assertEquals(200, r.status());
    assertEquals("jose.garcia@contoso.com", r.loginHint());
    assertEquals(
        sandbox.credentials().incodeIntegrationId(),
        r.integrationReference(),
        "the integration's id, as the seeds say");
    assertEquals("URL", r.notificationType());
    assertEquals("", r.name());
    assertEquals(r.interviewId(), s.interviewId());
    assertTrue(s.link().toString().startsWith(sandbox.incodeIssuer() + "/s/"), s.link().toString());
    assertEquals(
        200,
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(s.link()).GET().build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode(),
        "the link opens the employee's session page");
    assertTrue(
        !s.toString().contains(s.link().toString()), "the link never shows up in a log line");
  }

  @Test
  void theResultIsEmptyUntilTheSessionIsFinishedThenCarriesTheDocument() {
    IncodeB2bClient client = client();
    VerificationRequests.Session s = client.requestNew("jose.garcia@contoso.com");
    assertEquals(
        Optional.empty(), client.result(s.interviewId()), "not finished: no status, no decision");
    sandbox.incode().b2b().finish(s.interviewId(), IncodeVerification.Outcome.VERIFIED, null);
    VerificationResult r = client.result(s.interviewId()).orElseThrow();
    assertEquals(ProofingStatus.OK, r.status());
    assertEquals(s.interviewId(), r.interviewId());
    assertEquals("JOSÉ GARCÍA", r.fullName());
    assertEquals("JOSÉ", r.givenName());
    assertEquals(LocalDate.of(1991, 11, 22), r.birthdate());
    assertEquals(98.7, r.score());
    assertEquals(
        sandbox
            .incode()
            .identityIdOf(
                sandbox.directory().findByUpn("jose.garcia@contoso.com").orElseThrow().id()),
        r.identityId());
  }

  @Test
  void failAndManualReviewComeThroughAsIncodesVerdicts() {
    IncodeB2bClient client = client();
    VerificationRequests.Session failed = client.requestNew("sarah.oconnor@contoso.com");
    VerificationRequests.Session review = client.requestNew("sarah.oconnor@contoso.com");
    sandbox.incode().b2b().finish(failed.interviewId(), IncodeVerification.Outcome.FAIL, null);
    sandbox
        .incode()
        .b2b()
        .finish(review.interviewId(), IncodeVerification.Outcome.MANUAL_REVIEW, null);
    assertEquals(ProofingStatus.FAIL, client.result(failed.interviewId()).orElseThrow().status());
    assertEquals(
        ProofingStatus.MANUAL_REVIEW, client.result(review.interviewId()).orElseThrow().status());
    assertNotEquals(failed.interviewId(), review.interviewId());
  }

  @Test
  void aWrongApiKeyOrIntegrationIsAConfigurationProblemNamedForTheOperator() {
    ProofingUnavailableException key =
        assertThrows(
            ProofingUnavailableException.class,
            () ->
                new IncodeB2bClient(
                        settings("wrong-key", sandbox.credentials().incodeIntegrationId()))
                    .requestNew("jose.garcia@contoso.com"));
    assertTrue(
        key.getMessage().contains("403") && key.getMessage().contains("incode.api-key"),
        key.getMessage());
    ProofingUnavailableException integration =
        assertThrows(
            ProofingUnavailableException.class,
            () ->
                new IncodeB2bClient(
                        settings(sandbox.credentials().incodeApiKey(), "not-our-integration"))
                    .requestNew("jose.garcia@contoso.com"));
    assertTrue(
        integration.getMessage().contains("400")
            && integration.getMessage().contains("incode.integration-id"),
        integration.getMessage());
    assertTrue(sandbox.incode().b2b().sessions().isEmpty(), "no session was created");
  }

  @Test
  void wrongClientCredentialsAreRefusedAtTheTokenEndpoint() {
    Sandbox.Credentials c = sandbox.credentials();
    IncodeB2bClient client =
        new IncodeB2bClient(
            new IncodeB2bClient.Settings(
                sandbox.incodeIssuer(),
                c.incodeClientId(),
                "not-the-secret",
                c.incodeApiKey(),
                c.incodeIntegrationId(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                null));
    ProofingUnavailableException e =
        assertThrows(
            ProofingUnavailableException.class, () -> client.requestNew("jose.garcia@contoso.com"));
    assertTrue(e.getMessage().contains("token endpoint"), e.getMessage());
    assertTrue(!e.getMessage().contains("not-the-secret"), "the secret is never in a message");
  }

  @Test
  void aTokenRevokedBeforeItsTimeIsFetchedAgainOnce() {
    IncodeB2bClient client = client();
    client.requestNew("jose.garcia@contoso.com");
    // a hard key rotation at Incode: the cached token no longer verifies there
    sandbox.incode().keys().rotate();
    sandbox.incode().keys().forgetPrevious();
    VerificationRequests.Session second = client.requestNew("jose.garcia@contoso.com");
    assertEquals(
        List.of(200, 401, 200),
        sandbox.incode().b2b().requests().stream().map(IncodeB2b.Request::status).toList(),
        "refused once with the old token, then sent again with a new one");
    assertTrue(sandbox.incode().b2b().session(second.interviewId()).isPresent());
  }

  @Test
  void anUnreachableIncodeIsUnavailableNotAnError() {
    // port 9 (discard) has no listener on a test machine: the connection is refused
    IncodeB2bClient client =
        new IncodeB2bClient(
            new IncodeB2bClient.Settings(
                "http://127.0.0.1:9/incode",
                "id",
                "secret",
                "key",
                "integration",
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                null));
    assertThrows(
        ProofingUnavailableException.class, () -> client.requestNew("jose.garcia@contoso.com"));
    assertThrows(ProofingUnavailableException.class, () -> client.result("interview"));
  }
}
