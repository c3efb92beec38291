package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sandbox's Incode, driven by the real Nimbus relying-party code, against Incode's published
 * contract.
 */
class IncodeProviderTest {

  private static final String CALLBACK = "http://localhost:8080/verify/callback";

  private static Sandbox sandbox;
  private static OidcRelyingParty rp;
  private static IDTokenValidator validator;
  private static String jane;
  private static String michael;
  private static String bob;
  private static String priya;

  @BeforeAll
  static void start() throws Exception {
    sandbox = OidcRelyingParty.startSandbox();
    rp = OidcRelyingParty.incode(sandbox, CALLBACK);
    validator = rp.validator();
    jane = OidcRelyingParty.idOf(sandbox, "jane.smith@contoso.com");
    michael = OidcRelyingParty.idOf(sandbox, "michael.brown@contoso.com");
    bob = OidcRelyingParty.idOf(sandbox, "bob.wilson@contoso.com");
    priya = OidcRelyingParty.idOf(sandbox, "priya.patel@contoso.com");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Map<String, String> outcome(IncodeVerification.Outcome o) {
    return Map.of("outcome", o.name(), "action", "finish");
  }

  @Test
  void discoveryIsWhatTheGuideLists() {
    String iss = sandbox.incodeIssuer();
    assertEquals(iss, rp.op.getIssuer().getValue());
    assertEquals(URI.create(iss + "/oauth2/authorize"), rp.op.getAuthorizationEndpointURI());
    assertEquals(URI.create(iss + "/oauth2/token"), rp.op.getTokenEndpointURI());
    assertEquals(URI.create(iss + "/oauth2/jwks"), rp.op.getJWKSetURI());
    assertEquals(URI.create(iss + "/userinfo"), rp.op.getUserInfoEndpointURI());
    assertEquals(URI.create(iss + "/connect/logout"), rp.op.getEndSessionEndpointURI());
    assertEquals(
        List.of("client_secret_post", "client_secret_basic", "client_secret_jwt"),
        rp.op.getTokenEndpointAuthMethods().stream().map(Object::toString).toList());
    assertEquals(
        List.of("RS256"), rp.op.getIDTokenJWSAlgs().stream().map(Object::toString).toList());
    assertEquals(
        List.of("S256"), rp.op.getCodeChallengeMethods().stream().map(Object::toString).toList());
    assertTrue(
        rp.op
            .getScopes()
            .containsAll(
                new Scope("openid", "profile", "email", "phone", "address", "groups", "roles")));
    assertTrue(
        rp.op
            .getClaims()
            .containsAll(
                List.of(
                    "identity_id", "interview_id", "auth_overall_status", "auth_overall_score")));
    assertTrue(rp.op.supportsAuthorizationResponseIssuerParam(), "RFC 9207 is advertised");
    assertEquals(
        URI.create(iss + "/oauth2/par"),
        rp.op.getPushedAuthorizationRequestEndpointURI(),
        "RFC 9126 is offered");
  }

  // ---- RFC 9207: the issuer in every authorization response ----

  @Test
  void successAndErrorResponsesNameTheIssuer() throws Exception {
    var a = rp.begin("jane.smith@contoso.com");
    AuthenticationResponse ok =
        AuthenticationResponseParser.parse(
            rp.choose(a, outcome(IncodeVerification.Outcome.VERIFIED)));
    assertEquals(sandbox.incodeIssuer(), ok.getIssuer().getValue());
    var b = rp.begin("jane.smith@contoso.com");
    AuthenticationResponse cancelled =
        AuthenticationResponseParser.parse(rp.choose(b, Map.of("action", "cancel")));
    assertEquals(sandbox.incodeIssuer(), cancelled.getIssuer().getValue());
    HttpResponse<String> badScope =
        rp.get(
            URI.create(
                rp.op.getAuthorizationEndpointURI()
                    + "?client_id="
                    + rp.clientId
                    + "&redirect_uri="
                    + CALLBACK
                    + "&state=s&response_type=code&scope=profile"));
    AuthenticationResponse rejected =
        AuthenticationResponseParser.parse(
            URI.create(badScope.headers().firstValue("Location").orElseThrow()));
    assertEquals(
        sandbox.incodeIssuer(),
        rejected.getIssuer().getValue(),
        "an error the provider detects names it too");
  }

  @Test
  void theNextResponseCanOmitTheIssuerOrNameAForeignOne() throws Exception {
    sandbox.incode().tamperNextResponse(CodeFlow.ResponseTamper.OMIT_ISS);
    var a = rp.begin("jane.smith@contoso.com");
    assertNull(
        AuthenticationResponseParser.parse(
                rp.choose(a, outcome(IncodeVerification.Outcome.VERIFIED)))
            .getIssuer());
    assertEquals(
        CodeFlow.ResponseTamper.NONE, sandbox.incode().pendingResponseTamper(), "once only");

    HttpResponse<String> control =
        rp.postForm(
            URI.create(sandbox.httpBase() + "/control/incode/response?tamper=wrong_iss"), Map.of());
    assertEquals(200, control.statusCode());
    var b = rp.begin("jane.smith@contoso.com");
    AuthenticationResponse cancelled =
        AuthenticationResponseParser.parse(rp.choose(b, Map.of("action", "cancel")));
    assertEquals(
        CodeFlow.FOREIGN_ISSUER, cancelled.getIssuer().getValue(), "errors can be spoiled too");

    var c = rp.begin("jane.smith@contoso.com");
    assertEquals(
        sandbox.incodeIssuer(),
        AuthenticationResponseParser.parse(
                rp.choose(c, outcome(IncodeVerification.Outcome.VERIFIED)))
            .getIssuer()
            .getValue(),
        "then back to normal");
    assertEquals(
        400,
        rp.postForm(
                URI.create(sandbox.httpBase() + "/control/incode/response?tamper=bogus"), Map.of())
            .statusCode());
  }

  // ---- RFC 9126: pushed authorization requests ----

  @ParameterizedTest
  @EnumSource(Auth.class)
  void aPushedRequestAuthenticatesAsAtTheTokenEndpointAndCarriesOnlyAReferenceThroughTheBrowser(
      Auth auth) throws Exception {
    int before = sandbox.incode().pushedRequests().size();
    var p = rp.push("michael.brown@contoso.com", auth.of(rp));
    assertEquals(201, p.status());
    String requestUri = p.response().toSuccessResponse().getRequestURI().toString();
    assertTrue(
        requestUri.matches("urn:ietf:params:oauth:request_uri:[A-Za-z0-9_-]{43}"), requestUri);
    long lifetime = p.response().toSuccessResponse().getLifetime();
    assertTrue(lifetime > 0 && lifetime <= 60, "short-lived: " + lifetime);
    assertEquals(
        java.util.Set.of("client_id", "request_uri"),
        com.nimbusds.oauth2.sdk.util.URLUtils.parseParameters(p.front().getRawQuery()).keySet(),
        p.front().toString());
    assertEquals(
        "michael.brown@contoso.com",
        sandbox.incode().pushedRequests().get(before).request().loginHint(),
        "the hint went server to server");

    var a = p.open(rp);
    assertEquals(200, a.status());
    assertTrue(a.page().contains("Michael Brown"), a.page());
    OIDCTokenResponse tokens =
        rp.tokens(a, rp.choose(a, outcome(IncodeVerification.Outcome.VERIFIED)));
    IDTokenClaimsSet id = validator.validate(tokens.getOIDCTokens().getIDToken(), a.nonce());
    assertEquals(sandbox.incode().identityIdOf(michael), id.getStringClaim("identity_id"));
  }

  @Test
  void aRequestUriIsSingleUseAndExpires() throws Exception {
    var p = rp.push("jane.smith@contoso.com", rp.basic());
    assertEquals(200, rp.get(p.front()).statusCode());
    HttpResponse<String> again = rp.get(p.front());
    assertEquals(400, again.statusCode());
    assertTrue(again.body().contains("already used"), again.body());
    assertTrue(
        again.headers().firstValue("Location").isEmpty(), "no redirect on an unknown reference");

    sandbox.incode().pushedRequestLifetime(Duration.ofMillis(200));
    try {
      var late = rp.push("jane.smith@contoso.com", rp.basic());
      Thread.sleep(400);
      assertEquals(400, rp.get(late.front()).statusCode());
    } finally {
      sandbox.incode().pushedRequestLifetime(Duration.ofSeconds(60));
    }
    var other = rp.push("jane.smith@contoso.com", rp.basic());
    String foreignClient =
        other.front().toString().replace("client_id=" + rp.clientId, "client_id=someone-else");
    assertEquals(
        400, rp.get(URI.create(foreignClient)).statusCode(), "the reference is the client's own");
    HttpResponse<String> made =
        rp.get(
            URI.create(
                rp.op.getAuthorizationEndpointURI()
                    + "?client_id="
                    + rp.clientId
                    + "&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Amade-up"));
    assertEquals(400, made.statusCode());
  }

  @Test
  void aPushedRequestIsRefusedWithoutTheClientsCredentialsOrWhenMalformed() throws Exception {
    var wrong =
        rp.push(
            "jane.smith@contoso.com",
            new ClientSecretBasic(rp.clientId, new Secret("not-the-secret")));
    assertEquals(401, wrong.status());
    assertEquals("invalid_client", wrong.response().toErrorResponse().getErrorObject().getCode());
    URI par = rp.op.getPushedAuthorizationRequestEndpointURI();
    HttpResponse<String> anonymous =
        rp.postForm(
            par,
            Map.of(
                "client_id",
                rp.clientId.getValue(),
                "response_type",
                "code",
                "scope",
                "openid",
                "redirect_uri",
                CALLBACK));
    assertEquals(401, anonymous.statusCode(), anonymous.body());
    Map<String, String> base =
        Map.of(
            "client_id",
            rp.clientId.getValue(),
            "client_secret",
            rp.secret.getValue(),
            "response_type",
            "code",
            "scope",
            "openid");
    HttpResponse<String> foreignRedirect =
        rp.postForm(par, with(base, "redirect_uri", "https://evil.example/cb"));
    assertEquals(400, foreignRedirect.statusCode());
    assertTrue(foreignRedirect.body().contains("invalid_request"), foreignRedirect.body());
    HttpResponse<String> nested =
        rp.postForm(par, with(with(base, "redirect_uri", CALLBACK), "request_uri", "urn:x"));
    assertEquals(400, nested.statusCode());
    HttpResponse<String> noOpenid =
        rp.postForm(par, with(with(base, "redirect_uri", CALLBACK), "scope", "profile"));
    assertEquals(400, noOpenid.statusCode());
    assertTrue(noOpenid.body().contains("invalid_scope"), noOpenid.body());
    assertEquals(405, rp.get(par).statusCode());
  }

  @Test
  void discoveryCanStopAdvertisingPushedRequests() throws Exception {
    HttpResponse<String> off =
        rp.postForm(
            URI.create(sandbox.httpBase() + "/control/incode/par?advertise=false"), Map.of());
    assertEquals(200, off.statusCode());
    try {
      var rediscovered =
          OidcRelyingParty.discover(
              sandbox.incodeIssuer(), rp.clientId.getValue(), rp.secret.getValue(), CALLBACK, null);
      assertNull(rediscovered.op.getPushedAuthorizationRequestEndpointURI());
      assertEquals(
          201,
          rp.push("jane.smith@contoso.com", rp.basic()).status(),
          "the endpoint still answers an older copy");
      assertEquals(
          400,
          rp.postForm(
                  URI.create(sandbox.httpBase() + "/control/incode/par?advertise=maybe"), Map.of())
              .statusCode());
    } finally {
      sandbox.incode().advertisePushedAuthorizationRequests(true);
    }
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> m = new java.util.LinkedHashMap<>(base);
    m.put(key, value);
    return m;
  }

  @Test
  void verifiedEmployeeGetsTheClaimsOfTheirDocument() throws Exception {
    var a = rp.begin("jane.smith@contoso.com");
    assertEquals(200, a.status());
    assertTrue(
        a.page().contains("Jane Smith") && a.page().contains("Identity verification"), a.page());

    OIDCTokenResponse tokens =
        rp.tokens(a, rp.choose(a, outcome(IncodeVerification.Outcome.VERIFIED)));
    assertEquals("Bearer", tokens.getOIDCTokens().getAccessToken().getType().getValue());
    assertEquals(1800, tokens.getOIDCTokens().getAccessToken().getLifetime());
    IDTokenClaimsSet id = validator.validate(tokens.getOIDCTokens().getIDToken(), a.nonce());
    String interview = id.getStringClaim("interview_id");
    assertEquals(
        interview, id.getSubject().getValue(), "sub is the session, as in Incode's example");
    assertTrue(interview.matches("[0-9a-f]{24}"), interview);
    assertEquals(sandbox.incode().identityIdOf(jane), id.getStringClaim("identity_id"));
    assertEquals("OK", id.getStringClaim("auth_overall_status"));
    assertTrue(id.getNumberClaim("auth_overall_score").doubleValue() > 90);
    assertEquals("jane.smith@contoso.com", id.getStringClaim("email"));
    assertEquals("jane.smith@contoso.com", id.getStringClaim("preferred_username"));
    assertEquals(rp.clientId.getValue(), id.getStringClaim("azp"));
    assertNotEquals(null, id.getStringClaim("jti"));
    assertEquals(1800, (id.getExpirationTime().getTime() - id.getIssueTime().getTime()) / 1000);
    assertEquals(
        sandbox.incode().keys().currentKeyId(),
        ((SignedJWT) tokens.getOIDCTokens().getIDToken()).getHeader().getKeyID());

    UserInfo u = userinfo(tokens);
    assertEquals(id.getSubject(), u.getSubject());
    assertEquals("JANE SMITH", u.getName());
    assertEquals("JANE", u.getGivenName());
    assertEquals("1985-06-15", u.getBirthdate());
    assertEquals("F", u.getGender().getValue());
    assertEquals("en-US", u.getStringClaim("locale"));
    assertEquals("jane.smith@contoso.com", u.getEmailAddress());
    assertEquals(id.getStringClaim("identity_id"), u.getStringClaim("identity_id"));
    assertEquals(interview, u.getStringClaim("interview_id"));
    assertTrue(
        u.getNumberClaim("updated_at").longValue() > 1_700_000_000_000L,
        "updated_at is in milliseconds");
    assertEquals(
        interview, sandbox.incode().lastIssued().orElseThrow().verification().interviewId());
  }

  private static UserInfo userinfo(OIDCTokenResponse tokens) throws Exception {
    UserInfoResponse r = rp.userinfo(tokens.getOIDCTokens().getBearerAccessToken());
    assertTrue(r.indicatesSuccess(), () -> "userinfo: " + r.toErrorResponse().getErrorObject());
    return r.toSuccessResponse().getUserInfo();
  }

  @ParameterizedTest
  @EnumSource(
      names = {"MIDDLE_NAME_DIFFERS", "NAME_TYPO", "BIRTHDATE_DIFFERS", "MANUAL_REVIEW", "FAIL"})
  void eachOutcomeIsIssuedAsChosen(IncodeVerification.Outcome o) throws Exception {
    var a = rp.begin("jane.smith@contoso.com");
    OIDCTokenResponse tokens = rp.tokens(a, rp.choose(a, outcome(o)));
    IDTokenClaimsSet id = validator.validate(tokens.getOIDCTokens().getIDToken(), a.nonce());
    assertEquals(
        switch (o) {
          case MANUAL_REVIEW -> "MANUAL_REVIEW";
          case FAIL -> "FAIL";
          default -> "OK";
        },
        id.getStringClaim("auth_overall_status"));
    UserInfo u = userinfo(tokens);
    String[] expected =
        switch (o) {
          case MIDDLE_NAME_DIFFERS -> new String[] {"JANE A. SMITH", "JANE A.", "1985-06-15"};
          case NAME_TYPO -> new String[] {"JANE SMYTH", "JANE", "1985-06-15"};
          case BIRTHDATE_DIFFERS -> new String[] {"JANE SMITH", "JANE", "1985-06-16"};
          default -> new String[] {"JANE SMITH", "JANE", "1985-06-15"};
        };
    assertEquals(expected[0], u.getName());
    assertEquals(expected[1], u.getGivenName());
    assertEquals(expected[2], u.getBirthdate());
  }

  @Test
  void anotherPersonsIdCarriesThatPersonsDocumentAndIdentity() throws Exception {
    var a = rp.begin("jane.smith@contoso.com");
    OIDCTokenResponse tokens =
        rp.tokens(
            a,
            rp.choose(a, Map.of("outcome", "OTHER_PERSONS_ID", "person", bob, "action", "finish")));
    IDTokenClaimsSet id = validator.validate(tokens.getOIDCTokens().getIDToken(), a.nonce());
    assertEquals("OK", id.getStringClaim("auth_overall_status"));
    assertEquals(sandbox.incode().identityIdOf(bob), id.getStringClaim("identity_id"));
    assertEquals(
        "jane.smith@contoso.com",
        id.getStringClaim("email"),
        "the address is still the one hinted");
    UserInfo u = userinfo(tokens);
    assertEquals("ROBERT WILSON", u.getName());
    assertEquals("1975-12-01", u.getBirthdate());
  }

  @Test
  void cancelReturnsAccessDeniedWithTheState() throws Exception {
    var a = rp.begin("jane.smith@contoso.com");
    URI location = rp.choose(a, Map.of("action", "cancel"));
    AuthenticationResponse resp = AuthenticationResponseParser.parse(location);
    assertFalse(resp.indicatesSuccess());
    AuthenticationErrorResponse err = resp.toErrorResponse();
    assertEquals("access_denied", err.getErrorObject().getCode());
    assertEquals(a.state(), err.getState());
    assertTrue(err.getErrorObject().getDescription() != null);
  }

  @Test
  void returningUserIsReauthenticatedByIdentityId() throws Exception {
    String identity = sandbox.incode().identityIdOf(michael);
    var a = rp.begin(identity);
    assertTrue(
        a.page().contains("Face re-authentication") && a.page().contains("Michael Brown"),
        a.page());
    OIDCTokenResponse tokens =
        rp.tokens(a, rp.choose(a, outcome(IncodeVerification.Outcome.VERIFIED)));
    IDTokenClaimsSet id = validator.validate(tokens.getOIDCTokens().getIDToken(), a.nonce());
    assertEquals(
        identity, id.getStringClaim("identity_id"), "a returning user keeps their identity id");
    assertEquals("MICHAEL JAMES BROWN", userinfo(tokens).getName());
    assertTrue(sandbox.incode().lastIssued().orElseThrow().verification().faceReauthentication());
  }

  @Test
  void unknownHintLetsTheTesterChooseTheDocument() throws Exception {
    var a = rp.begin("new.person@contoso.com");
    assertTrue(a.page().contains("no identity for the login hint"), a.page());
    OIDCTokenResponse tokens =
        rp.tokens(
            a, rp.choose(a, Map.of("outcome", "VERIFIED", "person", priya, "action", "finish")));
    IDTokenClaimsSet id = validator.validate(tokens.getOIDCTokens().getIDToken(), a.nonce());
    assertEquals("new.person@contoso.com", id.getStringClaim("email"));
    assertEquals("PRIYA PATEL", userinfo(tokens).getName());
  }

  @ParameterizedTest
  @EnumSource(Auth.class)
  void everyAdvertisedClientAuthenticationWorks(Auth auth) throws Exception {
    var a = rp.begin("jane.smith@contoso.com");
    AuthorizationCode code = rp.code(a, rp.choose(a, outcome(IncodeVerification.Outcome.VERIFIED)));
    TokenResponse r = rp.exchange(code, a.verifier(), auth.of(rp));
    assertTrue(r.indicatesSuccess(), () -> auth + ": " + r.toErrorResponse().getErrorObject());
  }

  enum Auth {
    BASIC,
    POST,
    JWT;

    ClientAuthentication of(OidcRelyingParty rp) throws Exception {
      return switch (this) {
        case BASIC -> rp.basic();
        case POST -> rp.post();
        case JWT -> rp.jwt();
      };
    }
  }

  @Test
  void aClientAssertionIsSingleUse() throws Exception {
    ClientSecretJWT assertion = rp.jwt();
    var first = rp.begin("jane.smith@contoso.com");
    assertTrue(
        rp.exchange(
                rp.code(first, rp.choose(first, outcome(IncodeVerification.Outcome.VERIFIED))),
                first.verifier(),
                assertion)
            .indicatesSuccess());
    var second = rp.begin("jane.smith@contoso.com");
    TokenResponse r =
        rp.exchange(
            rp.code(second, rp.choose(second, outcome(IncodeVerification.Outcome.VERIFIED))),
            second.verifier(),
            assertion);
    assertError(r, 401, "invalid_client");
  }

  @Test
  void aCodeIsSingleUseAndItsReplayRevokesTheTokens() throws Exception {
    var a = rp.begin("jane.smith@contoso.com");
    AuthorizationCode code = rp.code(a, rp.choose(a, outcome(IncodeVerification.Outcome.VERIFIED)));
    TokenResponse first = rp.exchange(code, a.verifier(), rp.basic());
    assertTrue(first.indicatesSuccess());
    assertError(rp.exchange(code, a.verifier(), rp.basic()), 400, "invalid_grant");
    UserInfoResponse after =
        rp.userinfo(
            ((OIDCTokenResponse) first.toSuccessResponse()).getOIDCTokens().getBearerAccessToken());
    assertEquals(401, after.toErrorResponse().getErrorObject().getHTTPStatusCode());
  }

  @Test
  void anExpiredCodeIsRefused() throws Exception {
    sandbox.incode().codeLifetime(Duration.ofMillis(300));
    try {
      var a = rp.begin("jane.smith@contoso.com");
      AuthorizationCode code =
          rp.code(a, rp.choose(a, outcome(IncodeVerification.Outcome.VERIFIED)));
      Thread.sleep(600);
      assertError(rp.exchange(code, a.verifier(), rp.basic()), 400, "invalid_grant");
    } finally {
      sandbox.incode().codeLifetime(Duration.ofSeconds(60));
    }
  }

  @Test
  void aWrongPkceVerifierIsRefused() throws Exception {
    var a = rp.begin("jane.smith@contoso.com");
    AuthorizationCode code = rp.code(a, rp.choose(a, outcome(IncodeVerification.Outcome.VERIFIED)));
    assertError(rp.exchange(code, new CodeVerifier(), rp.basic()), 400, "invalid_grant");
  }

  @Test
  void aWrongClientSecretIsRefused() throws Exception {
    var a = rp.begin("jane.smith@contoso.com");
    AuthorizationCode code = rp.code(a, rp.choose(a, outcome(IncodeVerification.Outcome.VERIFIED)));
    TokenResponse r =
        rp.exchange(
            code, a.verifier(), new ClientSecretBasic(rp.clientId, new Secret("not-the-secret")));
    assertError(r, 401, "invalid_client");
  }

  @Test
  void anUnregisteredRedirectUriGetsAnErrorPageAndNoRedirect() throws Exception {
    for (String query :
        List.of(
            "client_id="
                + rp.clientId
                + "&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&response_type=code&scope=openid&state=s",
            "client_id=someone-else&redirect_uri="
                + CALLBACK
                + "&response_type=code&scope=openid&state=s")) {
      HttpResponse<String> r =
          rp.get(URI.create(rp.op.getAuthorizationEndpointURI() + "?" + query));
      assertEquals(400, r.statusCode());
      assertTrue(r.headers().firstValue("Location").isEmpty());
      assertTrue(r.body().contains("not set up correctly"), r.body());
    }
  }

  @Test
  void badRequestsFromATrustedClientGoBackAsErrors() throws Exception {
    String base =
        rp.op.getAuthorizationEndpointURI()
            + "?client_id="
            + rp.clientId
            + "&redirect_uri="
            + CALLBACK
            + "&state=xyz";
    Map<String, String> cases =
        Map.of(
            "&response_type=code&scope=profile",
            "invalid_scope",
            "&response_type=token&scope=openid",
            "unsupported_response_type",
            "&response_type=code&scope=openid&code_challenge="
                + "a".repeat(43)
                + "&code_challenge_method=plain",
            "invalid_request");
    for (var c : cases.entrySet()) {
      HttpResponse<String> r = rp.get(URI.create(base + c.getKey()));
      assertEquals(302, r.statusCode(), c.getKey());
      AuthenticationResponse resp =
          AuthenticationResponseParser.parse(
              URI.create(r.headers().firstValue("Location").orElseThrow()));
      assertEquals(c.getValue(), resp.toErrorResponse().getErrorObject().getCode(), c.getKey());
      assertEquals("xyz", resp.getState().getValue());
    }
  }

  @Test
  void theValidatorFollowsAKeyRotation() throws Exception {
    IDTokenValidator cached = rp.validator();
    var a = rp.begin("jane.smith@contoso.com");
    OIDCTokenResponse before =
        rp.tokens(a, rp.choose(a, outcome(IncodeVerification.Outcome.VERIFIED)));
    cached.validate(before.getOIDCTokens().getIDToken(), a.nonce());

    HttpResponse<String> rotated =
        rp.postForm(URI.create(sandbox.httpBase() + "/control/incode/rotate-keys"), Map.of());
    assertEquals(200, rotated.statusCode());
    var b = rp.begin("jane.smith@contoso.com");
    OIDCTokenResponse after =
        rp.tokens(b, rp.choose(b, outcome(IncodeVerification.Outcome.VERIFIED)));
    String oldKid = ((SignedJWT) before.getOIDCTokens().getIDToken()).getHeader().getKeyID();
    String newKid = ((SignedJWT) after.getOIDCTokens().getIDToken()).getHeader().getKeyID();
    assertNotEquals(oldKid, newKid);
    assertEquals(
        "OK",
        cached
            .validate(after.getOIDCTokens().getIDToken(), b.nonce())
            .getStringClaim("auth_overall_status"));
  }

  @Test
  void clientCredentialsGiveAMachineTokenThatIsNoUserinfoToken() throws Exception {
    TokenResponse r =
        rp.exchange(
            new TokenRequest(
                rp.op.getTokenEndpointURI(),
                rp.post(),
                new ClientCredentialsGrant(),
                new Scope("openid")),
            0);
    assertTrue(r.indicatesSuccess());
    AccessTokenResponse ok = r.toSuccessResponse();
    assertEquals(300, ok.getTokens().getAccessToken().getLifetime());
    assertNull(ok.getCustomParameters().get("id_token"));
    assertEquals(
        "RS256",
        JWTParser.parse(ok.getTokens().getAccessToken().getValue())
            .getHeader()
            .getAlgorithm()
            .getName());
    assertEquals(
        401,
        rp.userinfo(ok.getTokens().getBearerAccessToken())
            .toErrorResponse()
            .getErrorObject()
            .getHTTPStatusCode());
  }

  @Test
  void userinfoRefusesAnInvalidToken() throws Exception {
    HttpResponse<String> r = rp.get(rp.op.getUserInfoEndpointURI());
    assertEquals(401, r.statusCode());
    UserInfoResponse bad = rp.userinfo(new BearerAccessToken("not.a.token"));
    ErrorObject e = bad.toErrorResponse().getErrorObject();
    assertEquals(401, e.getHTTPStatusCode());
    assertEquals("invalid_token", e.getCode());
  }

  @Test
  void theTokenEndpointAnswersNonsenseCleanly() throws Exception {
    assertEquals(405, rp.get(rp.op.getTokenEndpointURI()).statusCode());
    HttpResponse<String> grant =
        rp.postForm(
            rp.op.getTokenEndpointURI(),
            Map.of(
                "grant_type",
                "password",
                "client_id",
                rp.clientId.getValue(),
                "client_secret",
                rp.secret.getValue()));
    assertEquals(400, grant.statusCode());
    assertTrue(grant.body().contains("unsupported_grant_type"), grant.body());
    HttpResponse<String> anonymous =
        rp.postForm(
            rp.op.getTokenEndpointURI(), Map.of("grant_type", "authorization_code", "code", "x"));
    assertEquals(401, anonymous.statusCode(), anonymous.body());
    HttpResponse<String> page =
        rp.postForm(
            rp.op.getAuthorizationEndpointURI(), Map.of("pending", "made-up", "action", "finish"));
    assertEquals(400, page.statusCode());
    HttpResponse<String> malformed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(rp.op.getTokenEndpointURI())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("code=%zz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(
        400, malformed.statusCode(), "a client's encoding error is a 400, not a sandbox failure");
    assertTrue(malformed.body().contains("invalid_request"), malformed.body());
    assertEquals(200, rp.get(rp.op.getEndSessionEndpointURI()).statusCode());
  }

  static void assertError(TokenResponse r, int status, String code) {
    assertFalse(r.indicatesSuccess(), "an error was expected");
    ErrorObject e = r.toErrorResponse().getErrorObject();
    assertEquals(code, e.getCode());
    assertEquals(status, e.getHTTPStatusCode());
  }
}
