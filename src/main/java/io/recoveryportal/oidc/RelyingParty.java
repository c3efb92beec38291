package io.recoveryportal.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.recoveryportal.oidc.OidcException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;

/**
 * An OpenID Connect relying party for one client at one provider (authorization-code flow).
 * Thread-safe; build one per client and keep it, since it caches discovery and the provider's keys.
 *
 * <p>What Nimbus checks and what is the portal's own, so that neither is assumed of the other:
 *
 * <ul>
 *   <li>Nimbus ({@code IDTokenValidator}): the ID token's signature (RS256, keys from the
 *       discovered JWKS), that its {@code iss} is the provider's, that its {@code aud}
 *       <em>contains</em> this client, {@code azp} only when there are several audiences and it is
 *       present, {@code exp} and {@code iat} (60 s skew), and the nonce;
 *   <li>ours: the callback's {@code state} (constant time), the callback's {@code iss} (RFC 9207,
 *       see {@link #checkResponseIssuer}), an {@code aud} that names this client and nobody else
 *       (OpenID Connect Core §3.1.3.7 step 3), an {@code azp} that is this client whenever present
 *       (step 5), userinfo's {@code sub}, and pushing the request when the provider offers it (RFC
 *       9126), so that no hint travels through the browser.
 * </ul>
 *
 * <p>Nothing here logs: the caller records the outcome ({@link OidcException#reason()}) in its
 * audit trail.
 */
public final class RelyingParty {

  /** The error a provider returns when the person declines or cancels (RFC 6749 §4.1.2.1). */
  private static final String ACCESS_DENIED = "access_denied";

  private final OidcSettings settings;
  private final ClientID clientId;
  private final Secret secret;
  private final Scope scope;
  private final OutboundHttp http;
  private final ProviderDiscovery discovery;

  /**
   * Reads nothing yet: discovery happens on first use, so a provider that is down does not stop
   * start-up.
   */
  public RelyingParty(OidcSettings settings) {
    this(settings, Clock.systemUTC(), ExchangeObserver.NONE);
  }

  /**
   * As {@link #RelyingParty(OidcSettings)}, telling {@code observer} of every call to the provider.
   */
  public RelyingParty(OidcSettings settings, ExchangeObserver observer) {
    this(settings, Clock.systemUTC(), observer);
  }

  RelyingParty(OidcSettings settings, Clock clock) {
    this(settings, clock, ExchangeObserver.NONE);
  }

  private RelyingParty(OidcSettings settings, Clock clock, ExchangeObserver observer) {
    this.settings = settings;
    this.clientId = new ClientID(settings.clientId());
    this.secret = new Secret(settings.clientSecret());
    this.scope = new Scope(settings.scopes().toArray(String[]::new));
    this.http = new OutboundHttp(settings, observer);
    this.discovery = new ProviderDiscovery(settings, http, clock);
  }

  public OidcSettings settings() {
    return settings;
  }

  /**
   * Starts a login: a fresh state, nonce and PKCE verifier (each 256 random bits) and the URL to
   * send the browser to. When the provider's discovery offers a pushed authorization request
   * endpoint (RFC 9126), the request (hint, state, nonce, S256 challenge) goes there, server to
   * server and client-authenticated, and the URL carries only {@code client_id} and the provider's
   * single-use {@code request_uri}; otherwise the URL carries the request itself (the verifier only
   * as its challenge).
   *
   * @param loginHint who the provider should expect, or null
   * @throws OidcException UNAVAILABLE or DISCOVERY_REFUSED when the provider's discovery cannot be
   *     used; UNAVAILABLE, TIMEOUT or PROVIDER_ERROR when the provider does not take the pushed
   *     request
   */
  public PendingAuthorization begin(String loginHint) throws OidcException {
    OIDCProviderMetadata provider = discovery.provider().metadata();
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest.Builder builder =
        new AuthenticationRequest.Builder(
                ResponseType.CODE, scope, clientId, settings.redirectUri())
            .endpointURI(provider.getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256);
    if (loginHint != null && !loginHint.isBlank()) {
      builder.loginHint(loginHint.trim());
    }
    AuthenticationRequest request = builder.build();
    URI browser =
        provider.getPushedAuthorizationRequestEndpointURI() == null
            ? request.toURI()
            : push(provider, request);
    return new PendingAuthorization(
        browser, state.getValue(), nonce.getValue(), verifier.getValue());
  }

  /**
   * RFC 9126: the request to the PAR endpoint, authenticated as at the token endpoint (the token
   * endpoint is an audience every PAR endpoint must accept for an assertion, §2); the browser gets
   * the reference only.
   */
  private URI push(OIDCProviderMetadata provider, AuthenticationRequest request)
      throws OidcException {
    URI tokenEndpoint = provider.getTokenEndpointURI();
    PushedAuthorizationRequest par =
        new PushedAuthorizationRequest(
            provider.getPushedAuthorizationRequestEndpointURI(),
            settings.clientAuth().authentication(clientId, secret, tokenEndpoint),
            request);
    HTTPResponse http =
        send(par.toHTTPRequest(), "pushed authorization request endpoint", Reason.UNAVAILABLE);
    PushedAuthorizationResponse response =
        parse(http, PushedAuthorizationResponse::parse, "pushed authorization response");
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      String oauthError = error == null ? null : error.getCode();
      Reason reason = http.getStatusCode() / 100 == 5 ? Reason.UNAVAILABLE : Reason.PROVIDER_ERROR;
      throw new OidcException(
          reason,
          "the pushed authorization request was refused: "
              + oauthError
              + " (HTTP "
              + http.getStatusCode()
              + ")",
          oauthError,
          null);
    }
    return new AuthorizationRequest.Builder(response.toSuccessResponse().getRequestURI(), clientId)
        .endpointURI(provider.getAuthorizationEndpointURI())
        .build()
        .toURI();
  }

  /**
   * Completes a login from the full callback URI: state, then one code exchange (never retried,
   * since a code is single-use and a timed-out exchange may already have spent it), then the ID
   * token, then userinfo.
   */
  public OidcLogin complete(URI callback, PendingAuthorization pending) throws OidcException {
    if (pending == null) {
      throw new OidcException(Reason.STATE_MISMATCH, "no authorization request is pending");
    }
    AuthenticationResponse response;
    try {
      response = AuthenticationResponseParser.parse(callback);
    } catch (ParseException e) {
      throw new OidcException(
          Reason.PROVIDER_ERROR, "the callback is not an authorization response");
    }
    // State first, on errors too: a forged "cancelled" callback must not end someone else's
    // attempt.
    if (!sameState(response.getState(), pending.state())) {
      throw new OidcException(
          Reason.STATE_MISMATCH,
          response.getState() == null
              ? "the callback carries no state"
              : "the callback's state is not the pending request's");
    }
    ProviderDiscovery.Provider provider;
    try {
      provider = discovery.provider();
    } catch (OidcException e) {
      // the code never left the portal: the same callback can be tried again
      throw e.reason() == Reason.UNAVAILABLE
          ? new OidcException(Reason.NOT_REDEEMED, e.getMessage(), null, e)
          : e;
    }
    // Then the issuer, on errors too and before the code is used (RFC 9207 §2.4)
    checkResponseIssuer(callback, provider.metadata());
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      String code = error == null ? null : error.getCode();
      throw new OidcException(
          ACCESS_DENIED.equals(code) ? Reason.CANCELLED : Reason.PROVIDER_ERROR,
          "the provider answered " + code,
          code,
          null);
    }
    AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
    if (code == null) {
      throw new OidcException(Reason.PROVIDER_ERROR, "the callback carries no authorization code");
    }
    OIDCTokens tokens = exchange(provider, code, new CodeVerifier(pending.codeVerifier()));
    IDTokenClaimsSet idToken = validate(provider, tokens.getIDToken(), new Nonce(pending.nonce()));
    return new OidcLogin(idToken, userInfo(provider, tokens, idToken));
  }

  /**
   * The {@code state} a callback names, as Nimbus's authorization-response parser reads it: what a
   * caller holding several pending requests picks the right one by. A callback that is not an
   * authorization response at all (which {@link #complete} refuses) still names its {@code state}
   * parameter, read by Nimbus's parameter parser, so the refusal is recorded against the request it
   * names.
   */
  public static java.util.Optional<String> stateOf(URI callback) {
    try {
      State state = AuthenticationResponseParser.parse(callback).getState();
      return java.util.Optional.ofNullable(state).map(State::getValue);
    } catch (ParseException e) {
      String query = callback.getRawQuery();
      return query == null
          ? java.util.Optional.empty()
          : URLUtils.parseParameters(query).getOrDefault("state", List.of()).stream().findFirst();
    }
  }

  /**
   * RFC 9207 §2.4, our own check (Nimbus parses {@code iss} but compares it with nothing): a
   * provider whose discovery says {@code authorization_response_iss_parameter_supported} must name
   * itself in every response; any {@code iss} that is present must be exactly the provider's issuer
   * (no normalising), and only once, since a duplicate lets an attacker pick which one a parser
   * reads. A response from another provider (a mix-up, or a callback forged with an attacker's
   * code) is thus refused before its code reaches our token endpoint.
   */
  private static void checkResponseIssuer(URI callback, OIDCProviderMetadata provider)
      throws OidcException {
    List<String> values =
        URLUtils.parseParameters(callback.getRawQuery()).getOrDefault("iss", List.of());
    if (values.size() > 1) {
      throw new OidcException(Reason.ISSUER_MISMATCH, "the callback carries iss more than once");
    }
    if (values.isEmpty()) {
      if (provider.supportsAuthorizationResponseIssuerParam()) {
        throw new OidcException(
            Reason.ISSUER_MISMATCH,
            "the callback carries no iss, although the provider always sends it");
      }
      return;
    }
    if (!provider.getIssuer().getValue().equals(values.get(0))) {
      throw new OidcException(
          Reason.ISSUER_MISMATCH, "the callback's iss is not the provider's issuer");
    }
  }

  /**
   * Constant-time, so response timing gives no hint about how much of a guessed state was right.
   */
  private static boolean sameState(State received, String expected) {
    return received != null
        && MessageDigest.isEqual(
            received.getValue().getBytes(StandardCharsets.UTF_8),
            expected.getBytes(StandardCharsets.UTF_8));
  }

  private OIDCTokens exchange(
      ProviderDiscovery.Provider provider, AuthorizationCode code, CodeVerifier verifier)
      throws OidcException {
    URI endpoint = provider.metadata().getTokenEndpointURI();
    TokenRequest request =
        new TokenRequest.Builder(
                endpoint,
                settings.clientAuth().authentication(clientId, secret, endpoint),
                new AuthorizationCodeGrant(code, settings.redirectUri(), verifier))
            .build();
    HTTPResponse http = send(request.toHTTPRequest(), "token endpoint", Reason.NOT_REDEEMED);
    if (http.getStatusCode() / 100 == 5) {
      // a server error is not a refusal of the code (that is a 400 invalid_grant): it can be tried
      // again
      throw new OidcException(
          Reason.NOT_REDEEMED, "the token endpoint answered HTTP " + http.getStatusCode());
    }
    TokenResponse response = parse(http, OIDCTokenResponseParser::parse, "token response");
    if (!response.indicatesSuccess()) {
      ErrorObject error = response.toErrorResponse().getErrorObject();
      String oauthError = error == null ? null : error.getCode();
      throw new OidcException(
          Reason.CODE_REJECTED,
          "the token endpoint refused the code: "
              + oauthError
              + " (HTTP "
              + http.getStatusCode()
              + ")",
          oauthError,
          null);
    }
    if (!(response instanceof OIDCTokenResponse oidc)
        || oidc.getOIDCTokens().getIDToken() == null) {
      throw new OidcException(Reason.TOKEN_INVALID, "the token response carries no ID token");
    }
    return oidc.getOIDCTokens();
  }

  /**
   * Nimbus checks the signature (RS256, keys from the discovered JWKS), iss, that aud contains us,
   * exp, iat and the nonce (always passed, since Nimbus skips the check when it is null). The
   * audience and azp rules after it are ours: Nimbus accepts {@code aud=[us, someone-else]} without
   * an azp.
   */
  private IDTokenClaimsSet validate(ProviderDiscovery.Provider provider, JWT idToken, Nonce nonce)
      throws OidcException {
    IDTokenClaimsSet claims;
    try {
      claims = provider.validator().validate(idToken, nonce);
    } catch (BadJOSEException | JOSEException e) {
      throw new OidcException(Reason.TOKEN_INVALID, "the ID token was refused: " + e.getMessage());
    }
    // OpenID Connect Core §3.1.3.7 step 3: refuse a token that also names audiences we do not
    // trust. We trust
    // no other party, so aud must be exactly us (a one-element array is the same thing).
    List<Audience> audience = claims.getAudience();
    if (audience.size() != 1 || !clientId.getValue().equals(audience.get(0).getValue())) {
      throw new OidcException(
          Reason.TOKEN_INVALID,
          "the ID token was refused: its audience names other parties besides this client");
    }
    // step 5: an azp, if present, must be us (Nimbus checks it only with several audiences)
    if (claims.getAuthorizedParty() != null
        && !clientId.getValue().equals(claims.getAuthorizedParty().getValue())) {
      throw new OidcException(
          Reason.TOKEN_INVALID, "the ID token was refused: azp is another client");
    }
    return claims;
  }

  /**
   * Userinfo for the access token, accepted only for the ID token's subject (OpenID Connect Core
   * §5.3.2).
   */
  private UserInfo userInfo(
      ProviderDiscovery.Provider provider, OIDCTokens tokens, IDTokenClaimsSet idToken)
      throws OidcException {
    URI endpoint = provider.metadata().getUserInfoEndpointURI();
    if (endpoint == null) {
      return null;
    }
    BearerAccessToken accessToken = tokens.getBearerAccessToken();
    if (accessToken == null) {
      throw new OidcException(Reason.PROVIDER_ERROR, "the access token is not a bearer token");
    }
    HTTPResponse http =
        send(
            new UserInfoRequest(endpoint, accessToken).toHTTPRequest(),
            "userinfo endpoint",
            Reason.UNAVAILABLE);
    UserInfoResponse response = parse(http, UserInfoResponse::parse, "userinfo response");
    if (!response.indicatesSuccess()) {
      Reason reason = http.getStatusCode() / 100 == 5 ? Reason.UNAVAILABLE : Reason.PROVIDER_ERROR;
      throw new OidcException(
          reason, "the userinfo endpoint answered HTTP " + http.getStatusCode());
    }
    UserInfo userInfo = response.toSuccessResponse().getUserInfo();
    if (userInfo == null) {
      // a signed or encrypted userinfo JWT would need its own validation; no provider of ours sends
      // one
      throw new OidcException(
          Reason.PROVIDER_ERROR, "userinfo came as a JWT, which is not supported");
    }
    if (!idToken.getSubject().equals(userInfo.getSubject())) {
      throw new OidcException(
          Reason.USERINFO_MISMATCH, "userinfo describes another subject than the ID token");
    }
    return userInfo;
  }

  private interface ResponseParser<T> {
    T parse(HTTPResponse response) throws ParseException;
  }

  private static <T> T parse(HTTPResponse http, ResponseParser<T> parser, String what)
      throws OidcException {
    try {
      return parser.parse(http);
    } catch (ParseException e) {
      // the parser's message may quote the body, which holds tokens: say only what kind of failure
      // it was
      throw new OidcException(
          Reason.PROVIDER_ERROR,
          "the " + what + " could not be parsed (HTTP " + http.getStatusCode() + ")");
    }
  }

  /**
   * One attempt. A connection that could not be made (refused, or not made in time) never carried
   * the request: {@code unreached}. A timeout after the connection was made is TIMEOUT, and
   * anything else that fails is UNAVAILABLE: in both the provider may have acted on the request.
   */
  private HTTPResponse send(HTTPRequest request, String what, Reason unreached)
      throws OidcException {
    try {
      return http.send(request);
    } catch (HttpConnectTimeoutException e) {
      throw new OidcException(unreached, "the " + what + " could not be reached in time", null, e);
    } catch (java.net.ConnectException e) {
      throw new OidcException(
          unreached,
          "the " + what + " could not be reached: " + e.getClass().getSimpleName(),
          null,
          e);
    } catch (HttpTimeoutException e) {
      throw new OidcException(Reason.TIMEOUT, "the " + what + " did not answer in time", null, e);
    } catch (IOException e) {
      throw new OidcException(
          Reason.UNAVAILABLE,
          "the " + what + " could not be reached: " + e.getClass().getSimpleName(),
          null,
          e);
    }
  }
}
