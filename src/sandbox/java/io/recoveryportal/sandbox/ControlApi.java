package io.recoveryportal.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's control endpoint, for testers and tests. POST only:
 *
 * <ul>
 *   <li>{@code /control/graph/fail?status=429&count=3&retryAfter=1}: the next N Graph calls fail
 *       (429 or 503);
 *   <li>{@code /control/graph/latency?ms=500}: every Graph call is slowed;
 *   <li>{@code /control/graph/write-fault?mode=late&ms=8000&count=1&match=PATCH}: the next N writes
 *       (PATCH, POST, DELETE) whose "METHOD path" contains {@code match} are applied and then
 *       answered after {@code ms} ({@code mode=late}) or not at all, the connection closed ({@code
 *       mode=drop}); or held for {@code ms}, then applied and answered ({@code mode=slow}); or not
 *       applied and answered 500 ({@code mode=error});
 *   <li>{@code /control/graph/reset}: no more faults or latency;
 *   <li>{@code /control/graph/directory/reset}: the directory back to its seed (methods, passwords,
 *       write log);
 *   <li>{@code /control/incode/rotate-keys} and {@code /control/entra/rotate-keys}: a new signing
 *       key;
 *   <li>{@code /control/incode/tamper?mode=...}: the next Incode ID token is tampered (see {@link
 *       IncodeProvider.Tamper}).
 *   <li>{@code /control/incode/response?tamper=OMIT_ISS|WRONG_ISS|NONE}: the next authorization
 *       response to the portal has no {@code iss}, or a foreign one (see {@link
 *       CodeFlow.ResponseTamper});
 *   <li>{@code /control/incode/par?advertise=true|false}: whether Incode's discovery offers pushed
 *       authorization requests (on by default);
 *   <li>{@code /control/entra/response?issParameter=true|false&tamper=...}: whether staff sign-in
 *       responses carry {@code iss} (off by default, as Entra), and the same one-shot tamper;
 *   <li>{@code /control/incode/webhook?url=...&auth=none|oauth|header} with {@code tokenUrl},
 *       {@code clientId}, {@code clientSecret} (oauth) or {@code headerName}, {@code headerValue}
 *       (header): where B2B session webhooks go; an empty {@code url} turns them off;
 *   <li>{@code
 *       /control/incode/webhook/faults?duplicates=true&order=REVERSED&delayMs=0&retryBaseMs=30000}:
 *       webhook faults (each parameter optional; see {@link IncodeWebhooks});
 *   <li>{@code /control/incode/webhook/reset}: webhook faults off (the URL stays);
 *   <li>{@code /control/incode/b2b/reset}: forget B2B requests, sessions and the webhook log.
 * </ul>
 *
 * GET {@code /control} describes the current state as JSON; GET {@code /control/incode/b2b} lists
 * the B2B requests, sessions (with their links) and every webhook event and delivery attempt.
 */
final class ControlApi implements HttpHandler {

  private final Sandbox sandbox;

  ControlApi(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    if ("GET".equals(ex.getRequestMethod()) && "/control/incode/b2b".equals(path)) {
      Http.json(ex, 200, b2bState());
      return;
    }
    if ("GET".equals(ex.getRequestMethod())
        && ("/control".equals(path) || "/control/".equals(path))) {
      Faults.Failure f = sandbox.faults().pending();
      Http.json(
          ex,
          200,
          Json.of(
              "graph",
                  Json.of(
                      "pendingFailure",
                      f == null
                          ? null
                          : Json.of(
                              "status",
                              f.status(),
                              "remaining",
                              f.remaining(),
                              "retryAfter",
                              f.retryAfter()),
                      "latencyMs",
                      sandbox.faults().latency(),
                      "faultsServed",
                      sandbox.faults().injectedCount(),
                      "pendingWriteFault",
                      writeFaultState(),
                      "writeFaultsServed",
                      sandbox.faults().writeFaultsServed(),
                      "calls",
                      sandbox.directory().graphCalls()),
              "incode",
                  Json.of(
                      "currentKeyId",
                      sandbox.incode().keys().currentKeyId(),
                      "pendingTamper",
                      sandbox.incode().pendingTamper().name(),
                      "pendingResponseTamper",
                      sandbox.incode().pendingResponseTamper().name(),
                      "pushedAuthorizationRequests",
                      sandbox.incode().advertisesPushedAuthorizationRequests(),
                      "webhook",
                      webhookState()),
              "entra",
                  Json.of(
                      "currentKeyId",
                      sandbox.entraKeys().currentKeyId(),
                      "issParameter",
                      sandbox.entra().sendsIssParameter(),
                      "pendingResponseTamper",
                      sandbox.entra().pendingResponseTamper().name())));
      return;
    }
    if (!"POST".equals(ex.getRequestMethod())) {
      Http.text(ex, 405, "POST only");
      return;
    }
    Map<String, String> q = Http.query(ex);
    q.putAll(Http.form(ex));
    try {
      switch (path) {
        case "/control/graph/fail" ->
            sandbox
                .faults()
                .failNext(
                    Integer.parseInt(q.getOrDefault("status", "429")),
                    Integer.parseInt(q.getOrDefault("count", "1")),
                    q.get("retryAfter"));
        case "/control/graph/write-fault" ->
            sandbox
                .faults()
                .faultNextWrites(
                    Faults.WriteFault.valueOf(q.getOrDefault("mode", "late").toUpperCase()),
                    Long.parseLong(q.getOrDefault("ms", "0")),
                    Integer.parseInt(q.getOrDefault("count", "1")),
                    q.getOrDefault("match", ""));
        case "/control/graph/latency" ->
            sandbox.faults().latency(Long.parseLong(q.getOrDefault("ms", "0")));
        case "/control/graph/reset" -> sandbox.faults().reset();
        case "/control/graph/directory/reset" -> sandbox.directory().reset();
        case "/control/incode/rotate-keys" -> sandbox.incode().keys().rotate();
        case "/control/entra/rotate-keys" -> sandbox.entraKeys().rotate();
        case "/control/incode/token-outage" ->
            sandbox
                .incode()
                .tokenOutage(
                    IncodeProvider.TokenOutage.valueOf(
                        q.getOrDefault("kind", "NONE").toUpperCase()),
                    Integer.parseInt(q.getOrDefault("count", "1")));
        case "/control/incode/tamper" ->
            sandbox
                .incode()
                .tamperNext(
                    IncodeProvider.Tamper.valueOf(q.getOrDefault("mode", "NONE").toUpperCase()));
        case "/control/incode/response" -> sandbox.incode().tamperNextResponse(responseTamper(q));
        case "/control/incode/par" ->
            sandbox.incode().advertisePushedAuthorizationRequests(flag(q, "advertise"));
        case "/control/entra/response" -> {
          if (q.containsKey("issParameter")) {
            sandbox.entra().issParameter(flag(q, "issParameter"));
          }
          sandbox.entra().tamperNextResponse(responseTamper(q));
        }
        case "/control/incode/webhook" -> configureWebhook(q);
        case "/control/incode/webhook/faults" -> webhookFaults(q);
        case "/control/incode/webhook/reset" -> sandbox.incode().webhooks().resetFaults();
        case "/control/incode/b2b/reset" -> {
          sandbox.incode().b2b().clear();
          sandbox.incode().webhooks().clearLog();
        }
        default -> {
          Http.text(ex, 404, "unknown control " + path);
          return;
        }
      }
    } catch (IllegalArgumentException e) {
      Http.text(ex, 400, "bad control request: " + e.getMessage());
      return;
    }
    Http.json(ex, 200, Json.of("ok", true));
  }

  private void configureWebhook(Map<String, String> q) {
    IncodeWebhooks w = sandbox.incode().webhooks();
    String url = q.getOrDefault("url", "").trim();
    if (url.isEmpty()) {
      w.disable();
      return;
    }
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException("url must be http(s)");
    }
    String mode = q.getOrDefault("auth", "none");
    IncodeWebhooks.Auth auth =
        switch (mode) {
          case "none" -> IncodeWebhooks.none();
          case "oauth" ->
              IncodeWebhooks.oauth(
                  required(q, "tokenUrl"), required(q, "clientId"), required(q, "clientSecret"));
          case "header" ->
              IncodeWebhooks.header(required(q, "headerName"), required(q, "headerValue"));
          default -> throw new IllegalArgumentException("auth must be none, oauth or header");
        };
    w.configure(url, auth);
  }

  private void webhookFaults(Map<String, String> q) {
    IncodeWebhooks w = sandbox.incode().webhooks();
    if (q.containsKey("duplicates")) {
      w.duplicates(Boolean.parseBoolean(q.get("duplicates")));
    }
    if (q.containsKey("order")) {
      w.order(IncodeWebhooks.Order.valueOf(q.get("order").toUpperCase()));
    }
    if (q.containsKey("delayMs")) {
      w.delay(Duration.ofMillis(Long.parseLong(q.get("delayMs"))));
    }
    if (q.containsKey("retryBaseMs")) {
      w.retryBaseDelay(Duration.ofMillis(Math.max(0, Long.parseLong(q.get("retryBaseMs")))));
    }
  }

  private static CodeFlow.ResponseTamper responseTamper(Map<String, String> q) {
    return CodeFlow.ResponseTamper.valueOf(q.getOrDefault("tamper", "NONE").toUpperCase());
  }

  /** Only "true" or "false": a typo must not silently turn a protection off. */
  private static boolean flag(Map<String, String> q, String name) {
    String v = required(q, name);
    if (!"true".equals(v) && !"false".equals(v)) {
      throw new IllegalArgumentException(name + " must be true or false");
    }
    return Boolean.parseBoolean(v);
  }

  private Map<String, Object> writeFaultState() {
    Faults.PendingWriteFault w = sandbox.faults().pendingWriteFault();
    return w == null
        ? null
        : Json.of(
            "mode",
            w.mode().name(),
            "delayMs",
            w.delayMillis(),
            "remaining",
            w.remaining(),
            "match",
            w.match());
  }

  private static String required(Map<String, String> q, String name) {
    String v = q.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }

  /** Never the secrets: the mode is enough to tell what the portal should expect. */
  private Map<String, Object> webhookState() {
    IncodeWebhooks w = sandbox.incode().webhooks();
    return Json.of(
        "url",
        w.url(),
        "auth",
        w.authMode(),
        "duplicates",
        w.duplicates(),
        "order",
        w.order().name(),
        "delayMs",
        w.delay().toMillis(),
        "retryBaseMs",
        w.retryBaseDelay().toMillis(),
        "pending",
        w.pending(),
        "tokenRequests",
        w.tokenRequests());
  }

  private Map<String, Object> b2bState() {
    IncodeB2b b2b = sandbox.incode().b2b();
    IncodeWebhooks w = sandbox.incode().webhooks();
    List<Object> requests = new ArrayList<>();
    for (IncodeB2b.Request r : b2b.requests()) {
      requests.add(
          Json.of(
              "at",
              r.at().toString(),
              "status",
              r.status(),
              "loginHint",
              r.loginHint(),
              "integrationReference",
              r.integrationReference(),
              "interviewId",
              r.interviewId()));
    }
    List<Object> sessions = new ArrayList<>();
    for (IncodeB2b.Session s : b2b.sessions()) {
      IncodeVerification v = s.verification();
      sessions.add(
          Json.of(
              "interviewId",
              s.interviewId(),
              "interviewCode",
              s.interviewCode(),
              "loginHint",
              s.loginHint(),
              "state",
              s.state().name(),
              "url",
              sandbox.incodeIssuer() + "/s/" + s.token(),
              "overallStatus",
              v == null ? null : v.status(),
              "outcome",
              v == null ? null : v.outcome().name()));
    }
    List<Object> events = new ArrayList<>();
    for (IncodeWebhooks.Event e : w.emitted()) {
      events.add(e.payload());
    }
    List<Object> attempts = new ArrayList<>();
    for (IncodeWebhooks.Attempt a : w.attempts()) {
      attempts.add(
          Json.of(
              "at",
              a.at().toString(),
              "event",
              a.event(),
              "interviewId",
              a.interviewId(),
              "copy",
              a.copy(),
              "attempt",
              a.attempt(),
              "status",
              a.status(),
              "delivered",
              a.delivered(),
              "error",
              a.error()));
    }
    return Json.of(
        "requests",
        requests,
        "sessions",
        sessions,
        "webhook",
        webhookState(),
        "events",
        events,
        "attempts",
        attempts);
  }
}
