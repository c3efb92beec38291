package io.recoveryportal.sandbox;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's Microsoft Entra ID, served over HTTPS under {@code /{tenant}/...} as login.microsoftonline.com is:
 * the v2.0 token endpoint (client credentials for the portal's Graph calls) and, for staff sign-in, the
 * OpenID Connect endpoints (see {@link #handleSignIn}).
 */
public final class EntraApi implements HttpHandler {

    /** Graph's resource identifiers, as they appear in a token's "aud". */
    public static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";

    /** The application permissions the sandbox grants the portal (app roles on Graph), least privilege first. */
    public static final List<String> DEFAULT_GRAPH_PERMISSIONS = List.of(
            "User.Read.All", "GroupMember.Read.All", "RoleManagement.Read.Directory",
            "User-PasswordProfile.ReadWrite.All", "UserAuthenticationMethod.ReadWrite.All",
            "User.RevokeSessions.All", "User.EnableDisableAccount.All");

    private static final Pattern TOKEN_PATH = Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token$");
    private static final long ACCESS_TOKEN_SECONDS = 3599;

    private final Sandbox sandbox;
    private final Set<String> grantedPermissions = new LinkedHashSet<>(DEFAULT_GRAPH_PERMISSIONS);

    EntraApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Changes what the portal's app registration is granted (tests of 403 Authorization_RequestDenied). */
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
            aadError(ex, 400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '" + grant + "'.");
        }
    }

    /** Client id and secret from the form (client_secret_post) or HTTP Basic; null when they are wrong. */
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
            aadError(ex, 401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
            return;
        }
        String scope = form.getOrDefault("scope", "");
        if (!Set.of(scope.split(" ")).contains(GRAPH_AUDIENCE + "/.default")) {
            aadError(ex, 400, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.");
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuerV1()).audience(GRAPH_AUDIENCE).subject(clientId)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(ACCESS_TOKEN_SECONDS)))
                .jwtID(UUID.randomUUID().toString())
                .claim("tid", sandbox.credentials().tenantId()).claim("appid", clientId)
                .claim("idtyp", "app").claim("roles", List.copyOf(grantedPermissions()))
                .build();
        Http.json(ex, 200, Json.of("token_type", "Bearer", "expires_in", ACCESS_TOKEN_SECONDS,
                "ext_expires_in", ACCESS_TOKEN_SECONDS, "access_token", sandbox.entraKeys().sign(claims)));
    }

    /**
     * Checks a Graph bearer token as Graph would: signed by this tenant's keys, for Graph, unexpired. Returns
     * the claims, or null when Graph would answer 401 InvalidAuthenticationToken.
     */
    public JWTClaimsSet verifyGraphToken(String token) {
        JWTClaimsSet c = sandbox.entraKeys().verify(token);
        if (c == null || c.getAudience() == null || !c.getAudience().contains(GRAPH_AUDIENCE)
                || !issuerV1().equals(c.getIssuer()) || c.getExpirationTime() == null
                || c.getExpirationTime().before(new Date())) {
            return null;
        }
        return c;
    }

    /** Entra's error body: error, error_description with the AADSTS code, error_codes, trace and correlation ids. */
    static void aadError(HttpExchange ex, int status, String error, int aadsts, String description) throws IOException {
        String trace = UUID.randomUUID().toString();
        Http.json(ex, status, Json.of("error", error,
                "error_description", "AADSTS" + aadsts + ": " + description + " Trace ID: " + trace,
                "error_codes", List.of(aadsts), "timestamp", Instant.now().toString(),
                "trace_id", trace, "correlation_id", UUID.randomUUID().toString()));
    }

    // ---- staff sign-in (OpenID Connect): discovery, authorize, authorization_code, JWKS ----

    /** Staff sign-in endpoints; everything that is not the client-credentials token call lands here. */
    private void handleSignIn(HttpExchange ex, String path) throws IOException {
        // TODO(staff sign-in): implemented by the OIDC part of the sandbox
        Http.text(ex, 404, "not found");
    }

    private void staffCodeExchange(HttpExchange ex, Map<String, String> form) throws IOException {
        // TODO(staff sign-in): implemented by the OIDC part of the sandbox
        aadError(ex, 400, "invalid_grant", 70000, "The provided authorization code is invalid.");
    }
}
