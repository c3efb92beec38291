package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sandbox's Incode B2B API (seed 000 option 02) over real HTTP: client-credentials token,
 * request-new, the employee's session page, and the server-to-server result the portal must rely on
 * instead of webhooks.
 */
class IncodeB2bTest {

  private static final String JANE = "jane.smith@contoso.com";

  private static Sandbox sandbox;
  private static B2bClient api;

  @BeforeAll
  static void start() throws Exception {
    sandbox = OidcRelyingParty.startSandbox();
    api = new B2bClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void fresh() {
    sandbox.incode().b2b().clear();
    sandbox.incode().webhooks().disable();
    sandbox.incode().webhooks().clearLog();
    sandbox.incode().clientCredentialsLifetime(Duration.ofSeconds(300));
  }

  private static String url(Map<String, Object> created) {
    return (String) created.get("url");
  }

  private static String interview(Map<String, Object> created) {
    return (String) created.get("interviewId");
  }

  private static void assertOmniError(HttpResponse<String> r, int status) {
    assertEquals(status, r.statusCode(), r::body);
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    Map<String, Object> e = Json.parseObject(r.body());
    assertEquals(status, ((Number) e.get("status")).intValue());
    assertTrue(e.get("message") instanceof String m && !m.isBlank(), r::body);
    assertEquals(
        "/omni/b2b/onboarding/" + (r.uri().getPath().endsWith("result") ? "result" : "request-new"),
        e.get("path"));
  }

  @Test
  void portalConfigCarriesTheApiKeyAndIntegrationId() {
    Map<String, String> c = sandbox.portalConfig("http://localhost:8080");
    assertEquals(sandbox.credentials().incodeApiKey(), c.get("incode.api-key"));
    assertEquals(sandbox.credentials().incodeIntegrationId(), c.get("incode.integration-id"));
    assertNotEquals(c.get("incode.api-key"), c.get("incode.client-secret"));
  }

  @Test
  void clientCredentialsTokenBySecretPostAndBasic() throws Exception {
    for (var auth : List.of(api.post(), api.basic())) {
      TokenResponse r = api.tokenResponse(auth);
      assertTrue(r.indicatesSuccess(), auth.getMethod().getValue());
      AccessTokenResponse ok = r.toSuccessResponse();
      assertEquals(300, ok.getTokens().getAccessToken().getLifetime());
      assertEquals("Bearer", ok.getTokens().getAccessToken().getType().getValue());
    }
    TokenResponse wrong =
        api.tokenResponse(
            new ClientSecretBasic(
                new ClientID(sandbox.credentials().incodeClientId()), new Secret("nope")));
    assertFalse(wrong.indicatesSuccess());
    assertEquals(401, wrong.toErrorResponse().getErrorObject().getHTTPStatusCode());
  }

  @Test
  void requestNewAnswersAsTheGuideShowsAndIsRecorded() throws Exception {
    Map<String, Object> r = api.newSession(JANE);
    assertEquals(Set.of("token", "interviewId", "interviewCode", "url"), r.keySet());
    assertTrue(
        interview(r).matches("[0-9a-f]{24}"), "interviewId shaped like Incode's: " + interview(r));
    assertEquals(api.issuer() + "/s/" + r.get("token"), url(r));
    assertTrue(((String) r.get("interviewCode")).matches("[A-Z0-9]{6}"));
    assertNotEquals(
        interview(api.newSession(JANE)), interview(r), "every request is a new session");

    IncodeB2b.Request first = sandbox.incode().b2b().requests().get(0);
    assertEquals(JANE, first.loginHint());
    assertEquals(api.integrationId(), first.integrationReference());
    assertEquals(200, first.status());
    assertEquals(interview(r), first.interviewId());
    assertNotNull(first.at());
    assertEquals(
        IncodeB2b.State.CREATED,
        sandbox.incode().b2b().session(interview(r)).orElseThrow().state());
  }

  @Test
  void aMissingOrForeignBearerIs401() throws Exception {
    String body = B2bClient.body(JANE, api.integrationId());
    HttpResponse<String> none = api.requestNew(null, api.apiKey(), "1.0", body);
    assertOmniError(none, 401);
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertOmniError(api.requestNew("not.a.token", api.apiKey(), "1.0", body), 401);
    // signed by the right issuer, but a user's access token from the code flow, not the
    // integration's
    OidcRelyingParty rp = OidcRelyingParty.incode(sandbox, "http://localhost:8080/verify/callback");
    OidcRelyingParty.Attempt a = rp.begin(JANE);
    String userToken =
        rp.tokens(a, rp.choose(a, Map.of("outcome", "VERIFIED", "action", "finish")))
            .getOIDCTokens()
            .getAccessToken()
            .getValue();
    assertOmniError(api.requestNew(userToken, api.apiKey(), "1.0", body), 401);
    assertTrue(sandbox.incode().b2b().sessions().isEmpty(), "no session for a refused call");
    assertEquals(
        List.of(401, 401, 401),
        sandbox.incode().b2b().requests().stream().map(IncodeB2b.Request::status).toList());
  }

  @Test
  void anExpiredMachineTokenIs401() throws Exception {
    sandbox.incode().clientCredentialsLifetime(Duration.ofMillis(200));
    String token = api.token();
    Thread.sleep(400);
    assertOmniError(
        api.requestNew(token, api.apiKey(), "1.0", B2bClient.body(JANE, api.integrationId())), 401);
  }

  @Test
  void aMissingOrWrongApiKeyIs403() throws Exception {
    String body = B2bClient.body(JANE, api.integrationId());
    String token = api.token();
    assertOmniError(api.requestNew(token, null, "1.0", body), 403);
    assertOmniError(api.requestNew(token, api.apiKey() + "x", "1.0", body), 403);
    assertOmniError(api.result(token, "wrong", "1.0", "0123456789abcdef01234567"), 403);
  }

  @Test
  void theApiVersionHeaderIsMandatory() throws Exception {
    String body = B2bClient.body(JANE, api.integrationId());
    assertOmniError(api.requestNew(api.token(), api.apiKey(), null, body), 400);
    assertOmniError(api.requestNew(api.token(), api.apiKey(), "2.0", body), 400);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not JSON                  | loginHint=jane",
        "JSON array                | []",
        "no loginHint              | {\"integrationReference\":\"@ID\",\"notification\":{\"type\":\"URL\"},\"name\":\"\"}",
        "blank loginHint           | {\"loginHint\":\" \",\"integrationReference\":\"@ID\",\"notification\":{\"type\":\"URL\"}}",
        "no integrationReference   | {\"loginHint\":\"jane.smith@contoso.com\",\"notification\":{\"type\":\"URL\"}}",
        "unknown integration       | {\"loginHint\":\"jane.smith@contoso.com\",\"integrationReference\":\"ticket-4711\",\"notification\":{\"type\":\"URL\"}}",
        "no notification           | {\"loginHint\":\"jane.smith@contoso.com\",\"integrationReference\":\"@ID\"}",
        "notification not object   | {\"loginHint\":\"jane.smith@contoso.com\",\"integrationReference\":\"@ID\",\"notification\":\"URL\"}",
        "notification type EMAIL   | {\"loginHint\":\"jane.smith@contoso.com\",\"integrationReference\":\"@ID\",\"notification\":{\"type\":\"EMAIL\"}}",
        "loginHint not a string    | {\"loginHint\":42,\"integrationReference\":\"@ID\",\"notification\":{\"type\":\"URL\"}}",
      })
  void aBadBodyIs400(String why, String body) throws Exception {
    HttpResponse<String> r =
        api.requestNew(api.token(), api.apiKey(), "1.0", body.replace("@ID", api.integrationId()));
    assertOmniError(r, 400);
    assertTrue(sandbox.incode().b2b().sessions().isEmpty(), why);
    assertEquals(400, sandbox.incode().b2b().requests().get(0).status());
  }

  @Test
  void theUnknownIntegrationIsRecordedWithWhatWasSent() throws Exception {
    api.requestNew(api.token(), api.apiKey(), "1.0", B2bClient.body(JANE, "INC0012345"));
    IncodeB2b.Request r = sandbox.incode().b2b().requests().get(0);
    assertEquals(JANE, r.loginHint());
    assertEquals("INC0012345", r.integrationReference());
    assertNull(r.interviewId());
  }

  @Test
  void theSessionPageShowsWhoseSessionItIsAndIsLabelled() throws Exception {
    Map<String, Object> s = api.newSession(JANE);
    HttpResponse<String> page = api.open(url(s));
    assertEquals(200, page.statusCode());
    String html = page.body();
    assertTrue(
        html.contains("JANE SMITH") && html.contains("1985-06-15"),
        "the person's document is shown");
    assertTrue(html.contains(interview(s)) && html.contains((String) s.get("interviewCode")));
    for (String o : List.of("VERIFIED", "FAIL", "MANUAL_REVIEW")) {
      assertTrue(html.contains("id=\"outcome-" + o + "\""), o);
      assertTrue(html.contains("<label for=\"outcome-" + o + "\""), o + " is labelled");
    }
    assertTrue(html.contains("<legend>") && html.contains("<label for=\"person\""));
    assertTrue(html.contains("value=\"finish\"") && html.contains("value=\"cancel\""));
    assertTrue(
        html.contains("action=\"" + url(s) + "\""), "the form posts back to the session link");
    assertEquals(
        IncodeB2b.State.STARTED,
        sandbox.incode().b2b().session(interview(s)).orElseThrow().state());
  }

  @Test
  void anUnknownLinkIs404() throws Exception {
    assertEquals(404, api.open(api.issuer() + "/s/no-such-token").statusCode());
    assertEquals(
        404, api.submit(api.issuer() + "/s/no-such-token", "VERIFIED", "finish").statusCode());
  }

  @Test
  void theResultIsUnknownUntilFinishedThenCarriesTheDocument() throws Exception {
    Map<String, Object> s = api.newSession(JANE);
    Map<String, Object> before = api.result(interview(s));
    assertEquals("UNKNOWN", before.get("onboardingStatus"));
    assertFalse(before.containsKey("overallStatus"), "no status, no decision");
    assertFalse(before.containsKey("birthdate"));

    HttpResponse<String> done = api.complete(url(s), IncodeVerification.Outcome.VERIFIED);
    assertEquals(200, done.statusCode());
    assertTrue(
        done.body().contains("verification finished") && done.body().contains("(OK)"), done.body());

    Map<String, Object> r = api.result(interview(s));
    String janeId = OidcRelyingParty.idOf(sandbox, JANE);
    assertEquals(interview(s), r.get("interviewId"));
    assertEquals(IncodeVerification.identityIdOf(janeId), r.get("identityId"));
    assertEquals(api.integrationId(), r.get("integrationReference"));
    assertEquals("ONBOARDING_FINISHED", r.get("onboardingStatus"));
    assertEquals("OK", r.get("overallStatus"));
    assertEquals(98.7, ((Number) r.get("overallScore")).doubleValue());
    assertEquals("JANE SMITH", r.get("name"));
    assertEquals("JANE", r.get("givenName"));
    assertEquals("SMITH", r.get("familyName"));
    assertEquals("1985-06-15", r.get("birthdate"));
    assertEquals(JANE, r.get("email"));
  }

  @ParameterizedTest
  @CsvSource({
    "FAIL, FAIL, 1988-04-30",
    "MANUAL_REVIEW, MANUAL_REVIEW, 1988-04-30",
    "BIRTHDATE_DIFFERS, OK, 1988-05-01"
  })
  void theResultFollowsTheTestersChoice(
      IncodeVerification.Outcome outcome, String status, String birthdate) throws Exception {
    Map<String, Object> s = api.newSession("michael.brown@contoso.com");
    api.complete(url(s), outcome);
    Map<String, Object> r = api.result(interview(s));
    assertEquals(status, r.get("overallStatus"));
    assertEquals(outcome.score(), ((Number) r.get("overallScore")).doubleValue());
    assertEquals(
        birthdate, r.get("birthdate"), "the document as read, not the directory's 1988-04-30");
  }

  @Test
  void aLoginHintThatNamesNobodyNeedsThePresentedPerson() throws Exception {
    Map<String, Object> s = api.newSession("nobody@contoso.com");
    assertTrue(api.open(url(s)).body().contains("no identity for the login hint"));
    assertEquals(400, api.submit(url(s), "VERIFIED", "finish").statusCode());
    String priya = OidcRelyingParty.idOf(sandbox, "priya.patel@contoso.com");
    HttpResponse<String> done =
        api.postForm(url(s), Map.of("outcome", "VERIFIED", "person", priya, "action", "finish"));
    assertEquals(200, done.statusCode(), done::body);
    Map<String, Object> r = api.result(interview(s));
    assertEquals("PRIYA PATEL", r.get("name"));
    assertEquals(
        "nobody@contoso.com", r.get("email"), "the email Incode returns is the login hint");
  }

  @Test
  void cancelLeavesTheSessionOpenAndFinishingTwiceIsRefused() throws Exception {
    Map<String, Object> s = api.newSession(JANE);
    api.open(url(s));
    HttpResponse<String> cancelled = api.submit(url(s), "VERIFIED", "cancel");
    assertEquals(200, cancelled.statusCode());
    assertTrue(cancelled.body().contains("not completed"));
    assertEquals("UNKNOWN", api.result(interview(s)).get("onboardingStatus"));

    assertEquals(200, api.submit(url(s), "FAIL", "finish").statusCode());
    HttpResponse<String> again = api.submit(url(s), "VERIFIED", "finish");
    assertEquals(409, again.statusCode());
    assertEquals("FAIL", api.result(interview(s)).get("overallStatus"), "the first finish stands");
    HttpResponse<String> reopened = api.open(url(s));
    assertEquals(200, reopened.statusCode());
    assertTrue(reopened.body().contains("session is done"));
    assertFalse(reopened.body().contains("outcome-VERIFIED"), "no form on a finished session");
  }

  @Test
  void theResultEndpointChecksItsInput() throws Exception {
    String token = api.token();
    assertOmniError(api.result(token, api.apiKey(), "1.0", null), 400);
    assertOmniError(api.result(token, api.apiKey(), "1.0", "0123456789abcdef01234567"), 404);
    assertOmniError(api.result(null, api.apiKey(), "1.0", "0123456789abcdef01234567"), 401);
  }

  @Test
  void theControlApiListsRequestsAndSessions() throws Exception {
    Map<String, Object> s = api.newSession(JANE);
    HttpResponse<String> r = api.open(sandbox.httpBase() + "/control/incode/b2b");
    assertEquals(200, r.statusCode());
    Map<String, Object> state = Json.parseObject(r.body());
    Map<String, Object> session = Json.obj(Json.list(state.get("sessions")).get(0));
    assertEquals(interview(s), session.get("interviewId"));
    assertEquals(url(s), session.get("url"));
    assertEquals("CREATED", session.get("state"));
    assertEquals(JANE, Json.obj(Json.list(state.get("requests")).get(0)).get("loginHint"));
  }
}
