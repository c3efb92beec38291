package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Staff sign-in against the sandbox's Entra over HTTPS, with Nimbus trusting only the sandbox's
 * certificate.
 */
class EntraSignInTest {

  private static final String CALLBACK = "http://localhost:8080/staff/callback";

  private static Sandbox sandbox;
  private static OidcRelyingParty rp;
  private static IDTokenValidator validator;
  private static String rita;
  private static String sam;
  private static String jane;
  private static String liam;

  @BeforeAll
  static void start() throws Exception {
    sandbox = OidcRelyingParty.startSandbox();
    rp = OidcRelyingParty.entra(sandbox, CALLBACK);
    validator = rp.validator();
    rita = OidcRelyingParty.idOf(sandbox, "rita.reviewer@contoso.com");
    sam = OidcRelyingParty.idOf(sandbox, "sam.senior@contoso.com");
    jane = OidcRelyingParty.idOf(sandbox, "jane.smith@contoso.com");
    liam = OidcRelyingParty.idOf(sandbox, "liam.carter@contoso.com");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static IDTokenClaimsSet signIn(String userId, String loginHint) throws Exception {
    var a = rp.begin(loginHint);
    assertEquals(200, a.status(), a.page());
    OIDCTokenResponse tokens =
        rp.tokens(a, rp.choose(a, Map.of("user", userId, "action", "signin")));
    assertEquals(
        JOSEObjectType.JWT,
        ((SignedJWT) tokens.getOIDCTokens().getIDToken()).getHeader().getType());
    return validator.validate(tokens.getOIDCTokens().getIDToken(), a.nonce());
  }

  @Test
  void discoveryIsLoginMicrosoftonlineShaped() {
    String base = sandbox.entraAuthorityHost() + "/" + sandbox.credentials().tenantId();
    assertEquals(base + "/v2.0", rp.op.getIssuer().getValue());
    assertEquals(URI.create(base + "/oauth2/v2.0/authorize"), rp.op.getAuthorizationEndpointURI());
    assertEquals(URI.create(base + "/oauth2/v2.0/token"), rp.op.getTokenEndpointURI());
    assertEquals(URI.create(base + "/discovery/v2.0/keys"), rp.op.getJWKSetURI());
    assertEquals(URI.create(base + "/oauth2/v2.0/logout"), rp.op.getEndSessionEndpointURI());
    assertEquals(
        List.of("client_secret_post", "client_secret_basic", "private_key_jwt"),
        rp.op.getTokenEndpointAuthMethods().stream().map(Object::toString).toList());
    assertEquals(
        List.of("pairwise"), rp.op.getSubjectTypes().stream().map(Object::toString).toList());
    assertFalse(
        rp.op.supportsAuthorizationResponseIssuerParam(), "as Entra's own document: no RFC 9207");
    assertNull(rp.op.getPushedAuthorizationRequestEndpointURI());
  }

  @Test
  void theIssParameterCanBeTurnedOnAndSpoiled() throws Exception {
    var plain = rp.begin(null);
    assertNull(
        AuthenticationResponseParser.parse(
                rp.choose(plain, Map.of("user", rita, "action", "signin")))
            .getIssuer(),
        "off by default, as Entra");
    HttpResponse<String> on =
        rp.postForm(
            URI.create(sandbox.httpBase() + "/control/entra/response?issParameter=true"), Map.of());
    assertEquals(200, on.statusCode());
    try {
      var rediscovered =
          OidcRelyingParty.discover(
              rp.op.getIssuer().getValue(),
              rp.clientId.getValue(),
              rp.secret.getValue(),
              CALLBACK,
              OidcRelyingParty.trusting(sandbox.trustStore()));
      assertTrue(rediscovered.op.supportsAuthorizationResponseIssuerParam());
      var a = rp.begin(null);
      assertEquals(
          rp.op.getIssuer(),
          AuthenticationResponseParser.parse(rp.choose(a, Map.of("user", rita, "action", "signin")))
              .getIssuer());
      var cancelled = rp.begin(null);
      assertEquals(
          rp.op.getIssuer(),
          AuthenticationResponseParser.parse(rp.choose(cancelled, Map.of("action", "cancel")))
              .getIssuer());
      sandbox.entra().tamperNextResponse(CodeFlow.ResponseTamper.OMIT_ISS);
      var b = rp.begin(null);
      assertNull(
          AuthenticationResponseParser.parse(rp.choose(b, Map.of("user", rita, "action", "signin")))
              .getIssuer());
    } finally {
      sandbox.entra().issParameter(false);
    }
    assertEquals(
        200,
        rp.postForm(
                URI.create(sandbox.httpBase() + "/control/entra/response?tamper=WRONG_ISS"),
                Map.of())
            .statusCode());
    var c = rp.begin(null);
    assertEquals(
        CodeFlow.FOREIGN_ISSUER,
        AuthenticationResponseParser.parse(rp.choose(c, Map.of("user", rita, "action", "signin")))
            .getIssuer()
            .getValue(),
        "a foreign iss even where none is advertised");
  }

  @Test
  void anUntrustedClientCannotEvenDiscover() {
    Exception e =
        org.junit.jupiter.api.Assertions.assertThrows(
            Exception.class,
            () ->
                OidcRelyingParty.discover(
                    sandbox.entra().issuerV2(),
                    "x",
                    "y",
                    CALLBACK,
                    javax.net.ssl.SSLContext.getDefault()));
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof SSLHandshakeException)) {
      cause = cause.getCause();
    }
    assertTrue(cause instanceof SSLHandshakeException, e.toString());
  }

  @Test
  void aReviewerSignsInWithTheirRoles() throws Exception {
    IDTokenClaimsSet id = signIn(rita, "rita.reviewer@contoso.com");
    assertEquals("2.0", id.getStringClaim("ver"));
    assertEquals(rita, id.getStringClaim("oid"));
    assertEquals(sandbox.credentials().tenantId(), id.getStringClaim("tid"));
    assertEquals("rita.reviewer@contoso.com", id.getStringClaim("preferred_username"));
    assertEquals("Rita Ramos", id.getStringClaim("name"));
    assertEquals("rita.reviewer@contoso.com", id.getStringClaim("email"));
    assertEquals(List.of("Reviewer"), id.getStringListClaim("roles"));
    assertEquals(43, id.getSubject().getValue().length(), "a pairwise sub looks like Entra's");
    assertFalse(id.getSubject().getValue().equals(rita), "sub is not the object id");
    assertTrue(id.getDateClaim("nbf") != null, "Entra sets nbf");
  }

  @Test
  void severalRolesAndAStablePairwiseSub() throws Exception {
    IDTokenClaimsSet first = signIn(sam, null);
    IDTokenClaimsSet second = signIn(sam, "sam.senior@contoso.com");
    assertEquals(List.of("Reviewer", "SeniorReviewer"), first.getStringListClaim("roles"));
    assertEquals(first.getSubject(), second.getSubject());
    assertFalse(first.getSubject().equals(signIn(rita, null).getSubject()));
  }

  @Test
  void aUserWithoutAppRolesHasNoRolesClaim() throws Exception {
    IDTokenClaimsSet id = signIn(jane, "jane.smith@contoso.com");
    assertNull(id.getClaim("roles"));
    assertEquals("jane.smith@contoso.com", id.getStringClaim("preferred_username"));
  }

  @Test
  void theHintedAccountIsPreselected() throws Exception {
    var a = rp.begin("sam.senior@contoso.com");
    assertTrue(a.page().contains("value=\"" + sam + "\" checked"), a.page());
    assertTrue(a.page().contains("<label for=\"user-" + sam + "\">"), "every choice is labelled");
  }

  @Test
  void aDisabledAccountGetsAadsts50057AndNoRedirect() throws Exception {
    var a = rp.begin("liam.carter@contoso.com");
    HttpResponse<String> r =
        rp.postForm(
            rp.op.getAuthorizationEndpointURI(),
            Map.of("pending", a.pendingId(), "user", liam, "action", "signin"));
    assertEquals(400, r.statusCode());
    assertTrue(r.headers().firstValue("Location").isEmpty());
    assertTrue(r.body().contains("AADSTS50057"), r.body());
  }

  @Test
  void cancelReturnsAccessDenied() throws Exception {
    var a = rp.begin(null);
    var err =
        AuthenticationResponseParser.parse(rp.choose(a, Map.of("action", "cancel")))
            .toErrorResponse();
    assertEquals("access_denied", err.getErrorObject().getCode());
    assertEquals(a.state(), err.getState());
  }

  @Test
  void unknownClientsAndRedirectUrisGetEntrasErrorPages() throws Exception {
    String endpoint = rp.op.getAuthorizationEndpointURI().toString();
    HttpResponse<String> badRedirect =
        rp.get(
            URI.create(
                endpoint
                    + "?client_id="
                    + rp.clientId
                    + "&redirect_uri=https%3A%2F%2Fevil.example%2F&response_type=code&scope=openid"));
    assertEquals(400, badRedirect.statusCode());
    assertTrue(badRedirect.body().contains("AADSTS50011"), badRedirect.body());
    assertTrue(badRedirect.headers().firstValue("Location").isEmpty());
    HttpResponse<String> badClient =
        rp.get(
            URI.create(
                endpoint
                    + "?client_id=nobody&redirect_uri="
                    + CALLBACK
                    + "&response_type=code&scope=openid"));
    assertTrue(badClient.body().contains("AADSTS700016"), badClient.body());
    HttpResponse<String> badTenant =
        rp.get(
            URI.create(
                sandbox.entraAuthorityHost()
                    + "/other-tenant/v2.0/.well-known/openid-configuration"));
    assertEquals(400, badTenant.statusCode());
    assertTrue(badTenant.body().contains("AADSTS90002"), badTenant.body());
  }

  @Test
  void theCodeIsBoundToSecretVerifierAndSingleUse() throws Exception {
    var a = rp.begin("rita.reviewer@contoso.com");
    AuthorizationCode code = rp.code(a, rp.choose(a, Map.of("user", rita, "action", "signin")));
    assertAadError(
        rp.exchange(code, a.verifier(), new ClientSecretPost(rp.clientId, new Secret("wrong"))),
        401,
        "invalid_client",
        "AADSTS7000215");
    // the failed client authentication did not use the code up; the wrong verifier does
    assertAadError(
        rp.exchange(code, new CodeVerifier(), rp.post()), 400, "invalid_grant", "AADSTS501481");
    assertAadError(rp.exchange(code, a.verifier(), rp.post()), 400, "invalid_grant", "AADSTS54005");

    var b = rp.begin("rita.reviewer@contoso.com");
    AuthorizationCode good = rp.code(b, rp.choose(b, Map.of("user", rita, "action", "signin")));
    assertTrue(
        rp.exchange(good, b.verifier(), rp.basic()).indicatesSuccess(),
        "client_secret_basic works too");
    assertAadError(
        rp.exchange(good, b.verifier(), rp.basic()), 400, "invalid_grant", "AADSTS54005");
  }

  @Test
  void registerPortalRegistersBothCallbacks() throws Exception {
    sandbox.registerPortal("http://localhost:9999/");
    String rest = "&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%3A9999";
    HttpResponse<String> staff =
        rp.get(
            URI.create(
                rp.op.getAuthorizationEndpointURI()
                    + "?client_id="
                    + rp.clientId
                    + rest
                    + Sandbox.PORTAL_STAFF_CALLBACK.replace("/", "%2F")));
    assertEquals(200, staff.statusCode(), staff.body());
    HttpResponse<String> incode =
        rp.get(
            URI.create(
                sandbox.incodeIssuer()
                    + "/oauth2/authorize?client_id="
                    + sandbox.credentials().incodeClientId()
                    + rest
                    + Sandbox.PORTAL_INCODE_CALLBACK.replace("/", "%2F")));
    assertEquals(200, incode.statusCode(), incode.body());
  }

  private static void assertAadError(TokenResponse r, int status, String code, String aadsts) {
    assertFalse(r.indicatesSuccess());
    ErrorObject e = r.toErrorResponse().getErrorObject();
    assertEquals(status, e.getHTTPStatusCode());
    assertEquals(code, e.getCode());
    assertTrue(e.getDescription().startsWith(aadsts), e.getDescription());
  }
}
