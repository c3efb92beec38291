package io.recoveryportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A relying party built the way the portal's adapters should be: Nimbus for discovery, the
 * authorization request (state, nonce, PKCE S256, login_hint), the token request and ID-token
 * validation, plus a plain HttpClient standing in for the person's browser on the provider's page.
 * Shared by the Incode and Entra contract tests.
 */
final class OidcRelyingParty {

  private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"");

  /**
   * One authorization request on its way: what the RP must remember, and the page the browser got.
   */
  record Attempt(
      AuthenticationRequest request,
      State state,
      Nonce nonce,
      CodeVerifier verifier,
      int status,
      String page) {

    String pendingId() {
      Matcher m = PENDING.matcher(page);
      assertTrue(m.find(), "the provider's page carries a pending-request id");
      return m.group(1);
    }
  }

  final OIDCProviderMetadata op;
  final ClientID clientId;
  final Secret secret;
  final URI callback;
  private final SSLContext tls;
  private final HttpClient browser;

  private OidcRelyingParty(
      OIDCProviderMetadata op, String clientId, String secret, String callback, SSLContext tls) {
    this.op = op;
    this.clientId = new ClientID(clientId);
    this.secret = new Secret(secret);
    this.callback = URI.create(callback);
    this.tls = tls;
    HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
    this.browser = (tls == null ? b : b.sslContext(tls)).build();
  }

  /** An in-process sandbox on free ports, seeded with the demo directory. */
  static Sandbox startSandbox() throws IOException {
    return Sandbox.start(
        Sandbox.Options.ephemeral(Path.of("config/sandbox/directory.json"), Path.of("target")));
  }

  /** The portal's Incode integration, with {@code callback} registered as its redirect URI. */
  static OidcRelyingParty incode(Sandbox sandbox, String callback) throws Exception {
    sandbox.incode().registerRedirectUri(callback);
    return discover(
        sandbox.incodeIssuer(),
        sandbox.credentials().incodeClientId(),
        sandbox.credentials().incodeClientSecret(),
        callback,
        null);
  }

  /** The portal's Entra app registration for staff sign-in, over TLS trusting only the sandbox. */
  static OidcRelyingParty entra(Sandbox sandbox, String callback) throws Exception {
    sandbox.entra().registerRedirectUri(callback);
    return discover(
        sandbox.entra().issuerV2(),
        sandbox.credentials().portalClientId(),
        sandbox.credentials().portalClientSecret(),
        callback,
        trusting(sandbox.trustStore()));
  }

  /** A seeded person's object id, by address. */
  static String idOf(Sandbox sandbox, String email) {
    return People.of(sandbox.directory()).byEmail(email).orElseThrow().id();
  }

  /** Discovers the provider; {@code tls} null means plain HTTP (the sandbox's Incode). */
  static OidcRelyingParty discover(
      String issuer, String clientId, String secret, String callback, SSLContext tls)
      throws Exception {
    OIDCProviderMetadata op =
        OIDCProviderMetadata.resolve(
            new Issuer(issuer),
            req -> {
              if (tls != null) {
                req.setSSLSocketFactory(tls.getSocketFactory());
              }
            });
    return new OidcRelyingParty(op, clientId, secret, callback, tls);
  }

  /** Trusts exactly the sandbox's certificate: no check is turned off. */
  static SSLContext trusting(Path trustStore) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(trustStore)) {
      ks.load(in, SelfSignedTls.TRUST_STORE_PASSWORD);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  /**
   * Sends the browser to the authorization endpoint with a fresh state, nonce and PKCE verifier.
   */
  Attempt begin(String loginHint, Scope scope) throws Exception {
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest.Builder b =
        new AuthenticationRequest.Builder(ResponseType.CODE, scope, clientId, callback)
            .endpointURI(op.getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256);
    if (loginHint != null) {
      b.loginHint(loginHint);
    }
    AuthenticationRequest request = b.build();
    HttpResponse<String> page = get(request.toURI());
    return new Attempt(request, state, nonce, verifier, page.statusCode(), page.body());
  }

  Attempt begin(String loginHint) throws Exception {
    return begin(loginHint, new Scope("openid", "profile", "email"));
  }

  /**
   * A pushed request on its way: the provider's answer, and the URL the browser is then sent to.
   */
  record Pushed(
      AuthenticationRequest request,
      State state,
      Nonce nonce,
      CodeVerifier verifier,
      int status,
      PushedAuthorizationResponse response,
      URI front) {

    /** The browser at the front channel, as an attempt the other helpers can carry on with. */
    Attempt open(OidcRelyingParty rp) throws Exception {
      HttpResponse<String> page = rp.get(front);
      return new Attempt(request, state, nonce, verifier, page.statusCode(), page.body());
    }
  }

  /**
   * RFC 9126: posts the authorization request to the provider's PAR endpoint with {@code auth}, and
   * builds the front-channel URL (client_id and request_uri only) when the provider accepts it.
   */
  Pushed push(String loginHint, ClientAuthentication auth) throws Exception {
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest.Builder b =
        new AuthenticationRequest.Builder(
                ResponseType.CODE, new Scope("openid", "profile", "email"), clientId, callback)
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256);
    if (loginHint != null) {
      b.loginHint(loginHint);
    }
    AuthenticationRequest request = b.build();
    assertNotNull(
        op.getPushedAuthorizationRequestEndpointURI(), "discovery advertises a PAR endpoint");
    HTTPResponse http =
        configure(
                new PushedAuthorizationRequest(
                        op.getPushedAuthorizationRequestEndpointURI(), auth, request)
                    .toHTTPRequest())
            .send();
    PushedAuthorizationResponse response = PushedAuthorizationResponse.parse(http);
    URI front =
        response.indicatesSuccess()
            ? new AuthorizationRequest.Builder(
                    response.toSuccessResponse().getRequestURI(), clientId)
                .endpointURI(op.getAuthorizationEndpointURI())
                .build()
                .toURI()
            : null;
    return new Pushed(request, state, nonce, verifier, http.getStatusCode(), response, front);
  }

  HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postForm(URI uri, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return browser.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts the provider's page as the person would, and returns where the browser is sent. */
  URI choose(Attempt a, Map<String, String> fields) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("pending", a.pendingId());
    form.putAll(fields);
    HttpResponse<String> r = postForm(op.getAuthorizationEndpointURI(), form);
    assertEquals(
        302,
        r.statusCode(),
        () -> "the provider redirects back; got " + r.statusCode() + ": " + r.body());
    return URI.create(r.headers().firstValue("Location").orElseThrow());
  }

  /** Parses the callback as the RP's redirect endpoint does, checking state. */
  AuthorizationCode code(Attempt a, URI location) throws Exception {
    assertTrue(
        location.toString().startsWith(callback.toString()), "back at the registered callback");
    AuthenticationResponse resp = AuthenticationResponseParser.parse(location);
    assertTrue(resp.indicatesSuccess(), () -> "success response expected: " + location);
    assertEquals(a.state(), resp.getState(), "state is returned unchanged");
    return resp.toSuccessResponse().getAuthorizationCode();
  }

  ClientSecretBasic basic() {
    return new ClientSecretBasic(clientId, secret);
  }

  ClientSecretPost post() {
    return new ClientSecretPost(clientId, secret);
  }

  ClientSecretJWT jwt() throws Exception {
    return new ClientSecretJWT(clientId, op.getTokenEndpointURI(), JWSAlgorithm.HS256, secret);
  }

  TokenResponse exchange(AuthorizationCode code, CodeVerifier verifier, ClientAuthentication auth)
      throws Exception {
    return exchange(
        new TokenRequest(
            op.getTokenEndpointURI(), auth, new AuthorizationCodeGrant(code, callback, verifier)),
        0);
  }

  /** Sends a token request; {@code readTimeoutMillis} 0 means the JDK default. */
  TokenResponse exchange(TokenRequest request, int readTimeoutMillis) throws Exception {
    HTTPRequest http = configure(request.toHTTPRequest());
    http.setReadTimeout(readTimeoutMillis);
    return OIDCTokenResponseParser.parse(http.send());
  }

  /**
   * The whole happy path after the page: code from the callback, tokens with client_secret_basic.
   */
  OIDCTokenResponse tokens(Attempt a, URI location) throws Exception {
    TokenResponse r = exchange(code(a, location), a.verifier(), basic());
    assertTrue(
        r.indicatesSuccess(), () -> "token response: " + r.toErrorResponse().getErrorObject());
    return (OIDCTokenResponse) r.toSuccessResponse();
  }

  /**
   * Validates as the portal must: RS256 pinned, keys from the discovered JWKS (cached, refetched on
   * a new kid).
   */
  IDTokenValidator validator() throws Exception {
    DefaultResourceRetriever retriever =
        new DefaultResourceRetriever(
            2000, 2000, 512 * 1024, true, tls == null ? null : tls.getSocketFactory());
    var jwks =
        JWKSourceBuilder.<SecurityContext>create(op.getJWKSetURI().toURL(), retriever).build();
    return new IDTokenValidator(
        op.getIssuer(), clientId, new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, jwks), null);
  }

  UserInfoResponse userinfo(BearerAccessToken token) throws Exception {
    assertNotNull(op.getUserInfoEndpointURI());
    return UserInfoResponse.parse(
        configure(new UserInfoRequest(op.getUserInfoEndpointURI(), token).toHTTPRequest()).send());
  }

  private HTTPRequest configure(HTTPRequest http) {
    if (tls != null) {
      http.setSSLSocketFactory(tls.getSocketFactory());
    }
    return http;
  }
}
