package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The portal's side of Incode's B2B API as seed 000 shows it: a client-credentials token from the
 * token endpoint (Nimbus), then JSON calls with {@code Authorization: Bearer}, {@code x-api-key}
 * and {@code api-version: 1.0}. Plus a plain HttpClient playing the employee's browser on the
 * session page.
 */
final class B2bClient {

  final Sandbox sandbox;
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  B2bClient(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  String issuer() {
    return sandbox.incodeIssuer();
  }

  String apiKey() {
    return sandbox.portalConfig("http://localhost:8080").get("incode.api-key");
  }

  String integrationId() {
    return sandbox.portalConfig("http://localhost:8080").get("incode.integration-id");
  }

  ClientSecretPost post() {
    return new ClientSecretPost(
        new ClientID(sandbox.credentials().incodeClientId()),
        new Secret(sandbox.credentials().incodeClientSecret()));
  }

  ClientSecretBasic basic() {
    return new ClientSecretBasic(
        new ClientID(sandbox.credentials().incodeClientId()),
        new Secret(sandbox.credentials().incodeClientSecret()));
  }

  TokenResponse tokenResponse(ClientAuthentication auth) throws Exception {
    TokenRequest req =
        new TokenRequest(
            URI.create(issuer() + "/oauth2/token"),
            auth,
            new ClientCredentialsGrant(),
            new Scope("openid"));
    return TokenResponse.parse(req.toHTTPRequest().send());
  }

  /** A fresh machine token, as seed 000 step 1 gets it (client_secret_post, scope openid). */
  String token() throws Exception {
    TokenResponse r = tokenResponse(post());
    assertTrue(r.indicatesSuccess(), () -> "token: " + r.toErrorResponse().getErrorObject());
    AccessTokenResponse ok = r.toSuccessResponse();
    return ok.getTokens().getAccessToken().getValue();
  }

  static String body(String loginHint, String integrationReference) {
    return Json.write(
        Json.of(
            "loginHint",
            loginHint,
            "integrationReference",
            integrationReference,
            "notification",
            Json.of("type", "URL"),
            "name",
            ""));
  }

  /** request-new with the given headers (null leaves one out) and raw body. */
  HttpResponse<String> requestNew(String bearer, String apiKey, String apiVersion, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(issuer() + "/omni/b2b/onboarding/request-new"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers(b, bearer, apiKey, apiVersion);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A session for {@code loginHint}, the way the portal will ask for one; returns request-new's
   * answer.
   */
  Map<String, Object> newSession(String loginHint) throws Exception {
    HttpResponse<String> r = requestNew(token(), apiKey(), "1.0", body(loginHint, integrationId()));
    assertEquals(200, r.statusCode(), r::body);
    return Json.parseObject(r.body());
  }

  HttpResponse<String> result(String bearer, String apiKey, String apiVersion, String interviewId)
      throws Exception {
    String q =
        interviewId == null
            ? ""
            : "?interviewId=" + URLEncoder.encode(interviewId, StandardCharsets.UTF_8);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(issuer() + "/omni/b2b/onboarding/result" + q))
            .header("Accept", "application/json")
            .GET();
    headers(b, bearer, apiKey, apiVersion);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  Map<String, Object> result(String interviewId) throws Exception {
    HttpResponse<String> r = result(token(), apiKey(), "1.0", interviewId);
    assertEquals(200, r.statusCode(), r::body);
    return Json.parseObject(r.body());
  }

  private static void headers(
      HttpRequest.Builder b, String bearer, String apiKey, String apiVersion) {
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (apiKey != null) {
      b.header("x-api-key", apiKey);
    }
    if (apiVersion != null) {
      b.header("api-version", apiVersion);
    }
  }

  HttpResponse<String> open(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts the session page as the employee would: outcome radio plus the pressed button. */
  HttpResponse<String> submit(String url, String outcome, String action) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    if (outcome != null) {
      form.put(IncodeProvider.FORM_OUTCOME, outcome);
    }
    form.put(IncodeProvider.FORM_ACTION, action);
    return postForm(url, form);
  }

  HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Opens the page, picks {@code outcome}, presses finish; returns the final page. */
  HttpResponse<String> complete(String url, IncodeVerification.Outcome outcome) throws Exception {
    assertEquals(200, open(url).statusCode());
    return submit(url, outcome.name(), IncodeProvider.ACTION_FINISH);
  }
}
