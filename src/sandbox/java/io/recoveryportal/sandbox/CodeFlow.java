package io.recoveryportal.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The authorization-code half of an OpenID provider (RFC 6749 §4.1, RFC 7636, OpenID Connect Core
 * §3.1), shared by the sandbox's Incode and Entra so both hold relying parties to the same rules:
 * exact redirect URIs, and codes that are random, single-use, short-lived and bound to the client,
 * the redirect URI, the PKCE challenge and the nonce. What a code carries ({@code T}) and how
 * errors look stay with each provider.
 *
 * <p>The provider's page posts back only a pending-request id, so nothing the browser sends after
 * the authorization request can change what the code is bound to.
 *
 * <p>Two optional parts of the standards are here too, each provider deciding whether it offers
 * them: pushed authorization requests (RFC 9126: the request is posted server to server and the
 * browser carries only a single-use {@code request_uri}), and the {@code iss} parameter on every
 * authorization response (RFC 9207), with a one-shot tamper to omit it or send a wrong one.
 */
public final class CodeFlow<T> {

  /** The form field that carries the pending-request id back from a provider's page. */
  public static final String FORM_PENDING = "pending";

  /**
   * Codes and verifiers are compared as issued; RFC 7636 §4.1 limits the verifier's alphabet and
   * length.
   */
  private static final Pattern PKCE_VALUE = Pattern.compile("^[A-Za-z0-9\\-._~]{43,128}$");

  private static final Duration PENDING_LIFETIME = Duration.ofMinutes(30);

  /** How long a redeemed or expired code is remembered, so a replay is told apart from a typo. */
  private static final Duration REMEMBER_USED = Duration.ofMinutes(10);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A checked authorization request. Absent optional parameters are null. */
  public record Request(
      String clientId,
      String redirectUri,
      String scope,
      String state,
      String nonce,
      String codeChallenge,
      String loginHint) {

    public boolean hasScope(String wanted) {
      return scopeIncludes(scope, wanted);
    }
  }

  /** Whether a space-separated scope string holds {@code wanted}. */
  public static boolean scopeIncludes(String scope, String wanted) {
    return scope != null && Arrays.asList(scope.trim().split("\\s+")).contains(wanted);
  }

  /** The verdict on an authorization request. */
  public sealed interface Check permits Accepted, Refused, Rejected {}

  /** Well-formed: show the provider's page. */
  public record Accepted(Request request) implements Check {}

  /**
   * The client or its redirect URI cannot be trusted: the provider shows an error page and must not
   * redirect, or it would be an open redirector (RFC 6749 §4.1.2.1).
   */
  public record Refused(Refusal reason, String detail) implements Check {}

  /** The redirect URI is trusted, so the error goes back to the client there. */
  public record Rejected(Request request, String error, String description) implements Check {}

  public enum Refusal {
    UNKNOWN_CLIENT,
    UNREGISTERED_REDIRECT_URI,
    INVALID_REQUEST_URI
  }

  /**
   * How the next authorization response (success or error) is spoiled, once; for relying parties'
   * RFC 9207 checks.
   */
  public enum ResponseTamper {
    NONE,
    /** No {@code iss} parameter, although the provider advertises it. */
    OMIT_ISS,
    /** {@code iss} names another authorization server: {@link #FOREIGN_ISSUER}. */
    WRONG_ISS
  }

  /**
   * The issuer {@link ResponseTamper#WRONG_ISS} puts in the response, as a mix-up attacker's server
   * would.
   */
  public static final String FOREIGN_ISSUER = "https://evil.example";

  /** RFC 9126 §2.2: the prefix of a pushed request's reference. */
  public static final String REQUEST_URI_PREFIX = "urn:ietf:params:oauth:request_uri:";

  /**
   * The answer to a pushed authorization request: a reference and its lifetime, or an OAuth error
   * (RFC 9126 §2.2, §2.3).
   */
  public record Pushed(
      String requestUri, long expiresIn, Request request, String error, String description) {

    public boolean ok() {
      return error == null;
    }
  }

  /** Why a code was not redeemed; each is an invalid_grant to the client. */
  public enum Failure {
    UNKNOWN_CODE,
    ALREADY_USED,
    EXPIRED,
    WRONG_CLIENT,
    WRONG_REDIRECT_URI,
    PKCE_MISMATCH,
    UNEXPECTED_VERIFIER
  }

  /**
   * The result of a token request's code. On {@link Failure#ALREADY_USED} the payload is still
   * given, so the provider can revoke what the first redemption issued (RFC 6749 §4.1.2).
   */
  public record Redemption<T>(Request request, T payload, Failure failure) {

    public boolean ok() {
      return failure == null;
    }
  }

  private record Pending(Request request, Instant expires) {}

  private record Code<T>(Request request, T payload, Instant expires, boolean used) {}

  private final String clientId;
  private final Set<String> redirectUris = ConcurrentHashMap.newKeySet();
  private final Map<String, Pending> pending = new HashMap<>();
  private final Map<String, Code<T>> codes = new HashMap<>();

  /** Pushed requests by the reference handed out; each is taken once. */
  private final Map<String, Pending> pushed = new HashMap<>();

  private final AtomicReference<ResponseTamper> responseTamper =
      new AtomicReference<>(ResponseTamper.NONE);
  private volatile Duration codeLifetime;
  private volatile Duration pushedLifetime = Duration.ofSeconds(60);
  private volatile String responseIssuer;

  public CodeFlow(String clientId, Duration codeLifetime) {
    this.clientId = clientId;
    this.codeLifetime = codeLifetime;
  }

  /**
   * The issuer every authorization response carries as {@code iss} (RFC 9207); null (the default)
   * sends none, as a provider that does not advertise {@code
   * authorization_response_iss_parameter_supported}.
   */
  public void responseIssuer(String issuer) {
    this.responseIssuer = issuer;
  }

  public String responseIssuer() {
    return responseIssuer;
  }

  /** Spoils the next authorization response as asked; NONE clears it. */
  public void tamperNextResponse(ResponseTamper mode) {
    responseTamper.set(mode);
  }

  public ResponseTamper pendingResponseTamper() {
    return responseTamper.get();
  }

  /**
   * How long a pushed request's reference can be used (RFC 9126 suggests a short time; 60 s by
   * default).
   */
  public void pushedLifetime(Duration lifetime) {
    this.pushedLifetime = lifetime;
  }

  /** Adds a redirect URI the client may use; matching is exact, as in the vendors' dashboards. */
  public void registerRedirectUri(String uri) {
    redirectUris.add(uri);
  }

  public Set<String> redirectUris() {
    return Set.copyOf(redirectUris);
  }

  /** How long a new code stays redeemable. Codes already issued keep their expiry. */
  public void codeLifetime(Duration lifetime) {
    this.codeLifetime = lifetime;
  }

  public Duration codeLifetime() {
    return codeLifetime;
  }

  /** Checks the query of an authorization request, in the order RFC 6749 §4.1.2.1 requires. */
  public Check check(Map<String, String> q) {
    String client = q.get("client_id");
    if (client == null || !client.equals(clientId)) {
      return new Refused(
          Refusal.UNKNOWN_CLIENT,
          client == null ? "client_id is missing" : "unknown client_id " + client);
    }
    String redirectUri = q.get("redirect_uri");
    if (redirectUri == null || !redirectUris.contains(redirectUri)) {
      return new Refused(
          Refusal.UNREGISTERED_REDIRECT_URI,
          redirectUri == null
              ? "redirect_uri is missing"
              : "redirect_uri is not registered: " + redirectUri);
    }
    Request r =
        new Request(
            client,
            redirectUri,
            q.get("scope"),
            q.get("state"),
            q.get("nonce"),
            q.get("code_challenge"),
            q.get("login_hint"));
    if (!"code".equals(q.get("response_type"))) {
      return new Rejected(r, "unsupported_response_type", "Only response_type=code is supported.");
    }
    if (!r.hasScope("openid")) {
      return new Rejected(r, "invalid_scope", "The scope must include openid.");
    }
    String mode = q.get("response_mode");
    if (mode != null && !"query".equals(mode)) {
      return new Rejected(r, "invalid_request", "Only response_mode=query is supported.");
    }
    String method = q.get("code_challenge_method");
    if (r.codeChallenge() == null) {
      if (method != null) {
        return new Rejected(
            r, "invalid_request", "code_challenge_method was sent without code_challenge.");
      }
    } else if (!"S256".equals(method)) {
      // plain (also the default when the method is absent) offers no protection against a stolen
      // code
      return new Rejected(r, "invalid_request", "code_challenge_method must be S256.");
    } else if (!PKCE_VALUE.matcher(r.codeChallenge()).matches()) {
      return new Rejected(r, "invalid_request", "code_challenge is malformed.");
    }
    return new Accepted(r);
  }

  /**
   * A pushed authorization request (RFC 9126 §2.1), its client already authenticated as at the
   * token endpoint: checked as a front-channel request would be, then held under a random,
   * single-use, short-lived {@code request_uri}. Errors are OAuth errors for the client's server;
   * nothing here redirects a browser.
   */
  public Pushed push(Map<String, String> form, String authenticatedClient) {
    if (form.containsKey("request_uri")) {
      return new Pushed(null, 0, null, "invalid_request", "request_uri must not be pushed.");
    }
    Map<String, String> q = new HashMap<>(form);
    q.putIfAbsent("client_id", authenticatedClient);
    if (!authenticatedClient.equals(q.get("client_id"))) {
      return new Pushed(
          null, 0, null, "invalid_request", "client_id is not the authenticated client.");
    }
    Check check = check(q);
    if (check instanceof Refused refused) {
      return new Pushed(null, 0, null, "invalid_request", refused.detail() + ".");
    }
    if (check instanceof Rejected rejected) {
      return new Pushed(null, 0, rejected.request(), rejected.error(), rejected.description());
    }
    Request r = ((Accepted) check).request();
    Duration lifetime = pushedLifetime;
    String uri = REQUEST_URI_PREFIX + random();
    synchronized (this) {
      prune();
      pushed.put(uri, new Pending(r, Instant.now().plus(lifetime)));
    }
    return new Pushed(uri, Math.max(1, lifetime.toSeconds()), r, null, null);
  }

  /**
   * The front channel of a pushed request: {@code client_id} and {@code request_uri} only (RFC 9126
   * §4). The reference is used up by this call, good or bad, so a second load of the same URL is
   * refused; parameters sent beside it are ignored, since only the pushed ones were authenticated.
   */
  public Check checkPushed(Map<String, String> q) {
    String client = q.get("client_id");
    if (client == null || !client.equals(clientId)) {
      return new Refused(
          Refusal.UNKNOWN_CLIENT,
          client == null ? "client_id is missing" : "unknown client_id " + client);
    }
    Pending p;
    synchronized (this) {
      p = pushed.remove(q.get("request_uri"));
    }
    if (p == null || p.expires().isBefore(Instant.now())) {
      return new Refused(
          Refusal.INVALID_REQUEST_URI, "request_uri is unknown, already used or expired");
    }
    return new Accepted(p.request());
  }

  /** The page's hidden field that ties the person's decision to the held request. */
  public static String pendingField(String pendingId) {
    return "<input type=\"hidden\" name=\""
        + FORM_PENDING
        + "\" value=\""
        + Http.esc(pendingId)
        + "\">";
  }

  /**
   * Keeps an accepted request server-side while the person decides; returns its id for the page's
   * form.
   */
  public synchronized String hold(Request request) {
    prune();
    String id = random();
    pending.put(id, new Pending(request, Instant.now().plus(PENDING_LIFETIME)));
    return id;
  }

  /** The held request, once: a second post of the same page finds nothing. */
  public synchronized Optional<Request> take(String pendingId) {
    Pending p = pendingId == null ? null : pending.remove(pendingId);
    return p == null || p.expires().isBefore(Instant.now())
        ? Optional.empty()
        : Optional.of(p.request());
  }

  /** Issues a code for the request and sends the browser back to the client with it. */
  public void redirectWithCode(HttpExchange ex, Request request, T payload) throws IOException {
    String code;
    synchronized (this) {
      prune();
      code = random();
      codes.put(code, new Code<>(request, payload, Instant.now().plus(codeLifetime), false));
    }
    redirect(ex, request, Map.of("code", code));
  }

  /** Sends the browser back to the client with an error (RFC 6749 §4.1.2.1). */
  public void redirectWithError(HttpExchange ex, Request request, String error, String description)
      throws IOException {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("error", error);
    p.put("error_description", description);
    redirect(ex, request, p);
  }

  /**
   * Success and error alike carry the issuer when the provider sends it (RFC 9207 §2), unless
   * tampered.
   */
  private void redirect(HttpExchange ex, Request request, Map<String, String> params)
      throws IOException {
    StringBuilder b = new StringBuilder(request.redirectUri());
    char sep = request.redirectUri().contains("?") ? '&' : '?';
    Map<String, String> all = new LinkedHashMap<>(params);
    if (request.state() != null) {
      all.put("state", request.state());
    }
    String issuer =
        switch (responseTamper.getAndSet(ResponseTamper.NONE)) {
          case NONE -> responseIssuer;
          case OMIT_ISS -> null;
          case WRONG_ISS -> FOREIGN_ISSUER;
        };
    if (issuer != null) {
      all.put("iss", issuer);
    }
    for (var e : all.entrySet()) {
      b.append(sep)
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    Http.redirect(ex, b.toString());
  }

  /**
   * Redeems a code from a token request. Any attempt uses the code up, so a wrong verifier cannot
   * be retried until one fits.
   */
  public Redemption<T> redeem(
      String code, String clientId, String redirectUri, String codeVerifier) {
    Code<T> c;
    synchronized (this) {
      c = code == null ? null : codes.get(code);
      if (c == null) {
        return new Redemption<>(null, null, Failure.UNKNOWN_CODE);
      }
      if (c.used()) {
        return new Redemption<>(c.request(), c.payload(), Failure.ALREADY_USED);
      }
      codes.put(code, new Code<>(c.request(), c.payload(), c.expires(), true));
    }
    Request r = c.request();
    Failure f = null;
    if (!Instant.now().isBefore(c.expires())) {
      f = Failure.EXPIRED;
    } else if (!r.clientId().equals(clientId)) {
      f = Failure.WRONG_CLIENT;
    } else if (!r.redirectUri().equals(redirectUri)) {
      f = Failure.WRONG_REDIRECT_URI;
    } else if (r.codeChallenge() == null && codeVerifier != null) {
      // OAuth 2.1 §4.1.3: a verifier without a challenge hints at a PKCE downgrade
      f = Failure.UNEXPECTED_VERIFIER;
    } else if (r.codeChallenge() != null && !pkceMatches(r.codeChallenge(), codeVerifier)) {
      f = Failure.PKCE_MISMATCH;
    }
    return new Redemption<>(r, f == null ? c.payload() : null, f);
  }

  static boolean pkceMatches(String challenge, String verifier) {
    if (verifier == null || !PKCE_VALUE.matcher(verifier).matches()) {
      return false;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
      return MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII),
          challenge.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void prune() {
    Instant now = Instant.now();
    pending.values().removeIf(p -> p.expires().isBefore(now));
    codes.values().removeIf(c -> c.expires().plus(REMEMBER_USED).isBefore(now));
    pushed.values().removeIf(p -> p.expires().isBefore(now));
  }

  /** 256 bits from a CSPRNG, URL-safe: unguessable codes and pending-request ids. */
  static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
