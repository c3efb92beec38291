package io.recoveryportal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.oidc.PendingAuthorization;
import io.recoveryportal.sandbox.CodeFlow;
import io.recoveryportal.sandbox.EntraApi;
import io.recoveryportal.sandbox.People;
import io.recoveryportal.sandbox.Sandbox;
import io.recoveryportal.security.OutboundTls;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * An in-process sandbox with the portal registered, the portal's configuration for it, and a
 * "browser" (trusting only the sandbox's certificate) that picks an account on the sandbox Entra's
 * sign-in page.
 */
final class StaffFixture implements AutoCloseable {

  /** The portal's base URL: only ever compared and registered, never called. */
  static final String PORTAL = "http://localhost:8080";

  private static final Pattern PENDING =
      Pattern.compile("name=\"" + CodeFlow.FORM_PENDING + "\" value=\"([^\"]+)\"");

  final Sandbox sandbox;
  final SSLContext tls;
  private final HttpClient browser;

  private StaffFixture(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.tls = OutboundTls.context(OutboundTls.trustManager(sandbox.trustStore(), "sandbox"));
    this.browser =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).sslContext(tls).build();
  }

  static StaffFixture start() throws IOException {
    Sandbox s =
        Sandbox.start(
            Sandbox.Options.ephemeral(Path.of("config/sandbox/directory.json"), Path.of("target")));
    s.registerPortal(PORTAL);
    return new StaffFixture(s);
  }

  /**
   * The portal's settings for this sandbox, as MicroProfile Config would give them; change freely.
   */
  Map<String, String> config() {
    return new HashMap<>(sandbox.portalConfig(PORTAL));
  }

  /** The adapter as the CDI bean builds it, over these settings. */
  StaffSignIn signIn(Map<String, String> config) {
    return new StaffSignIn(
        StaffSettings.from(k -> Optional.ofNullable(config.get(k)).filter(v -> !v.isBlank()), tls));
  }

  String idOf(String email) {
    return People.of(sandbox.directory()).byEmail(email).orElseThrow().id();
  }

  /**
   * The person picks their account on Entra's page; returns the callback the browser is sent to.
   */
  URI pick(PendingAuthorization p, String email) throws Exception {
    return pick(p.authorizationUri(), idOf(email));
  }

  /**
   * As {@link #pick(PendingAuthorization, String)}, for an authorization URI on the sandbox's
   * Entra.
   */
  URI pick(URI authorizationUri, String userId) throws Exception {
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(authorizationUri).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode(), () -> "Entra shows its account picker: " + page.body());
    Matcher m = PENDING.matcher(page.body());
    assertTrue(m.find(), "the page carries a pending-request id");
    Map<String, String> form =
        Map.of(
            CodeFlow.FORM_PENDING,
            m.group(1),
            EntraApi.FORM_USER,
            userId,
            EntraApi.FORM_ACTION,
            EntraApi.ACTION_SIGN_IN);
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    URI endpoint =
        URI.create(
            authorizationUri.toString().substring(0, authorizationUri.toString().indexOf('?')));
    HttpResponse<String> r =
        browser.send(
            HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, r.statusCode(), () -> "Entra sends the browser back: " + r.body());
    URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
    assertTrue(
        location.toString().startsWith(PORTAL + StaffSettings.CALLBACK_PATH), location::toString);
    return location;
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
