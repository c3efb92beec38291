package io.recoveryportal.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's Incode OpenID Connect provider, answering as Incode's integration guide (seed 000)
 * and its Auth0 example (seed 002) describe: discovery, JWKS, an authorization endpoint whose page
 * lets a tester decide how the document-and-selfie check ends, the token endpoint (three client
 * authentication methods, PKCE S256, single-use 60-second codes, client credentials for the B2B
 * API) and userinfo. The helpdesk-initiated (B2B) sessions, their result fetch and their webhooks
 * live in {@link IncodeB2b} and {@link IncodeWebhooks} on the same issuer.
 *
 * <p>Mounted at {@code /incode}; every path below is relative to {@link Sandbox#incodeIssuer()}.
 */
public final class IncodeProvider implements HttpHandler {

  /**
   * Ways to spoil the next token response, for the portal's security tests. The signature and claim
   * modes must each make a correctly configured ID-token validator refuse the token; the status and
   * userinfo modes pass validation and must be caught by the portal's own checks.
   */
  public enum Tamper {
    NONE,
    /** The payload is altered after signing (status forced to OK, lifetime stretched). */
    BAD_SIGNATURE,
    /** Signed by a key that the JWKS never publishes. */
    UNKNOWN_KID,
    /** An unsecured JWT ({@code "alg":"none"}). */
    ALG_NONE,
    /** HS256 with the client secret as key: only an RP that does not pin RS256 would accept it. */
    HS256_WITH_CLIENT_SECRET,
    /** Issued as Incode's real demo issuer instead of this one. */
    WRONG_ISSUER,
    /** For another client (aud and azp). */
    WRONG_AUDIENCE,
    /**
     * For this client and another one ({@code aud} of two, no {@code azp}): OpenID Connect Core
     * §3.1.3.7 step 3 says to refuse an audience the client does not trust; Nimbus's validator
     * alone accepts it.
     */
    EXTRA_AUDIENCE,
    /** Expired an hour ago. */
    EXPIRED,
    /** iat an hour ahead. */
    ISSUED_IN_FUTURE,
    /** A nonce the RP never sent. */
    WRONG_NONCE,
    /** No auth_overall_status claim. */
    MISSING_STATUS,
    /** An auth_overall_status Incode never puts in a token (a webhook value). */
    UNKNOWN_STATUS,
    /**
     * Userinfo answers with a sub other than the ID token's (OpenID Connect Core §5.3.2: must be
     * refused).
     */
    USERINFO_SUB_MISMATCH,
    /** Userinfo's given_name carries the full name, as in Incode's published example. */
    GIVEN_NAME_IS_FULL_NAME,
    /**
     * The token endpoint answers only after {@link #slowTokenDelay(Duration)}, for timeout tests.
     */
    SLOW_TOKEN_ENDPOINT
  }

  /**
   * What the token endpoint does with the next authorization-code requests instead of its work, for
   * outage tests: SERVER_ERROR answers 503 and leaves the code unredeemed; DROP_CONNECTION redeems
   * the code and then closes the connection without an answer (the provider took the code, the
   * answer was lost).
   */
  public enum TokenOutage {
    NONE,
    SERVER_ERROR,
    DROP_CONNECTION
  }

  /** The status {@link Tamper#UNKNOWN_STATUS} puts in the token. */
  public static final String UNKNOWN_STATUS = "MANUAL_REVIEW_APPROVED";

  /** Form fields of the verification page, for tests that drive it without a browser. */
  public static final String FORM_OUTCOME = "outcome";

  public static final String FORM_PERSON = "person";
  public static final String FORM_ACTION = "action";
  public static final String ACTION_FINISH = "finish";
  public static final String ACTION_CANCEL = "cancel";

  /** The audience {@link Tamper#EXTRA_AUDIENCE} adds beside the client's own. */
  public static final String EXTRA_AUDIENCE = "another-relying-party";

  /**
   * One pushed authorization request (RFC 9126) as accepted, so tests can see what went server to
   * server.
   */
  public record PushedRequest(CodeFlow.Request request, String requestUri, Instant at) {}

  /**
   * One token response, as issued (after tampering), so tests can compare what the portal
   * concluded.
   */
  public record Issued(
      IncodeVerification verification,
      Tamper tamper,
      String idToken,
      String accessToken,
      Instant issuedAt) {}

  /** What an access token grants at userinfo. */
  private record Session(
      IncodeVerification verification, String scope, Tamper tamper, Instant expires) {}

  private static final long TOKEN_SECONDS = 1800;
  private static final long CLIENT_CREDENTIALS_SECONDS = 300;
  private static final String REAL_DEMO_ISSUER = "https://auth.demo.incode.com";
  private static final List<String> SCOPES =
      List.of("openid", "profile", "email", "phone", "address", "groups", "roles");

  private final Sandbox sandbox;
  private final SigningKeys keys = new SigningKeys();
  private final People people;
  private final CodeFlow<IncodeVerification> flow;
  private final ClientSecretAuthentication clientAuth;
  private final AtomicReference<Tamper> tamper = new AtomicReference<>(Tamper.NONE);
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final List<Issued> issued = new CopyOnWriteArrayList<>();
  private final List<PushedRequest> pushed = new CopyOnWriteArrayList<>();
  private volatile boolean parAdvertised = true;

  /** Client-credentials tokens by jti, with their expiry: only these open the B2B API. */
  private final Map<String, Instant> machineTokens = new ConcurrentHashMap<>();

  private final IncodeWebhooks webhooks = new IncodeWebhooks();
  private final IncodeB2b b2b;
  private volatile Duration slowTokenDelay = Duration.ofSeconds(15);
  private volatile TokenOutage tokenOutage = TokenOutage.NONE;
  private final java.util.concurrent.atomic.AtomicInteger tokenOutagesLeft =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile Duration machineTokenLifetime = Duration.ofSeconds(CLIENT_CREDENTIALS_SECONDS);
  private SigningKeys strayKeys;

  IncodeProvider(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.people = People.of(sandbox.directory());
    this.flow = new CodeFlow<>(sandbox.credentials().incodeClientId(), Duration.ofSeconds(60));
    // RFC 9207: every authorization response names this issuer, as discovery says
    this.flow.responseIssuer(issuer());
    // RFC 9126 §2: the issuer, the token endpoint and the PAR endpoint are all accepted as an
    // assertion's audience
    this.clientAuth =
        new ClientSecretAuthentication(
            sandbox.credentials().incodeClientId(),
            sandbox.credentials().incodeClientSecret(),
            List.of(tokenEndpoint(), issuer(), parEndpoint()));
    this.b2b = new IncodeB2b(sandbox, this, webhooks);
  }

  /** The helpdesk-initiated (B2B) sessions: request-new, the session page and the result fetch. */
  public IncodeB2b b2b() {
    return b2b;
  }

  /** Where and how the B2B sessions' webhooks go, with their fault knobs and delivery log. */
  public IncodeWebhooks webhooks() {
    return webhooks;
  }

  /**
   * Lifetime of new client-credentials tokens (Incode's: 300 s); shorter lets tests see one expire.
   */
  public void clientCredentialsLifetime(Duration lifetime) {
    this.machineTokenLifetime = lifetime;
  }

  public SigningKeys keys() {
    return keys;
  }

  /** Spoils the next token response (authorization_code grant) in the given way; NONE clears it. */
  public void tamperNext(Tamper mode) {
    tamper.set(mode);
  }

  public Tamper pendingTamper() {
    return tamper.get();
  }

  /**
   * Spoils the next authorization response (the browser's way back): no {@code iss}, or a foreign
   * one.
   */
  public void tamperNextResponse(CodeFlow.ResponseTamper mode) {
    flow.tamperNextResponse(mode);
  }

  public CodeFlow.ResponseTamper pendingResponseTamper() {
    return flow.pendingResponseTamper();
  }

  /**
   * Whether discovery advertises the pushed authorization request endpoint (RFC 9126); on by
   * default. The endpoint itself keeps answering either way, so a relying party with an older copy
   * of discovery still works.
   */
  public void advertisePushedAuthorizationRequests(boolean advertise) {
    this.parAdvertised = advertise;
  }

  public boolean advertisesPushedAuthorizationRequests() {
    return parAdvertised;
  }

  /** How long a pushed request's {@code request_uri} can be used (60 s unless changed). */
  public void pushedRequestLifetime(Duration lifetime) {
    flow.pushedLifetime(lifetime);
  }

  /** Every pushed authorization request accepted so far, oldest first. */
  public List<PushedRequest> pushedRequests() {
    return List.copyOf(pushed);
  }

  /**
   * Registers a redirect URI of the portal's Incode integration (exact match, as in the Workforce
   * dashboard).
   */
  public void registerRedirectUri(String uri) {
    flow.registerRedirectUri(uri);
  }

  /** Lifetime of new authorization codes; Incode's is about 60 seconds. */
  public void codeLifetime(Duration lifetime) {
    flow.codeLifetime(lifetime);
  }

  /**
   * The next {@code count} authorization-code requests meet this outage; NONE (or a count of 0)
   * ends it.
   */
  public void tokenOutage(TokenOutage kind, int count) {
    tokenOutagesLeft.set(kind == TokenOutage.NONE ? 0 : count);
    tokenOutage = kind;
  }

  /**
   * How long {@link Tamper#SLOW_TOKEN_ENDPOINT} holds the token response back (15 s unless
   * changed).
   */
  public void slowTokenDelay(Duration delay) {
    this.slowTokenDelay = delay;
  }

  /** Every token response so far, oldest first. */
  public List<Issued> issued() {
    return List.copyOf(issued);
  }

  public Optional<Issued> lastIssued() {
    List<Issued> all = issued();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * The identity_id Incode keeps for a directory user (its object id): what a returning user's
   * login_hint is.
   */
  public String identityIdOf(String personId) {
    return IncodeVerification.identityIdOf(personId);
  }

  private String issuer() {
    return sandbox.incodeIssuer();
  }

  private String tokenEndpoint() {
    return issuer() + "/oauth2/token";
  }

  private String parEndpoint() {
    return issuer() + "/oauth2/par";
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath().substring("/incode".length());
    String method = ex.getRequestMethod();
    try {
      switch (path) {
        case "/.well-known/openid-configuration" ->
            onlyGet(ex, () -> Http.json(ex, 200, discovery()));
        case "/oauth2/jwks" -> onlyGet(ex, () -> Http.json(ex, 200, keys.publicJwks()));
        case "/oauth2/authorize" -> {
          if ("POST".equals(method)) {
            decide(ex, Http.form(ex));
          } else {
            onlyGet(ex, () -> authorize(ex, Http.query(ex)));
          }
        }
        case "/oauth2/token" -> {
          if ("POST".equals(method)) {
            token(ex, Http.form(ex));
          } else {
            methodNotAllowed(ex, "POST");
          }
        }
        case "/oauth2/par" -> {
          if ("POST".equals(method)) {
            pushAuthorizationRequest(ex, Http.form(ex));
          } else {
            methodNotAllowed(ex, "POST");
          }
        }
        case "/userinfo" -> {
          if ("GET".equals(method) || "POST".equals(method)) {
            userinfo(ex);
          } else {
            methodNotAllowed(ex, "GET, POST");
          }
        }
        case "/connect/logout" -> onlyGet(ex, () -> logout(ex, Http.query(ex)));
        default -> {
          if (path.startsWith("/omni/") || path.startsWith("/s/")) {
            b2b.handle(ex, path);
          } else {
            Http.text(ex, 404, "not found");
          }
        }
      }
    } catch (IllegalArgumentException e) {
      // a malformed percent-encoding or similar: the client's fault, not the sandbox's
      oauthError(ex, 400, "invalid_request", "The request could not be parsed.");
    }
  }

  private interface Action {
    void run() throws IOException;
  }

  private static void onlyGet(HttpExchange ex, Action action) throws IOException {
    if ("GET".equals(ex.getRequestMethod())) {
      action.run();
    } else {
      methodNotAllowed(ex, "GET");
    }
  }

  private static void methodNotAllowed(HttpExchange ex, String allow) throws IOException {
    ex.getResponseHeaders().set("Allow", allow);
    Http.text(ex, 405, "method not allowed");
  }

  private Map<String, Object> discovery() {
    String iss = issuer();
    Map<String, Object> d =
        Json.of(
            "issuer",
            iss,
            "authorization_endpoint",
            iss + "/oauth2/authorize",
            "token_endpoint",
            tokenEndpoint(),
            "jwks_uri",
            iss + "/oauth2/jwks",
            "userinfo_endpoint",
            iss + "/userinfo",
            "end_session_endpoint",
            iss + "/connect/logout",
            "response_types_supported",
            List.of("code"),
            "response_modes_supported",
            List.of("query"),
            "grant_types_supported",
            List.of("authorization_code", "client_credentials"),
            "subject_types_supported",
            List.of("public"),
            "id_token_signing_alg_values_supported",
            List.of("RS256"),
            "token_endpoint_auth_methods_supported",
            List.of("client_secret_post", "client_secret_basic", "client_secret_jwt"),
            "token_endpoint_auth_signing_alg_values_supported",
            List.of("HS256"),
            "scopes_supported",
            SCOPES,
            "claims_supported",
            List.of(
                "sub",
                "iss",
                "aud",
                "azp",
                "exp",
                "iat",
                "jti",
                "nonce",
                "identity_id",
                "interview_id",
                "auth_overall_status",
                "auth_overall_score",
                "preferred_username",
                "email",
                "name",
                "given_name",
                "birthdate",
                "gender",
                "locale",
                "updated_at"),
            "code_challenge_methods_supported",
            List.of("S256"),
            "authorization_response_iss_parameter_supported",
            true);
    if (parAdvertised) {
      d.put("pushed_authorization_request_endpoint", parEndpoint());
    }
    return d;
  }

  // ---- authorization endpoint: the tester's verification page ----

  private void authorize(HttpExchange ex, Map<String, String> q) throws IOException {
    CodeFlow.Check check = q.containsKey("request_uri") ? flow.checkPushed(q) : flow.check(q);
    if (check instanceof CodeFlow.Refused refused
        && refused.reason() == CodeFlow.Refusal.INVALID_REQUEST_URI) {
      errorPage(
          ex,
          400,
          "This verification link has expired or was already used",
          "Go back to the application and start again (" + refused.detail() + ").");
    } else if (check instanceof CodeFlow.Refused refused) {
      errorPage(
          ex,
          400,
          "This verification link is not valid",
          "The application that sent you here is not set up correctly (" + refused.detail() + ").");
    } else if (check instanceof CodeFlow.Rejected r) {
      flow.redirectWithError(ex, r.request(), r.error(), r.description());
    } else if (check instanceof CodeFlow.Accepted a) {
      Http.html(ex, 200, verificationPage(a.request(), flow.hold(a.request())));
    }
  }

  /**
   * Who the login hint names: an employee by address, or a returning identity (face
   * re-authentication).
   */
  record Hint(String value, People.Person person, boolean identity) {

    boolean isEmail() {
      return value != null && value.contains("@");
    }
  }

  private Hint hint(CodeFlow.Request r) {
    return hint(r.loginHint());
  }

  /** Shared with the B2B sessions, whose loginHint names people the same way. */
  Hint hint(String v) {
    if (v == null || v.isBlank()) {
      return new Hint(null, null, false);
    }
    Optional<People.Person> byIdentity =
        people.all().stream().filter(p -> identityIdOf(p.id()).equals(v.trim())).findFirst();
    if (byIdentity.isPresent()) {
      return new Hint(v, byIdentity.get(), true);
    }
    return new Hint(v, people.byEmail(v).orElse(null), false);
  }

  private String verificationPage(CodeFlow.Request r, String pendingId) {
    Hint h = hint(r);
    String title = h.identity() ? "Face re-authentication" : "Identity verification";
    StringBuilder b = new StringBuilder("<h1>Incode: ").append(title).append("</h1>");
    whoIsVerified(b, h);
    b.append("<form method=\"post\" action=\"")
        .append(Http.esc(issuer() + "/oauth2/authorize"))
        .append("\">")
        .append(CodeFlow.pendingField(pendingId));
    outcomeAndPersonFields(b, h);
    b.append("<p><button type=\"submit\" name=\"")
        .append(FORM_ACTION)
        .append("\" value=\"")
        .append(ACTION_FINISH)
        .append("\">Finish verification</button> <button type=\"submit\" name=\"")
        .append(FORM_ACTION)
        .append("\" value=\"")
        .append(ACTION_CANCEL)
        .append("\">Cancel</button></p></form>");
    return Http.page("Incode " + title, b.toString());
  }

  /** Whose session it is, as the page tells the tester; shared with the B2B session page. */
  static void whoIsVerified(StringBuilder b, Hint h) {
    if (h.person() != null) {
      People.Document d = h.person().document();
      b.append("<p>")
          .append(
              h.identity()
                  ? "Returning identity <code>" + Http.esc(h.value()) + "</code>: "
                  : "Verifying ")
          .append("<strong>")
          .append(Http.esc(h.person().displayName()))
          .append("</strong> (")
          .append(Http.esc(h.person().userPrincipalName()))
          .append("). Their ID reads ")
          .append(Http.esc(d.name()))
          .append(", born ")
          .append(Http.esc(d.birthdate()))
          .append(".</p>");
    } else if (h.value() != null) {
      b.append("<p>Incode has no identity for the login hint <code>")
          .append(Http.esc(h.value()))
          .append("</code>. Choose whose ID is presented below.</p>");
    } else {
      b.append("<p>No login hint was sent. Choose whose ID is presented below.</p>");
    }
  }

  /**
   * The tester's choices, shared by the OIDC page and the B2B session page so both are driven
   * alike: radios {@code outcome-<OUTCOME>} in a fieldset, then a labelled select of whose ID is
   * presented.
   */
  void outcomeAndPersonFields(StringBuilder b, Hint h) {
    b.append("<fieldset><legend>How does the verification end?</legend>");
    for (IncodeVerification.Outcome o : IncodeVerification.Outcome.values()) {
      String id = "outcome-" + o.name();
      b.append("<div><input type=\"radio\" name=\"")
          .append(FORM_OUTCOME)
          .append("\" id=\"")
          .append(id)
          .append("\" value=\"")
          .append(o.name())
          .append('"')
          .append(o == IncodeVerification.Outcome.VERIFIED ? " checked" : "")
          .append("> <label for=\"")
          .append(id)
          .append("\">")
          .append(Http.esc(o.label()))
          .append("</label></div>");
    }
    b.append("</fieldset><p><label for=\"person\">Whose ID is presented")
        .append(h.person() != null ? " (only for \"another person's ID\")" : "")
        .append(":</label> <select id=\"person\" name=\"")
        .append(FORM_PERSON)
        .append("\">");
    List<People.Person> listed = new java.util.ArrayList<>(people.listed());
    if (h.person() != null && !listed.contains(h.person())) {
      listed.add(h.person());
    }
    for (People.Person p : listed) {
      b.append("<option value=\"")
          .append(Http.esc(p.id()))
          .append('"')
          .append(h.person() != null && h.person().id().equals(p.id()) ? " selected" : "")
          .append('>')
          .append(
              Http.esc(
                  p.document().name()
                      + ", born "
                      + p.document().birthdate()
                      + " ("
                      + p.userPrincipalName()
                      + ")"))
          .append("</option>");
    }
    b.append("</select></p>");
  }

  /** The page's post: the tester's decision becomes a code (or, on cancel, access_denied). */
  private void decide(HttpExchange ex, Map<String, String> form) throws IOException {
    IncodeVerification.Outcome outcome;
    try {
      outcome = IncodeVerification.Outcome.valueOf(form.getOrDefault(FORM_OUTCOME, "VERIFIED"));
    } catch (IllegalArgumentException e) {
      errorPage(ex, 400, "Unknown outcome", "Choose one of the outcomes on the verification page.");
      return;
    }
    Optional<CodeFlow.Request> held = flow.take(form.get(CodeFlow.FORM_PENDING));
    if (held.isEmpty()) {
      errorPage(
          ex,
          400,
          "This verification has expired or is already finished",
          "Go back to the application and start again.");
      return;
    }
    CodeFlow.Request r = held.get();
    if (ACTION_CANCEL.equals(form.get(FORM_ACTION))) {
      flow.redirectWithError(ex, r, "access_denied", "The user cancelled the verification.");
      return;
    }
    Optional<IncodeVerification> v =
        conclude(IncodeVerification.newInterviewId(), hint(r), outcome, form.get(FORM_PERSON));
    if (v.isEmpty()) {
      errorPage(
          ex,
          400,
          "Whose ID?",
          "Choose whose ID is presented, then start again from the application.");
      return;
    }
    flow.redirectWithCode(ex, r, v.get());
  }

  /**
   * What the session found, as the tester decided it: the hinted person's document unless the
   * outcome is another person's ID or the hint named nobody; then the person chosen on the page, if
   * any.
   */
  Optional<IncodeVerification> conclude(
      String interviewId, Hint h, IncodeVerification.Outcome outcome, String presentedPersonId) {
    People.Person owner =
        h.person() != null && outcome != IncodeVerification.Outcome.OTHER_PERSONS_ID
            ? h.person()
            : people.byId(presentedPersonId).orElse(null);
    if (owner == null) {
      return Optional.empty();
    }
    String email = h.isEmail() ? h.value().trim() : owner.mail();
    return Optional.of(
        new IncodeVerification(
            interviewId,
            identityIdOf(owner.id()),
            h.person() == null ? null : h.person().id(),
            owner.id(),
            outcome,
            outcome.read(owner.document()),
            email,
            h.identity(),
            Instant.now()));
  }

  // ---- pushed authorization requests (RFC 9126) ----

  /**
   * Authenticated as at the token endpoint; 201 with a single-use reference, or a JSON OAuth error.
   */
  private void pushAuthorizationRequest(HttpExchange ex, Map<String, String> form)
      throws IOException {
    ClientSecretAuthentication.Result auth = clientAuth.authenticate(ex, form);
    if (!auth.ok()) {
      if (Http.basicCredentials(ex).isPresent()) {
        ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"incode\"");
      }
      oauthError(ex, auth.status(), auth.error(), auth.description());
      return;
    }
    Map<String, String> params = new LinkedHashMap<>(form);
    // client authentication is not part of the authorization request
    params
        .keySet()
        .removeAll(List.of("client_secret", "client_assertion", "client_assertion_type"));
    CodeFlow.Pushed p = flow.push(params, sandbox.credentials().incodeClientId());
    if (!p.ok()) {
      oauthError(ex, 400, p.error(), p.description());
      return;
    }
    pushed.add(new PushedRequest(p.request(), p.requestUri(), Instant.now()));
    Http.json(ex, 201, Json.of("request_uri", p.requestUri(), "expires_in", p.expiresIn()));
  }

  // ---- token endpoint ----

  private void token(HttpExchange ex, Map<String, String> form) throws IOException {
    ClientSecretAuthentication.Result auth = clientAuth.authenticate(ex, form);
    if (!auth.ok()) {
      if (Http.basicCredentials(ex).isPresent()) {
        ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"incode\"");
      }
      oauthError(ex, auth.status(), auth.error(), auth.description());
      return;
    }
    String grant = form.getOrDefault("grant_type", "");
    switch (grant) {
      case "authorization_code" -> authorizationCode(ex, form);
      case "client_credentials" -> clientCredentials(ex, form);
      default -> oauthError(ex, 400, "unsupported_grant_type", "Unsupported grant_type.");
    }
  }

  private void authorizationCode(HttpExchange ex, Map<String, String> form) throws IOException {
    TokenOutage outage =
        tokenOutagesLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? tokenOutage : TokenOutage.NONE;
    if (outage == TokenOutage.SERVER_ERROR) {
      oauthError(ex, 503, "temporarily_unavailable", "The service is temporarily unavailable.");
      return;
    }
    if (outage == TokenOutage.DROP_CONNECTION) {
      flow.redeem(
          form.get("code"),
          sandbox.credentials().incodeClientId(),
          form.get("redirect_uri"),
          form.get("code_verifier"));
      ex.close();
      return;
    }
    if (tamper.compareAndSet(Tamper.SLOW_TOKEN_ENDPOINT, Tamper.NONE)) {
      try {
        Thread.sleep(slowTokenDelay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ex.close();
        return;
      }
    }
    CodeFlow.Redemption<IncodeVerification> red =
        flow.redeem(
            form.get("code"),
            sandbox.credentials().incodeClientId(),
            form.get("redirect_uri"),
            form.get("code_verifier"));
    if (!red.ok()) {
      if (red.failure() == CodeFlow.Failure.ALREADY_USED) {
        String interview = red.payload().interviewId();
        sessions.values().removeIf(s -> s.verification().interviewId().equals(interview));
      }
      oauthError(
          ex,
          400,
          "invalid_grant",
          switch (red.failure()) {
            case EXPIRED -> "The authorization code has expired.";
            case ALREADY_USED -> "The authorization code has already been used.";
            case WRONG_REDIRECT_URI -> "redirect_uri does not match the authorization request.";
            case PKCE_MISMATCH, UNEXPECTED_VERIFIER -> "PKCE verification failed.";
            default -> "The authorization code is invalid.";
          });
      return;
    }
    Tamper t = tamper.getAndSet(Tamper.NONE);
    IncodeVerification v = red.payload();
    Instant now = Instant.now();
    String jti = UUID.randomUUID().toString();
    String accessToken =
        keys.sign(
            new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(v.interviewId())
                .audience(red.request().clientId())
                .claim("client_id", red.request().clientId())
                .claim("scope", red.request().scope())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(TOKEN_SECONDS)))
                .jwtID(jti)
                .build());
    sessions.values().removeIf(s -> s.expires().isBefore(now));
    sessions.put(jti, new Session(v, red.request().scope(), t, now.plusSeconds(TOKEN_SECONDS)));
    String idToken = signIdToken(idTokenClaims(v, red.request(), t, now), t);
    issued.add(new Issued(v, t, idToken, accessToken, now));
    Http.json(
        ex,
        200,
        Json.of(
            "access_token",
            accessToken,
            "id_token",
            idToken,
            "token_type",
            "Bearer",
            "expires_in",
            TOKEN_SECONDS));
  }

  /**
   * Claims exactly as Incode's guide shows them; profile and email scopes add preferred_username
   * and email.
   */
  private JWTClaimsSet idTokenClaims(
      IncodeVerification v, CodeFlow.Request r, Tamper t, Instant now) {
    Instant iat =
        switch (t) {
          case EXPIRED -> now.minusSeconds(2 * 3600);
          case ISSUED_IN_FUTURE -> now.plusSeconds(3600);
          default -> now;
        };
    String aud = t == Tamper.WRONG_AUDIENCE ? "another-" + r.clientId() : r.clientId();
    JWTClaimsSet.Builder c =
        new JWTClaimsSet.Builder()
            .subject(v.interviewId())
            .claim("identity_id", v.identityId())
            .claim("interview_id", v.interviewId())
            .issuer(t == Tamper.WRONG_ISSUER ? REAL_DEMO_ISSUER : issuer());
    if (t == Tamper.EXTRA_AUDIENCE) {
      c.audience(List.of(r.clientId(), EXTRA_AUDIENCE));
    } else {
      c.audience(aud).claim("azp", aud);
    }
    if (r.hasScope("profile")) {
      c.claim("preferred_username", v.email());
    }
    if (r.hasScope("email")) {
      c.claim("email", v.email());
    }
    if (t == Tamper.UNKNOWN_STATUS) {
      c.claim("auth_overall_status", UNKNOWN_STATUS);
    } else if (t != Tamper.MISSING_STATUS) {
      c.claim("auth_overall_status", v.status());
    }
    c.claim("auth_overall_score", v.score())
        .expirationTime(Date.from(iat.plusSeconds(t == Tamper.EXPIRED ? 3600 : TOKEN_SECONDS)))
        .issueTime(Date.from(iat))
        .jwtID(UUID.randomUUID().toString());
    if (t == Tamper.WRONG_NONCE) {
      c.claim("nonce", CodeFlow.random());
    } else if (r.nonce() != null) {
      c.claim("nonce", r.nonce());
    }
    return c.build();
  }

  private String signIdToken(JWTClaimsSet claims, Tamper t) {
    try {
      return switch (t) {
        case BAD_SIGNATURE -> {
          String[] parts = keys.sign(claims).split("\\.");
          JWTClaimsSet altered =
              new JWTClaimsSet.Builder(claims)
                  .claim("auth_overall_status", "OK")
                  .expirationTime(Date.from(Instant.now().plus(Duration.ofDays(1))))
                  .build();
          yield parts[0] + "." + altered.toPayload().toBase64URL() + "." + parts[2];
        }
        case UNKNOWN_KID -> strayKeys().sign(claims);
        case ALG_NONE -> new PlainJWT(claims).serialize();
        case HS256_WITH_CLIENT_SECRET -> {
          SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
          jwt.sign(
              new MACSigner(
                  sandbox.credentials().incodeClientSecret().getBytes(StandardCharsets.UTF_8)));
          yield jwt.serialize();
        }
        default -> keys.sign(claims);
      };
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key pair of the right kind that this issuer never publishes. */
  private synchronized SigningKeys strayKeys() {
    if (strayKeys == null) {
      strayKeys = new SigningKeys();
    }
    return strayKeys;
  }

  /** The B2B API's machine token (seed 000, option 02): no ID token, 300 seconds. */
  private void clientCredentials(HttpExchange ex, Map<String, String> form) throws IOException {
    String scope = form.getOrDefault("scope", "openid");
    if (!SCOPES.containsAll(List.of(scope.trim().split("\\s+")))) {
      oauthError(ex, 400, "invalid_scope", "The requested scope is not enabled for this client.");
      return;
    }
    Instant now = Instant.now();
    long seconds = Math.max(1, machineTokenLifetime.toSeconds());
    Instant expires = now.plusMillis(Math.max(1, machineTokenLifetime.toMillis()));
    String clientId = sandbox.credentials().incodeClientId();
    String jti = UUID.randomUUID().toString();
    String token =
        keys.sign(
            new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(clientId)
                .audience(clientId)
                .claim("client_id", clientId)
                .claim("scope", scope)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(jti)
                .build());
    machineTokens.values().removeIf(e -> e.isBefore(now));
    machineTokens.put(jti, expires);
    Http.json(
        ex, 200, Json.of("access_token", token, "token_type", "Bearer", "expires_in", seconds));
  }

  /**
   * Whether {@code token} is a live client-credentials token of this issuer. A user's access token
   * from the code flow is not one: the B2B API is for the integration's server, not for a person's
   * session.
   */
  boolean isMachineToken(String token) {
    JWTClaimsSet c = keys.verify(token);
    if (c == null || c.getJWTID() == null || !issuer().equals(c.getIssuer())) {
      return false;
    }
    Instant expires = machineTokens.get(c.getJWTID());
    return expires != null && expires.isAfter(Instant.now());
  }

  // ---- userinfo ----

  private void userinfo(HttpExchange ex) throws IOException {
    Optional<String> bearer = Http.bearer(ex);
    if (bearer.isEmpty()) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"incode\"");
      Http.empty(ex, 401);
      return;
    }
    JWTClaimsSet c = keys.verify(bearer.get());
    Session s = c == null || c.getJWTID() == null ? null : sessions.get(c.getJWTID());
    if (s == null || !issuer().equals(c.getIssuer()) || s.expires().isBefore(Instant.now())) {
      ex.getResponseHeaders()
          .set(
              "WWW-Authenticate",
              "Bearer realm=\"incode\", error=\"invalid_token\", error_description=\"The access token is invalid or has expired.\"");
      Http.empty(ex, 401);
      return;
    }
    Http.json(ex, 200, userinfoClaims(s));
  }

  /**
   * In the order of Incode's example response; name, birthdate and gender come off the document.
   */
  private Map<String, Object> userinfoClaims(Session s) {
    IncodeVerification v = s.verification();
    People.Document d = v.document();
    boolean profile = CodeFlow.scopeIncludes(s.scope(), "profile");
    Map<String, Object> u = new LinkedHashMap<>();
    u.put(
        "sub",
        s.tamper() == Tamper.USERINFO_SUB_MISMATCH
            ? IncodeVerification.newInterviewId()
            : v.interviewId());
    u.put("identity_id", v.identityId());
    u.put("interview_id", v.interviewId());
    if (profile) {
      u.put("name", d.name());
      u.put("given_name", s.tamper() == Tamper.GIVEN_NAME_IS_FULL_NAME ? d.name() : d.givenName());
      u.put("preferred_username", v.email());
    }
    if (CodeFlow.scopeIncludes(s.scope(), "email")) {
      u.put("email", v.email());
    }
    if (profile) {
      u.put("birthdate", d.birthdate());
      if (d.gender() != null) {
        u.put("gender", d.gender());
      }
      u.put("locale", "en-US");
      u.put("updated_at", v.completedAt().toEpochMilli());
    }
    u.values().removeIf(Objects::isNull);
    return u;
  }

  private void logout(HttpExchange ex, Map<String, String> q) throws IOException {
    String back = q.get("post_logout_redirect_uri");
    String link =
        back != null && flow.redirectUris().contains(back)
            ? "<p><a href=\"" + Http.esc(back) + "\">Return to the application</a></p>"
            : "";
    Http.html(
        ex,
        200,
        Http.page(
            "Signed out",
            "<h1>Incode: signed out</h1><p>Your Incode session has ended.</p>" + link));
  }

  private static void oauthError(HttpExchange ex, int status, String error, String description)
      throws IOException {
    Http.json(ex, status, Json.of("error", error, "error_description", description));
  }

  private static void errorPage(HttpExchange ex, int status, String title, String message)
      throws IOException {
    Http.html(
        ex,
        status,
        Http.page(title, "<h1>" + Http.esc(title) + "</h1><p>" + Http.esc(message) + "</p>"));
  }
}
