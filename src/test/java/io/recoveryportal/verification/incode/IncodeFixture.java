package io.recoveryportal.verification.incode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.CodeFlow;
import io.recoveryportal.sandbox.IncodeProvider;
import io.recoveryportal.sandbox.IncodeVerification;
import io.recoveryportal.sandbox.People;
import io.recoveryportal.sandbox.Sandbox;
import io.recoveryportal.security.OutboundTls;
import io.recoveryportal.verification.PendingVerification;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * An in-process sandbox with the portal registered, the portal's configuration for it, and a
 * "browser" that takes the person through Incode's verification page: GET the authorization URL,
 * post the chosen outcome, read where Incode sends the browser back.
 */
final class IncodeFixture implements AutoCloseable {

  /** The portal's base URL: only ever compared and registered, never called. */
  static final String PORTAL = "http://localhost:8080";

  private static final Pattern PENDING =
      Pattern.compile("name=\"" + CodeFlow.FORM_PENDING + "\" value=\"([^\"]+)\"");

  final Sandbox sandbox;
  private final HttpClient browser =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /**
   * The page each authorization URI showed: a pushed request's URI works once, as a browser's first
   * load.
   */
  private final Map<URI, String> pages = new java.util.concurrent.ConcurrentHashMap<>();

  private IncodeFixture(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  static IncodeFixture start() throws IOException {
    Sandbox s =
        Sandbox.start(
            Sandbox.Options.ephemeral(Path.of("config/sandbox/directory.json"), Path.of("target")));
    s.registerPortal(PORTAL);
    return new IncodeFixture(s);
  }

  IncodeProvider incode() {
    return sandbox.incode();
  }

  /** The portal's settings for this sandbox, as MicroProfile Config would give them. */
  Map<String, String> config() {
    return new HashMap<>(sandbox.portalConfig(PORTAL));
  }

  /**
   * The adapter as the CDI bean builds it, over these settings (TLS from portal.trust-store, as in
   * production).
   */
  static IncodeProofing proofing(Map<String, String> config) {
    SSLContext tls =
        OutboundTls.context(
            OutboundTls.trustManager(
                Path.of(config.get("portal.trust-store")),
                config.get("portal.trust-store-password")));
    return new IncodeProofing(
        IncodeSettings.from(
            k -> Optional.ofNullable(config.get(k)).filter(v -> !v.isBlank()), tls));
  }

  IncodeProofing proofing() {
    return proofing(config());
  }

  String idOf(String email) {
    return People.of(sandbox.directory()).byEmail(email).orElseThrow().id();
  }

  /**
   * The person finishes Incode's check with this outcome; returns the callback the browser arrives
   * with.
   */
  URI finish(PendingVerification p, IncodeVerification.Outcome outcome) throws Exception {
    return submit(
        p,
        Map.of(
            IncodeProvider.FORM_OUTCOME,
            outcome.name(),
            IncodeProvider.FORM_ACTION,
            IncodeProvider.ACTION_FINISH));
  }

  URI cancel(PendingVerification p) throws Exception {
    return submit(p, Map.of(IncodeProvider.FORM_ACTION, IncodeProvider.ACTION_CANCEL));
  }

  /**
   * The verification page Incode shows for this request, loaded once: looking at it again (a test's
   * assertion) does not load a single-use pushed request's URI a second time.
   */
  String page(PendingVerification p) throws Exception {
    String shown = pages.get(p.authorizationUri());
    if (shown != null) {
      return shown;
    }
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(p.authorizationUri()).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(
        200, page.statusCode(), () -> "Incode shows its verification page: " + page.body());
    pages.put(p.authorizationUri(), page.body());
    return page.body();
  }

  private URI submit(PendingVerification p, Map<String, String> fields) throws Exception {
    Matcher m = PENDING.matcher(page(p));
    assertTrue(m.find(), "the page carries a pending-request id");
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put(CodeFlow.FORM_PENDING, m.group(1));
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    URI endpoint = URI.create(sandbox.incodeIssuer() + "/oauth2/authorize");
    HttpResponse<String> r =
        browser.send(
            HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(302, r.statusCode(), () -> "Incode sends the browser back: " + r.body());
    URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
    assertTrue(
        location.toString().startsWith(PORTAL + IncodeSettings.CALLBACK_PATH), location::toString);
    return location;
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
