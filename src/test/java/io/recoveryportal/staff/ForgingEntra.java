package io.recoveryportal.staff;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.recoveryportal.sandbox.Sandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiFunction;
import javax.net.ssl.SSLContext;

/**
 * A man in the middle for the token response: an issuer on loopback that serves the sandbox Entra's
 * discovery (rewritten to its own address) and JWKS, relays the code exchange to the sandbox, and
 * hands the portal an ID token of the test's making: the sandbox's claims with this issuer, changed
 * by a forger, signed by the sandbox's current key unless the forger signs otherwise. With the
 * identity forger the portal signs in as usual, so every refusal is the forgery's doing.
 */
final class ForgingEntra implements AutoCloseable {

  /**
   * Gets the claims as the genuine issuer would send them (with this issuer), returns the ID token
   * to hand out.
   */
  interface Forger extends BiFunction<JWTClaimsSet, Sandbox, String> {}

  static final Forger GENUINE =
      (claims, sandbox) -> sandbox.entraKeys().sign(claims, JOSEObjectType.JWT);

  private final Sandbox sandbox;
  private final HttpServer server;
  private final HttpClient upstream;
  private final String sandboxBase;
  private final String ownBase;
  private volatile Forger forger = GENUINE;

  ForgingEntra(Sandbox sandbox, SSLContext tls) throws IOException {
    this.sandbox = sandbox;
    this.upstream = HttpClient.newBuilder().sslContext(tls).build();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    this.sandboxBase = sandbox.entraAuthorityHost();
    this.ownBase = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", this::handle);
    server.start();
  }

  /** The issuer to configure as {@code staff.issuer}. */
  String issuer() {
    return ownBase + "/" + sandbox.credentials().tenantId() + "/v2.0";
  }

  void forgeWith(Forger f) {
    this.forger = f;
  }

  /**
   * The browser goes to the sandbox's own sign-in page; only the back channel runs through here.
   */
  URI toSandbox(URI authorizationUri) {
    return URI.create(authorizationUri.toString().replace(ownBase, sandboxBase));
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getPath();
      if (path.endsWith("/v2.0/.well-known/openid-configuration")) {
        Map<String, Object> discovery =
            JSONObjectUtils.parse(
                fetch(HttpRequest.newBuilder(URI.create(sandboxBase + path)).GET()).body());
        discovery.replaceAll((k, v) -> v instanceof String s ? s.replace(sandboxBase, ownBase) : v);
        respond(ex, 200, JSONObjectUtils.toJSONString(discovery));
      } else if (path.endsWith("/discovery/v2.0/keys")) {
        respond(ex, 200, JSONObjectUtils.toJSONString(sandbox.entraKeys().publicJwks()));
      } else if (path.endsWith("/oauth2/v2.0/token")) {
        HttpRequest.Builder relay =
            HttpRequest.newBuilder(URI.create(sandboxBase + path))
                .header("Content-Type", ex.getRequestHeaders().getFirst("Content-Type"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(ex.getRequestBody().readAllBytes()));
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
          relay.header("Authorization", auth);
        }
        HttpResponse<String> r = fetch(relay);
        respond(ex, r.statusCode(), r.statusCode() == 200 ? forged(r.body()) : r.body());
      } else {
        respond(ex, 404, "{}");
      }
    } catch (Exception e) {
      respond(ex, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
    }
  }

  private String forged(String body) throws Exception {
    Map<String, Object> json = JSONObjectUtils.parse(body);
    JWTClaimsSet genuine = SignedJWT.parse((String) json.get("id_token")).getJWTClaimsSet();
    JWTClaimsSet reissued = new JWTClaimsSet.Builder(genuine).issuer(issuer()).build();
    json.put("id_token", forger.apply(reissued, sandbox));
    return JSONObjectUtils.toJSONString(json);
  }

  private HttpResponse<String> fetch(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return upstream.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void respond(HttpExchange ex, int status, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
