package io.recoveryportal.verification.incode;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.recoveryportal.helpdesk.VerificationRequests;
import io.recoveryportal.oidc.ExchangeObserver;
import io.recoveryportal.oidc.OutboundHttp;
import io.recoveryportal.verification.ProofingUnavailableException;
import io.recoveryportal.verification.VerificationResult;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Incode's B2B API as seed 000 (option 02) describes it: a client-credentials token from {@code
 * {issuer}/oauth2/token} (client_secret_post, scope openid), then {@code POST
 * {issuer}/omni/b2b/onboarding/request-new} with the bearer, {@code x-api-key} and {@code
 * api-version: 1.0}. The result of a finished session is read from {@code GET
 * {issuer}/omni/b2b/onboarding/result?interviewId=}, with the same headers: the seeds say results
 * come "via webhook or polling" without naming the call, so this path is the sandbox's assumption
 * (README).
 *
 * <p>Thread-safe; keep one. The machine token is reused until shortly before it expires, and
 * fetched again once when Incode answers 401 (a token revoked early), which is safe because a 401
 * request did nothing.
 */
public final class IncodeB2bClient implements VerificationRequests {

  /**
   * Ask for a new token this long before the old one runs out, so no call leaves with a dying
   * token.
   */
  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);

  /** What the client needs; secrets are redacted from {@link #toString()}. */
  public record Settings(
      String issuer,
      String clientId,
      String clientSecret,
      String apiKey,
      String integrationId,
      Duration connectTimeout,
      Duration readTimeout,
      SSLContext tls) {

    @Override
    public String toString() {
      return "IncodeB2bClient.Settings[issuer="
          + issuer
          + ", clientId="
          + clientId
          + ", integrationId="
          + integrationId
          + "]";
    }
  }

  private final Settings settings;
  private final OutboundHttp http;
  private final Clock clock = Clock.systemUTC();
  private final URI tokenEndpoint;
  private final URI requestNew;
  private final String resultBase;
  private AccessToken token;
  private Instant tokenUntil = Instant.MIN;

  public IncodeB2bClient(Settings settings) {
    this(settings, ExchangeObserver.NONE);
  }

  /** As {@link #IncodeB2bClient(Settings)}, telling {@code observer} of every call. */
  public IncodeB2bClient(Settings settings, ExchangeObserver observer) {
    this.settings = settings;
    this.http =
        new OutboundHttp(
            settings.connectTimeout(), settings.readTimeout(), settings.tls(), observer);
    String issuer = settings.issuer().replaceAll("/+$", "");
    this.tokenEndpoint = URI.create(issuer + "/oauth2/token");
    this.requestNew = URI.create(issuer + "/omni/b2b/onboarding/request-new");
    this.resultBase = issuer + "/omni/b2b/onboarding/result?interviewId=";
  }

  @Override
  public Session requestNew(String loginHint) {
    // the body exactly as seed 000 shows it: the integration's id as integrationReference, a URL to
    // deliver ourselves
    String body =
        Json.createObjectBuilder()
            .add("loginHint", loginHint)
            .add("integrationReference", settings.integrationId())
            .add("notification", Json.createObjectBuilder().add("type", "URL"))
            .add("name", "")
            .build()
            .toString();
    HTTPResponse r = call(HTTPRequest.Method.POST, requestNew, body, "request-new");
    JsonObject answer = object(r, "request-new");
    String interviewId = text(answer, "interviewId");
    String url = text(answer, "url");
    if (interviewId == null || url == null) {
      throw new ProofingUnavailableException(
          "Incode's request-new answer has no interviewId or url", null);
    }
    URI link;
    try {
      link = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ProofingUnavailableException("Incode's request-new answered an unusable url", e);
    }
    // the link goes into an email: only a web address of Incode's is acceptable there
    if (!"https".equalsIgnoreCase(link.getScheme()) && !"http".equalsIgnoreCase(link.getScheme())
        || link.getHost() == null) {
      throw new ProofingUnavailableException(
          "Incode's request-new answered a url that is not a web address", null);
    }
    return new Session(interviewId, link);
  }

  @Override
  public Optional<VerificationResult> result(String interviewId) {
    URI uri = URI.create(resultBase + URLEncoder.encode(interviewId, StandardCharsets.UTF_8));
    JsonObject r = object(call(HTTPRequest.Method.GET, uri, null, "result"), "result");
    if (!interviewId.equals(text(r, "interviewId"))) {
      throw new ProofingUnavailableException("Incode's result names another interview", null);
    }
    String status = text(r, "overallStatus");
    if (status == null) {
      return Optional.empty(); // not finished: no status means no decision
    }
    JsonValue score = r.get("overallScore");
    return Optional.of(
        new VerificationResult(
            IncodeClaims.status(status),
            interviewId,
            text(r, "identityId"),
            interviewId,
            text(r, "name"),
            text(r, "givenName"),
            IncodeClaims.birthdate(text(r, "birthdate")),
            IncodeClaims.score(
                score instanceof JsonNumber n
                    ? n.doubleValue()
                    : score instanceof JsonString s ? s.getString() : null)));
  }

  /** One authenticated call; on a 401 the token is fetched again and the call made once more. */
  private HTTPResponse call(HTTPRequest.Method method, URI uri, String body, String what) {
    HTTPResponse r = send(method, uri, body, token(false), what);
    if (r.getStatusCode() == HTTPResponse.SC_UNAUTHORIZED) {
      r = send(method, uri, body, token(true), what);
    }
    if (r.getStatusCode() != HTTPResponse.SC_OK) {
      // 403 is the API key, 400 the integration id or the body: configuration an administrator must
      // fix
      throw new ProofingUnavailableException(
          "Incode's "
              + what
              + " answered HTTP "
              + r.getStatusCode()
              + (r.getStatusCode() == 403
                  ? " (check incode.api-key)"
                  : r.getStatusCode() == 400 ? " (check incode.integration-id)" : ""),
          null);
    }
    return r;
  }

  private HTTPResponse send(
      HTTPRequest.Method method, URI uri, String body, AccessToken bearer, String what) {
    HTTPRequest r = new HTTPRequest(method, uri);
    r.setAuthorization(bearer.toAuthorizationHeader());
    r.setHeader("x-api-key", settings.apiKey());
    r.setHeader("api-version", "1.0");
    r.setAccept(ContentType.APPLICATION_JSON.toString());
    if (body != null) {
      r.setEntityContentType(ContentType.APPLICATION_JSON);
      r.setBody(body);
    }
    try {
      return http.send(r);
    } catch (IOException e) {
      throw new ProofingUnavailableException(
          "Incode's " + what + " could not be reached: " + e.getClass().getSimpleName(), e);
    }
  }

  /** The machine token (seed 000 step 1), from cache unless {@code fresh}. */
  private synchronized AccessToken token(boolean fresh) {
    Instant now = clock.instant();
    if (!fresh && token != null && now.isBefore(tokenUntil)) {
      return token;
    }
    TokenRequest request =
        new TokenRequest(
            tokenEndpoint,
            new ClientSecretPost(
                new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
            new ClientCredentialsGrant(),
            new Scope("openid"));
    TokenResponse response;
    try {
      response = TokenResponse.parse(http.send(request.toHTTPRequest()));
    } catch (IOException e) {
      throw new ProofingUnavailableException(
          "Incode's token endpoint could not be reached: " + e.getClass().getSimpleName(), e);
    } catch (ParseException e) {
      throw new ProofingUnavailableException("Incode's token endpoint gave no usable answer", e);
    }
    if (!response.indicatesSuccess()) {
      var error = response.toErrorResponse().getErrorObject();
      throw new ProofingUnavailableException(
          "Incode's token endpoint refused the client credentials: "
              + (error == null ? "no error code" : error.getCode()),
          null);
    }
    token = response.toSuccessResponse().getTokens().getAccessToken();
    long lifetime = token.getLifetime() > 0 ? token.getLifetime() : 0;
    tokenUntil = now.plusSeconds(lifetime).minus(TOKEN_MARGIN);
    return token;
  }

  private static JsonObject object(HTTPResponse r, String what) {
    String body = r.getBody();
    try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new ProofingUnavailableException(
          "Incode's " + what + " answer is not a JSON object", e);
    }
  }

  private static String text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
  }
}
