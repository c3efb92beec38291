package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The B2B sessions' webhooks, received by a tiny local receiver standing in for the portal: both
 * authentication modes of security.md §6, Incode's retry policy (with millisecond delays), and the
 * fault knobs (duplicates, reverse order, delay) the portal's idempotency tests rely on.
 */
class IncodeWebhookTest {

  private static final String JANE = "jane.smith@contoso.com";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static Sandbox sandbox;
  private static B2bClient api;
  private static IncodeWebhooks hooks;
  private WebhookReceiver receiver;

  @BeforeAll
  static void start() throws Exception {
    sandbox = OidcRelyingParty.startSandbox();
    api = new B2bClient(sandbox);
    hooks = sandbox.incode().webhooks();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void fresh() throws Exception {
    receiver = new WebhookReceiver();
    hooks.resetFaults();
    hooks.retryBaseDelay(Duration.ofMillis(20));
    hooks.configure(receiver.webhookUrl(), IncodeWebhooks.none());
    hooks.clearLog();
  }

  @AfterEach
  void after() throws Exception {
    assertTrue(hooks.awaitIdle(WAIT), "deliveries still pending");
    hooks.disable();
    receiver.close();
  }

  /**
   * request-new, open the page, finish with {@code outcome}; returns the interview id once every
   * delivery settled.
   */
  private static String session(IncodeVerification.Outcome outcome) throws Exception {
    Map<String, Object> s = api.newSession(JANE);
    assertEquals(200, api.complete((String) s.get("url"), outcome).statusCode());
    assertTrue(hooks.awaitIdle(WAIT), "deliveries settle");
    return (String) s.get("interviewId");
  }

  private List<IncodeWebhooks.Attempt> attempts(String interviewId, String event) {
    return hooks.attempts().stream()
        .filter(a -> a.interviewId().equals(interviewId) && a.event().equals(event))
        .toList();
  }

  @Test
  void aVerifiedSessionSendsStartedSucceededThenFinished() throws Exception {
    String id = session(IncodeVerification.Outcome.VERIFIED);
    assertEquals(
        List.of("SESSION_STARTED", "SESSION_SUCCEEDED", "ONBOARDING_FINISHED"),
        receiver.events(id));
    WebhookReceiver.Received finished = receiver.received().get(2);
    Map<String, Object> p = finished.payload();
    assertEquals(id, p.get("interviewId"));
    assertEquals(api.integrationId(), p.get("integrationReference"));
    assertEquals("ONBOARDING_FINISHED", p.get("onboardingStatus"));
    long ts = ((Number) p.get("timestamp")).longValue();
    assertTrue(
        Math.abs(System.currentTimeMillis() - ts) < 60_000, "timestamp in epoch milliseconds");
    assertFalse(
        receiver.received().get(1).payload().containsKey("onboardingStatus"),
        "only ONBOARDING_FINISHED carries it");
    assertTrue(finished.contentType().startsWith("application/json"));
    assertEquals(
        "127.0.0.1", finished.remoteAddress(), "sent from loopback, for the portal's allow-list");
    assertNull(finished.authorization(), "mode none sends no credentials");
    assertTrue(
        hooks.attempts().stream()
            .allMatch(a -> a.delivered() && a.attempt() == 1 && a.status() == 200));
  }

  @Test
  void failedAndManualReviewSessionsSendTheirOwnEvents() throws Exception {
    assertEquals(
        List.of("SESSION_STARTED", "SESSION_FAILED", "ONBOARDING_FINISHED"),
        receiver.events(session(IncodeVerification.Outcome.FAIL)));
    assertEquals(
        List.of("SESSION_STARTED", "SESSION_PENDING_REVIEW", "ONBOARDING_FINISHED"),
        receiver.events(session(IncodeVerification.Outcome.MANUAL_REVIEW)));
  }

  @Test
  void reopeningTheLinkSendsProgressNotASecondStart() throws Exception {
    Map<String, Object> s = api.newSession(JANE);
    String url = (String) s.get("url");
    api.open(url);
    api.open(url);
    api.complete(url, IncodeVerification.Outcome.VERIFIED);
    api.open(url); // finished: the page says so and nothing more is sent
    assertTrue(hooks.awaitIdle(WAIT));
    assertEquals(
        List.of(
            "SESSION_STARTED",
            "SESSION_PROGRESS",
            "SESSION_PROGRESS",
            "SESSION_SUCCEEDED",
            "ONBOARDING_FINISHED"),
        receiver.events((String) s.get("interviewId")));
  }

  @Test
  void oauthModeGetsATokenFromThePortalWithBasicAuthAndSendsItAsBearer() throws Exception {
    receiver.expectOAuth("incode-webhooks", "s3cretValue");
    hooks.configure(
        receiver.webhookUrl(),
        IncodeWebhooks.oauth(receiver.tokenUrl(), "incode-webhooks", "s3cretValue"));
    String id = session(IncodeVerification.Outcome.VERIFIED);
    assertEquals(3, receiver.events(id).size());
    assertTrue(
        receiver.received().stream().allMatch(r -> r.answered() == 200),
        "every bearer was accepted");
    WebhookReceiver.TokenCall call = receiver.tokenCalls().get(0);
    assertEquals(
        "Basic "
            + Base64.getEncoder()
                .encodeToString("incode-webhooks:s3cretValue".getBytes(StandardCharsets.UTF_8)),
        call.authorization());
    assertEquals("grant_type=client_credentials", call.body());
    assertEquals(1, receiver.tokenCalls().size(), "the token is reused until it expires");
    assertEquals(1, hooks.tokenRequests());
  }

  @Test
  void oauthModeFetchesANewTokenAfterA401() throws Exception {
    receiver.expectOAuth("incode-webhooks", "s3cretValue");
    hooks.configure(
        receiver.webhookUrl(),
        IncodeWebhooks.oauth(receiver.tokenUrl(), "incode-webhooks", "s3cretValue"));
    session(IncodeVerification.Outcome.VERIFIED);
    receiver.forgetTokens();
    String id = session(IncodeVerification.Outcome.VERIFIED);
    List<IncodeWebhooks.Attempt> started = attempts(id, "SESSION_STARTED");
    assertEquals(List.of(401, 200), started.stream().map(IncodeWebhooks.Attempt::status).toList());
    assertEquals(2, receiver.tokenCalls().size());
  }

  @Test
  void wrongOAuthCredentialsNeverReachTheWebhookAndAreRetried() throws Exception {
    receiver.expectOAuth("incode-webhooks", "s3cretValue");
    hooks.configure(
        receiver.webhookUrl(),
        IncodeWebhooks.oauth(receiver.tokenUrl(), "incode-webhooks", "wrong"));
    String id = session(IncodeVerification.Outcome.VERIFIED);
    assertTrue(receiver.received().isEmpty());
    List<IncodeWebhooks.Attempt> a = attempts(id, "ONBOARDING_FINISHED");
    assertEquals(1 + IncodeWebhooks.MAX_RETRIES, a.size());
    assertTrue(
        a.stream()
            .allMatch(x -> x.status() == -1 && x.error().contains("token endpoint answered 401")),
        a::toString);
  }

  @Test
  void staticHeaderModeSendsTheConfiguredHeader() throws Exception {
    receiver.expectHeader("X-Incode-Webhook-Secret", "hdr-" + Sandbox.randomSecret());
    hooks.configure(
        receiver.webhookUrl(), IncodeWebhooks.header("X-Incode-Webhook-Secret", "not-it"));
    String refused = session(IncodeVerification.Outcome.VERIFIED);
    assertTrue(
        attempts(refused, "SESSION_STARTED").stream()
            .allMatch(a -> a.status() == 401 && !a.delivered()));

    String secret = "hdr-" + Sandbox.randomSecret();
    receiver.expectHeader("X-Incode-Webhook-Secret", secret);
    hooks.configure(
        receiver.webhookUrl(), IncodeWebhooks.header("X-Incode-Webhook-Secret", secret));
    String id = session(IncodeVerification.Outcome.VERIFIED);
    List<WebhookReceiver.Received> got =
        receiver.received().stream()
            .filter(r -> id.equals(r.payload().get("interviewId")))
            .toList();
    assertEquals(3, got.size());
    assertTrue(
        got.stream()
            .allMatch(
                r ->
                    secret.equals(r.staticHeader())
                        && r.answered() == 200
                        && r.authorization() == null));
  }

  /**
   * A session whose link was opened once (through the Java API): exactly one event,
   * SESSION_STARTED.
   */
  private static String startedOnly() throws Exception {
    String id = (String) api.newSession(JANE).get("interviewId");
    sandbox.incode().b2b().open(id);
    assertTrue(hooks.awaitIdle(WAIT), "deliveries settle");
    return id;
  }

  @Test
  void serverErrorsAreRetriedWithGrowingDelays() throws Exception {
    receiver.answerNext(500, 503);
    String id = startedOnly();
    List<IncodeWebhooks.Attempt> a = attempts(id, "SESSION_STARTED");
    assertEquals(List.of(500, 503, 200), a.stream().map(IncodeWebhooks.Attempt::status).toList());
    assertEquals(List.of(1, 2, 3), a.stream().map(IncodeWebhooks.Attempt::attempt).toList());
    assertTrue(a.get(2).delivered());
    long first = Duration.between(a.get(0).at(), a.get(1).at()).toMillis();
    long second = Duration.between(a.get(1).at(), a.get(2).at()).toMillis();
    assertTrue(
        first >= 20 && second >= 50, "delays 20 ms then 50 ms (×2.5): " + first + ", " + second);
    assertEquals(Duration.ofMillis(20), hooks.retryDelay(1));
    assertEquals(Duration.ofMillis(50), hooks.retryDelay(2));
    assertEquals(
        Duration.ofSeconds(30), IncodeWebhooks.DEFAULT_RETRY_BASE, "real default: Incode's 30 s");
  }

  @Test
  void aRetriedEventArrivesAfterLaterOnes() throws Exception {
    receiver.answerNext(500);
    String id = (String) api.newSession(JANE).get("interviewId");
    // all three events at once: the retry of the first is due only after the other two went
    sandbox.incode().b2b().finish(id, IncodeVerification.Outcome.VERIFIED, null).orElseThrow();
    assertTrue(hooks.awaitIdle(WAIT));
    assertEquals(
        List.of("SESSION_STARTED", "SESSION_SUCCEEDED", "ONBOARDING_FINISHED", "SESSION_STARTED"),
        receiver.events(id));
    assertEquals(
        List.of(500, 200),
        attempts(id, "SESSION_STARTED").stream().map(IncodeWebhooks.Attempt::status).toList());
  }

  @Test
  void deliveryIsGivenUpAfterFiveRetries() throws Exception {
    receiver.answerNext(500, 500, 500, 500, 500, 500, 200);
    String id = startedOnly();
    List<IncodeWebhooks.Attempt> a = attempts(id, "SESSION_STARTED");
    assertEquals(6, a.size(), "the first attempt and 5 retries");
    assertTrue(a.stream().noneMatch(IncodeWebhooks.Attempt::delivered));
    assertEquals(6, receiver.events(id).stream().filter("SESSION_STARTED"::equals).count());
  }

  @Test
  void onlyA200WithJsonOrA204CountsAsDelivered() throws Exception {
    receiver.okContentType("text/plain");
    receiver.answerNext(202);
    String id = session(IncodeVerification.Outcome.VERIFIED);
    List<IncodeWebhooks.Attempt> a = attempts(id, "SESSION_STARTED");
    assertEquals(202, a.get(0).status());
    assertFalse(a.get(0).delivered(), "202 is retried");
    assertTrue(a.stream().allMatch(x -> !x.delivered()), "200 text/plain is retried too");
    assertEquals(6, a.size());

    receiver.answerNext(204, 204, 204);
    receiver.okContentType("application/json; charset=utf-8");
    String ok = session(IncodeVerification.Outcome.VERIFIED);
    assertTrue(
        hooks.attempts().stream()
            .filter(x -> x.interviewId().equals(ok))
            .allMatch(x -> x.delivered() && x.attempt() == 1));
  }

  @Test
  void aRefusedConnectionIsRetriedWithoutAStatus() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    hooks.configure("http://127.0.0.1:" + closedPort + "/webhook", IncodeWebhooks.none());
    String id = session(IncodeVerification.Outcome.VERIFIED);
    List<IncodeWebhooks.Attempt> a = attempts(id, "SESSION_SUCCEEDED");
    assertEquals(6, a.size());
    assertTrue(
        a.stream().allMatch(x -> x.status() == -1 && x.error() != null && !x.delivered()),
        a::toString);
  }

  @Test
  void duplicatesDeliverEveryEventTwice() throws Exception {
    hooks.duplicates(true);
    String id = session(IncodeVerification.Outcome.VERIFIED);
    assertEquals(
        List.of(
            "SESSION_STARTED",
            "SESSION_STARTED",
            "SESSION_SUCCEEDED",
            "SESSION_SUCCEEDED",
            "ONBOARDING_FINISHED",
            "ONBOARDING_FINISHED"),
        receiver.events(id));
    assertEquals(
        List.of(1, 2),
        attempts(id, "ONBOARDING_FINISHED").stream().map(IncodeWebhooks.Attempt::copy).toList());
    assertEquals(
        3,
        hooks.emitted().stream().filter(e -> e.interviewId().equals(id)).count(),
        "three events, six deliveries");
  }

  @Test
  void reversedOrderHoldsASessionsEventsAndSendsThemNewestFirst() throws Exception {
    hooks.order(IncodeWebhooks.Order.REVERSED);
    Map<String, Object> s = api.newSession(JANE);
    String id = (String) s.get("interviewId");
    api.open((String) s.get("url"));
    assertTrue(hooks.awaitIdle(WAIT));
    assertTrue(receiver.events(id).isEmpty(), "held until the session finishes");
    api.submit((String) s.get("url"), "VERIFIED", "finish");
    assertTrue(hooks.awaitIdle(WAIT));
    assertEquals(
        List.of("ONBOARDING_FINISHED", "SESSION_SUCCEEDED", "SESSION_STARTED"),
        receiver.events(id));
  }

  @Test
  void delayHoldsEachFirstAttempt() throws Exception {
    hooks.delay(Duration.ofMillis(300));
    String id = session(IncodeVerification.Outcome.VERIFIED);
    IncodeWebhooks.Event finished =
        hooks.emitted().stream()
            .filter(e -> e.interviewId().equals(id) && e.event().equals("ONBOARDING_FINISHED"))
            .findFirst()
            .orElseThrow();
    IncodeWebhooks.Attempt sent = attempts(id, "ONBOARDING_FINISHED").get(0);
    assertTrue(
        Duration.between(finished.at(), sent.at()).toMillis() >= 300,
        "sent at least 300 ms after the event");
    assertEquals(3, receiver.events(id).size());
  }

  @Test
  void theJavaApiDrivesASessionLikeThePage() throws Exception {
    Map<String, Object> s = api.newSession(JANE);
    String id = (String) s.get("interviewId");
    IncodeVerification v =
        sandbox
            .incode()
            .b2b()
            .finish(id, IncodeVerification.Outcome.MANUAL_REVIEW, null)
            .orElseThrow();
    assertEquals("MANUAL_REVIEW", v.status());
    assertTrue(
        sandbox.incode().b2b().finish(id, IncodeVerification.Outcome.VERIFIED, null).isEmpty(),
        "finishes once");
    assertTrue(hooks.awaitIdle(WAIT));
    assertEquals(
        List.of("SESSION_STARTED", "SESSION_PENDING_REVIEW", "ONBOARDING_FINISHED"),
        receiver.events(id));
    assertEquals("MANUAL_REVIEW", api.result(id).get("overallStatus"));
  }

  @Test
  void theControlApiConfiguresWebhooksAndFaults() throws Exception {
    receiver.expectOAuth("cid", "csecret");
    assertEquals(
        200,
        control(
                "/control/incode/webhook",
                "url="
                    + receiver.webhookUrl()
                    + "&auth=oauth&tokenUrl="
                    + receiver.tokenUrl()
                    + "&clientId=cid&clientSecret=csecret")
            .statusCode());
    assertEquals(
        200,
        control("/control/incode/webhook/faults", "duplicates=true&retryBaseMs=10&delayMs=0")
            .statusCode());
    assertEquals(
        400,
        control("/control/incode/webhook", "url=" + receiver.webhookUrl() + "&auth=oauth")
            .statusCode(),
        "oauth needs its token URL and credentials");
    assertEquals(400, control("/control/incode/webhook/faults", "order=SIDEWAYS").statusCode());

    String id = session(IncodeVerification.Outcome.VERIFIED);
    assertEquals(6, receiver.events(id).size());
    assertTrue(receiver.received().stream().allMatch(r -> r.answered() == 200));

    Map<String, Object> state =
        Json.parseObject(api.open(sandbox.httpBase() + "/control/incode/b2b").body());
    Map<String, Object> webhook = Json.obj(state.get("webhook"));
    assertEquals("oauth", webhook.get("auth"));
    assertEquals(Boolean.TRUE, webhook.get("duplicates"));
    assertFalse(state.toString().contains("csecret"), "the control API never echoes a secret");
    assertEquals(6, Json.list(state.get("attempts")).size());
    assertEquals(3, Json.list(state.get("events")).size());

    assertEquals(200, control("/control/incode/webhook/reset", "").statusCode());
    assertFalse(hooks.duplicates());
    assertEquals(200, control("/control/incode/webhook", "url=").statusCode());
    assertFalse(hooks.enabled());
  }

  private static HttpResponse<String> control(String path, String form) throws Exception {
    return api.http.send(
        HttpRequest.newBuilder(URI.create(sandbox.httpBase() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
