package io.recoveryportal.sandbox;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's Microsoft Entra ID, served over HTTPS under {@code /{tenant}/...} as
 * login.microsoftonline.com is: the v2.0 token endpoint (client credentials for the portal's Graph
 * calls) and, for staff sign-in, the OpenID Connect endpoints (see {@link #handleSignIn}).
 */
public final class EntraApi implements HttpHandler {

  /** Graph's resource identifiers, as they appear in a token's "aud". */
  public static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";

  /**
   * The application permissions the sandbox grants the portal (app roles on Graph), least privilege
   * first.
   */
  public static final List<String> DEFAULT_GRAPH_PERMISSIONS =
      List.of(
          "User.Read.All",
          "GroupMember.Read.All",
          "RoleManagement.Read.Directory",
          "User-PasswordProfile.ReadWrite.All",
          "UserAuthenticationMethod.ReadWrite.All",
          "User.RevokeSessions.All",
          "User.EnableDisableAccount.All");

  private static final Pattern TOKEN_PATH = Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token$");
  private static final long ACCESS_TOKEN_SECONDS = 3599;

  private final Sandbox sandbox;
  private final Set<String> grantedPermissions = new LinkedHashSet<>(DEFAULT_GRAPH_PERMISSIONS);
  private final People people;
  private final CodeFlow<People.Person> signIns;

  EntraApi(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.people = People.of(sandbox.directory());
    this.signIns = new CodeFlow<>(sandbox.credentials().portalClientId(), Duration.ofMinutes(10));
  }

  /**
   * Changes what the portal's app registration is granted (tests of 403
   * Authorization_RequestDenied).
   */
  public synchronized void grantPermissions(Set<String> permissions) {
    grantedPermissions.clear();
    grantedPermissions.addAll(permissions);
  }

  public synchronized Set<String> grantedPermissions() {
    return Set.copyOf(grantedPermissions);
  }

  public String issuerV1() {
    return "https://sts.windows.net/" + sandbox.credentials().tenantId() + "/";
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    Matcher m = TOKEN_PATH.matcher(path);
    if (m.matches() && "POST".equals(ex.getRequestMethod())) {
      token(ex, m.group(1));
      return;
    }
    handleSignIn(ex, path);
  }

  private void token(HttpExchange ex, String tenant) throws IOException {
    Map<String, String> form = Http.form(ex);
    if (!sandbox.credentials().tenantId().equals(tenant)) {
      aadError(ex, 400, "invalid_request", 90002, "Tenant '" + tenant + "' not found.");
      return;
    }
    String grant = form.getOrDefault("grant_type", "");
    if ("client_credentials".equals(grant)) {
      clientCredentials(ex, form);
    } else if ("authorization_code".equals(grant)) {
      staffCodeExchange(ex, form);
    } else {
      aadError(
          ex,
          400,
          "unsupported_grant_type",
          70003,
          "The app requested an unsupported grant type '" + grant + "'.");
    }
  }

  /**
   * Client id and secret from the form (client_secret_post) or HTTP Basic; null when they are
   * wrong.
   */
  String authenticatedClient(HttpExchange ex, Map<String, String> form) {
    String id = form.get("client_id");
    String secret = form.get("client_secret");
    var basic = Http.basicCredentials(ex);
    if (basic.isPresent()) {
      id = basic.get()[0];
      secret = basic.get()[1];
    }
    var c = sandbox.credentials();
    return c.portalClientId().equals(id) && c.portalClientSecret().equals(secret) ? id : null;
  }

  private void clientCredentials(HttpExchange ex, Map<String, String> form) throws IOException {
    String clientId = authenticatedClient(ex, form);
    if (clientId == null) {
      aadError(
          ex,
          401,
          "invalid_client",
          7000215,
          "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
      return;
    }
    String scope = form.getOrDefault("scope", "");
    if (!Set.of(scope.split(" ")).contains(GRAPH_AUDIENCE + "/.default")) {
      aadError(
          ex,
          400,
          "invalid_scope",
          1002012,
          "The provided value for scope "
              + scope
              + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.");
      return;
    }
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuerV1())
            .audience(GRAPH_AUDIENCE)
            .subject(clientId)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(ACCESS_TOKEN_SECONDS)))
            .jwtID(UUID.randomUUID().toString())
            .claim("tid", sandbox.credentials().tenantId())
            .claim("appid", clientId)
            .claim("idtyp", "app")
            .claim("roles", List.copyOf(grantedPermissions()))
            .build();
    Http.json(
        ex,
        200,
        Json.of(
            "token_type",
            "Bearer",
            "expires_in",
            ACCESS_TOKEN_SECONDS,
            "ext_expires_in",
            ACCESS_TOKEN_SECONDS,
            "access_token",
            sandbox.entraKeys().sign(claims)));
  }

  /**
   * Checks a Graph bearer token as Graph would: signed by this tenant's keys, for Graph, unexpired.
   * Returns the claims, or null when Graph would answer 401 InvalidAuthenticationToken.
   */
  public JWTClaimsSet verifyGraphToken(String token) {
    JWTClaimsSet c = sandbox.entraKeys().verify(token);
    if (c == null
        || c.getAudience() == null
        || !c.getAudience().contains(GRAPH_AUDIENCE)
        || !issuerV1().equals(c.getIssuer())
        || c.getExpirationTime() == null
        || c.getExpirationTime().before(new Date())) {
      return null;
    }
    return c;
  }

  /**
   * Entra's error body: error, error_description with the AADSTS code, error_codes, trace and
   * correlation ids.
   */
  static void aadError(HttpExchange ex, int status, String error, int aadsts, String description)
      throws IOException {
    String trace = UUID.randomUUID().toString();
    Http.json(
        ex,
        status,
        Json.of(
            "error",
            error,
            "error_description",
            "AADSTS" + aadsts + ": " + description + " Trace ID: " + trace,
            "error_codes",
            List.of(aadsts),
            "timestamp",
            Instant.now().toString(),
            "trace_id",
            trace,
            "correlation_id",
            UUID.randomUUID().toString()));
  }

  // ---- staff sign-in (OpenID Connect): discovery, authorize, authorization_code, JWKS ----

  /** The authorization endpoint's page posts these back. */
  public static final String FORM_USER = "user";

  public static final String FORM_ACTION = "action";
  public static final String ACTION_SIGN_IN = "signin";
  public static final String ACTION_CANCEL = "cancel";

  /** Microsoft Graph's application id: the audience of a delegated Graph token. */
  private static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

  private static final Pattern SIGN_IN_PATH =
      Pattern.compile(
          "^/([^/]+)/(v2\\.0/\\.well-known/openid-configuration|discovery/v2\\.0/keys|oauth2/v2\\.0/authorize|oauth2/v2\\.0/logout)$");

  /** Registers a redirect URI on the portal's app registration (exact match, as Entra requires). */
  public void registerRedirectUri(String uri) {
    signIns.registerRedirectUri(uri);
  }

  /**
   * Whether sign-in responses carry {@code iss} and discovery advertises it (RFC 9207). Off by
   * default, as Entra's own discovery document does not advertise it; tests turn it on to see the
   * portal insist on it.
   */
  public void issParameter(boolean on) {
    signIns.responseIssuer(on ? issuerV2() : null);
  }

  public boolean sendsIssParameter() {
    return signIns.responseIssuer() != null;
  }

  /**
   * Spoils the next sign-in response (the browser's way back): no {@code iss}, or a foreign one.
   */
  public void tamperNextResponse(CodeFlow.ResponseTamper mode) {
    signIns.tamperNextResponse(mode);
  }

  public CodeFlow.ResponseTamper pendingResponseTamper() {
    return signIns.pendingResponseTamper();
  }

  /** Lifetime of new authorization codes (Entra's are good for about ten minutes). */
  public void codeLifetime(Duration lifetime) {
    signIns.codeLifetime(lifetime);
  }

  /** The v2.0 issuer, as in the ID tokens and the discovery document. */
  public String issuerV2() {
    return sandbox.entraAuthorityHost() + "/" + sandbox.credentials().tenantId() + "/v2.0";
  }

  /**
   * Staff sign-in endpoints; everything that is not the client-credentials token call lands here.
   */
  private void handleSignIn(HttpExchange ex, String path) throws IOException {
    Matcher m = SIGN_IN_PATH.matcher(path);
    if (!m.matches()) {
      Http.text(ex, 404, "not found");
      return;
    }
    String endpoint = m.group(2);
    boolean page = endpoint.startsWith("oauth2/");
    String tenant = sandbox.credentials().tenantId();
    if (!tenant.equals(m.group(1))) {
      String why =
          "Tenant '"
              + m.group(1)
              + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.";
      if (page) {
        aadErrorPage(ex, 400, 90002, why);
      } else {
        aadError(ex, 400, "invalid_tenant", 90002, why);
      }
      return;
    }
    String method = ex.getRequestMethod();
    try {
      if ("oauth2/v2.0/authorize".equals(endpoint) && "POST".equals(method)) {
        decideSignIn(ex, Http.form(ex));
      } else if (!"GET".equals(method)) {
        ex.getResponseHeaders().set("Allow", "GET");
        Http.text(ex, 405, "method not allowed");
      } else {
        switch (endpoint) {
          case "v2.0/.well-known/openid-configuration" -> Http.json(ex, 200, discovery());
          case "discovery/v2.0/keys" -> Http.json(ex, 200, sandbox.entraKeys().publicJwks());
          case "oauth2/v2.0/authorize" -> authorize(ex, Http.query(ex));
          default ->
              Http.html(
                  ex,
                  200,
                  Http.page(
                      "Signed out",
                      "<h1>You signed out of your account</h1><p>It's a good idea to close all browser windows.</p>"));
        }
      }
    } catch (IllegalArgumentException e) {
      // a malformed percent-encoding: the client's fault, answered like any other bad request
      aadError(ex, 400, "invalid_request", 900144, "The request could not be parsed.");
    }
  }

  private Map<String, Object> discovery() {
    String tenantBase = sandbox.entraAuthorityHost() + "/" + sandbox.credentials().tenantId();
    Map<String, Object> d =
        Json.of(
            "token_endpoint",
            tenantBase + "/oauth2/v2.0/token",
            "token_endpoint_auth_methods_supported",
            List.of("client_secret_post", "client_secret_basic", "private_key_jwt"),
            "jwks_uri",
            tenantBase + "/discovery/v2.0/keys",
            "response_modes_supported",
            List.of("query"),
            "subject_types_supported",
            List.of("pairwise"),
            "id_token_signing_alg_values_supported",
            List.of("RS256"),
            "response_types_supported",
            List.of("code"),
            "scopes_supported",
            List.of("openid", "profile", "email", "offline_access"),
            "issuer",
            issuerV2(),
            "request_uri_parameter_supported",
            false,
            "authorization_endpoint",
            tenantBase + "/oauth2/v2.0/authorize",
            "http_logout_supported",
            true,
            "frontchannel_logout_supported",
            true,
            "end_session_endpoint",
            tenantBase + "/oauth2/v2.0/logout",
            "claims_supported",
            List.of(
                "sub",
                "iss",
                "aud",
                "exp",
                "iat",
                "nbf",
                "nonce",
                "ver",
                "tid",
                "oid",
                "preferred_username",
                "name",
                "email",
                "roles"),
            "code_challenge_methods_supported",
            List.of("S256"),
            "tenant_region_scope",
            "EU",
            "cloud_instance_name",
            "microsoftonline.com");
    if (sendsIssParameter()) {
      d.put("authorization_response_iss_parameter_supported", true);
    }
    return d;
  }

  private void authorize(HttpExchange ex, Map<String, String> q) throws IOException {
    CodeFlow.Check check = signIns.check(q);
    if (check instanceof CodeFlow.Refused refused) {
      var c = sandbox.credentials();
      if (refused.reason() == CodeFlow.Refusal.UNKNOWN_CLIENT) {
        aadErrorPage(
            ex,
            400,
            700016,
            "Application with identifier '"
                + q.getOrDefault("client_id", "")
                + "' was not found in the directory '"
                + c.tenantId()
                + "'.");
      } else {
        aadErrorPage(
            ex,
            400,
            50011,
            "The redirect URI '"
                + q.getOrDefault("redirect_uri", "")
                + "' specified in the request does not match the redirect URIs configured for the application '"
                + c.portalClientId()
                + "'.");
      }
    } else if (check instanceof CodeFlow.Rejected r) {
      signIns.redirectWithError(ex, r.request(), r.error(), r.description());
    } else if (check instanceof CodeFlow.Accepted a) {
      Http.html(ex, 200, accountPicker(a.request(), signIns.hold(a.request())));
    }
  }

  /** Entra's "Pick an account", with every seeded user: disabled ones are there to be refused. */
  private String accountPicker(CodeFlow.Request r, String pendingId) {
    String preselected =
        people
            .byEmail(r.loginHint())
            .filter(People.Person::enabled)
            .or(() -> people.all().stream().filter(People.Person::enabled).findFirst())
            .map(People.Person::id)
            .orElse("");
    StringBuilder b =
        new StringBuilder("<h1>Sign in to ")
            .append(Http.esc(sandbox.directory().appId()))
            .append(
                "</h1><p>Pick the account that signs in. App roles come from the demo directory.</p>")
            .append("<form method=\"post\" action=\"")
            .append(
                Http.esc(
                    sandbox.entraAuthorityHost()
                        + "/"
                        + sandbox.credentials().tenantId()
                        + "/oauth2/v2.0/authorize"))
            .append("\">")
            .append(CodeFlow.pendingField(pendingId));
    for (boolean enabled : new boolean[] {true, false}) {
      b.append("<fieldset><legend>")
          .append(enabled ? "Accounts" : "Disabled accounts (sign-in is refused)")
          .append("</legend>");
      for (People.Person p : people.all()) {
        if (p.enabled() != enabled) {
          continue;
        }
        String id = "user-" + p.id();
        b.append("<div><input type=\"radio\" name=\"")
            .append(FORM_USER)
            .append("\" id=\"")
            .append(id)
            .append("\" value=\"")
            .append(Http.esc(p.id()))
            .append('"')
            .append(preselected.equals(p.id()) ? " checked" : "")
            .append("> <label for=\"")
            .append(id)
            .append("\">")
            .append(Http.esc(p.displayName()))
            .append(" (")
            .append(Http.esc(p.userPrincipalName()))
            .append(")")
            .append(p.appRoles().isEmpty() ? "" : ": " + Http.esc(String.join(", ", p.appRoles())))
            .append("</label></div>");
      }
      b.append("</fieldset>");
    }
    b.append("<p><button type=\"submit\" name=\"")
        .append(FORM_ACTION)
        .append("\" value=\"")
        .append(ACTION_SIGN_IN)
        .append("\">Sign in</button> <button type=\"submit\" name=\"")
        .append(FORM_ACTION)
        .append("\" value=\"")
        .append(ACTION_CANCEL)
        .append("\">Cancel</button></p></form>");
    return Http.page("Sign in to your account", b.toString());
  }

  private void decideSignIn(HttpExchange ex, Map<String, String> form) throws IOException {
    Optional<People.Person> user = people.byId(form.getOrDefault(FORM_USER, ""));
    boolean cancel = ACTION_CANCEL.equals(form.get(FORM_ACTION));
    if (user.isEmpty() && !cancel) {
      Http.html(
          ex,
          400,
          Http.page(
              "Sign in",
              "<h1>Pick an account</h1><p>No account was chosen. Go back and pick one.</p>"));
      return;
    }
    Optional<CodeFlow.Request> held = signIns.take(form.get(CodeFlow.FORM_PENDING));
    if (held.isEmpty()) {
      Http.html(
          ex,
          400,
          Http.page(
              "Sign in",
              "<h1>This sign-in request has expired</h1>"
                  + "<p>Go back to the application and sign in again.</p>"));
    } else if (cancel) {
      signIns.redirectWithError(
          ex,
          held.get(),
          "access_denied",
          "AADSTS65004: User declined to consent to access the app.");
    } else if (!user.get().enabled()) {
      aadErrorPage(
          ex,
          400,
          50057,
          "The user account is disabled. The account has been disabled by an administrator.");
    } else {
      signIns.redirectWithCode(ex, held.get(), user.get());
    }
  }

  private void staffCodeExchange(HttpExchange ex, Map<String, String> form) throws IOException {
    String clientId = authenticatedClient(ex, form);
    if (clientId == null) {
      aadError(
          ex,
          401,
          "invalid_client",
          7000215,
          "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
      return;
    }
    CodeFlow.Redemption<People.Person> red =
        signIns.redeem(
            form.get("code"), clientId, form.get("redirect_uri"), form.get("code_verifier"));
    if (!red.ok()) {
      switch (red.failure()) {
        case ALREADY_USED ->
            aadError(
                ex,
                400,
                "invalid_grant",
                54005,
                "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");
        case EXPIRED ->
            aadError(
                ex,
                400,
                "invalid_grant",
                70008,
                "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.");
        case WRONG_REDIRECT_URI ->
            aadError(
                ex,
                400,
                "invalid_grant",
                500112,
                "The reply address does not match the reply address provided when requesting Authorization code.");
        case PKCE_MISMATCH, UNEXPECTED_VERIFIER ->
            aadError(
                ex,
                400,
                "invalid_grant",
                501481,
                "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
        default ->
            aadError(
                ex, 400, "invalid_grant", 70000, "The provided authorization code is invalid.");
      }
      return;
    }
    People.Person p = red.payload();
    CodeFlow.Request r = red.request();
    String tenant = sandbox.credentials().tenantId();
    Instant now = Instant.now();
    JWTClaimsSet.Builder id =
        new JWTClaimsSet.Builder()
            .audience(clientId)
            .issuer(issuerV2())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(ACCESS_TOKEN_SECONDS)))
            .claim("name", p.displayName())
            .claim("oid", p.id())
            .claim("preferred_username", p.userPrincipalName())
            .subject(pairwiseSubject(p.id(), clientId))
            .claim("tid", tenant)
            .claim("uti", CodeFlow.random().substring(0, 22))
            .claim("ver", "2.0");
    if (r.nonce() != null) {
      id.claim("nonce", r.nonce());
    }
    if (r.hasScope("email") && p.mail() != null) {
      id.claim("email", p.mail());
    }
    if (!p.appRoles().isEmpty()) {
      id.claim("roles", p.appRoles());
    }
    String scope = "openid profile email https://graph.microsoft.com/User.Read";
    JWTClaimsSet access =
        new JWTClaimsSet.Builder()
            .audience(GRAPH_APP_ID)
            .issuer(issuerV1())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(ACCESS_TOKEN_SECONDS)))
            .subject(pairwiseSubject(p.id(), GRAPH_APP_ID))
            .claim("oid", p.id())
            .claim("tid", tenant)
            .claim("upn", p.userPrincipalName())
            .claim("name", p.displayName())
            .claim("appid", clientId)
            .claim("scp", "openid profile email User.Read")
            .claim("ver", "1.0")
            .jwtID(UUID.randomUUID().toString())
            .build();
    Http.json(
        ex,
        200,
        Json.of(
            "token_type",
            "Bearer",
            "scope",
            scope,
            "expires_in",
            ACCESS_TOKEN_SECONDS,
            "ext_expires_in",
            ACCESS_TOKEN_SECONDS,
            "access_token",
            sandbox.entraKeys().sign(access, JOSEObjectType.JWT),
            "id_token",
            sandbox.entraKeys().sign(id.build(), JOSEObjectType.JWT)));
  }

  /** Entra's sub is pairwise: the same person has a different, stable sub in every application. */
  static String pairwiseSubject(String objectId, String appId) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((objectId + "|" + appId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Entra's sign-in error page: the AADSTS code and ids a helpdesk would ask for; never a redirect.
   */
  private static void aadErrorPage(HttpExchange ex, int status, int aadsts, String description)
      throws IOException {
    Http.html(
        ex,
        status,
        Http.page(
            "Sign in to your account",
            "<h1>Sign in</h1>"
                + "<p>Sorry, but we're having trouble signing you in.</p><p><strong>AADSTS"
                + aadsts
                + ":</strong> "
                + Http.esc(description)
                + "</p><p>Request Id: "
                + UUID.randomUUID()
                + "<br>Correlation Id: "
                + UUID.randomUUID()
                + "<br>Timestamp: "
                + Instant.now()
                + "</p>"));
  }
}
