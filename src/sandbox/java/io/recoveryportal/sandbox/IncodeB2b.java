package io.recoveryportal.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Incode's B2B API for helpdesk-initiated verification (seed 000, option 02; seed 001 "API"
 * integrations; seed 004 ServiceNow), on the sandbox's Incode issuer:
 *
 * <ul>
 *   <li>{@code POST {issuer}/omni/b2b/onboarding/request-new}: headers {@code Authorization: Bearer
 *       <client-credentials token>}, {@code x-api-key}, {@code api-version: 1.0}, {@code
 *       Content-Type: application/json}; body {@code
 *       {"loginHint","integrationReference","notification":{"type":"URL"},"name"}}; answers {@code
 *       {"token","interviewId","interviewCode","url"}} with {@code url = {issuer}/s/{token}}.
 *   <li>{@code GET|POST {issuer}/s/{token}}: the session page where the tester plays the employee.
 *       Opening it fires SESSION_STARTED (later openings SESSION_PROGRESS); finishing fires
 *       SESSION_SUCCEEDED, SESSION_FAILED or SESSION_PENDING_REVIEW, then ONBOARDING_FINISHED.
 *   <li>{@code GET {issuer}/omni/b2b/onboarding/result?interviewId=…}: the server-to-server result,
 *       same headers as request-new. See {@link #result}.
 * </ul>
 *
 * <p>{@code integrationReference} is, per seeds 000/001/004, the integration's id from the
 * Dashboard (the sandbox's {@link Sandbox.Credentials#incodeIntegrationId()}), not a per-request
 * reference: an unknown one is refused. The portal must therefore correlate sessions by the {@code
 * interviewId} request-new answers.
 *
 * <p>Errors are JSON in the Omni API's documented shape {@code
 * {timestamp,status,error,message,path}}. Where the seeds are silent the sandbox assumes: a missing
 * or wrong {@code x-api-key} is 403 (an API gateway's answer), a missing, invalid or expired bearer
 * 401 with {@code WWW-Authenticate: Bearer}, a missing or other {@code api-version} 400, a bad body
 * 400, an unknown integration 400, any notification type but URL 400.
 */
public final class IncodeB2b {

  /** Whatever reached request-new, accepted or not. Fields the body did not carry are null. */
  public record Request(
      String loginHint,
      String integrationReference,
      String name,
      String notificationType,
      int status,
      String interviewId,
      Instant at) {}

  public enum State {
    CREATED,
    STARTED,
    FINISHED
  }

  /** A B2B session as it stands; {@code verification} is set once it is finished. */
  public record Session(
      String token,
      String interviewId,
      String interviewCode,
      String loginHint,
      String integrationReference,
      String name,
      Instant createdAt,
      State state,
      IncodeVerification verification) {}

  private static final String REQUEST_NEW = "/omni/b2b/onboarding/request-new";
  private static final String RESULT = "/omni/b2b/onboarding/result";
  private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Sandbox sandbox;
  private final IncodeProvider incode;
  private final IncodeWebhooks webhooks;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  /** By token; the interview id index below points at the same entries. */
  private final Map<String, Session> byToken = new ConcurrentHashMap<>();

  private final Map<String, String> tokenByInterview = new ConcurrentHashMap<>();

  IncodeB2b(Sandbox sandbox, IncodeProvider incode, IncodeWebhooks webhooks) {
    this.sandbox = sandbox;
    this.incode = incode;
    this.webhooks = webhooks;
  }

  // ---- for tests and the control API ----

  /**
   * Every request-new call so far, oldest first, refused ones included (see {@link
   * Request#status()}).
   */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Session> sessions() {
    return byToken.values().stream()
        .sorted((a, b) -> a.createdAt().compareTo(b.createdAt()))
        .toList();
  }

  public Optional<Session> session(String interviewId) {
    String token = interviewId == null ? null : tokenByInterview.get(interviewId);
    return token == null ? Optional.empty() : Optional.ofNullable(byToken.get(token));
  }

  /** Forgets every request and session (webhook logs are {@link IncodeWebhooks#clearLog()}'s). */
  public void clear() {
    requests.clear();
    byToken.clear();
    tokenByInterview.clear();
  }

  /** What opening the session link does: SESSION_STARTED the first time, SESSION_PROGRESS after. */
  public void open(String interviewId) {
    session(interviewId).ifPresent(this::opened);
  }

  /**
   * What finishing on the session page does, without a browser. {@code presentedPersonId} matters
   * only for OTHER_PERSONS_ID or a loginHint that names nobody. Returns the verification, or empty
   * if the session is unknown, already finished, or nobody's ID was presented.
   */
  public Optional<IncodeVerification> finish(
      String interviewId, IncodeVerification.Outcome outcome, String presentedPersonId) {
    return session(interviewId).flatMap(s -> finished(s, outcome, presentedPersonId));
  }

  // ---- HTTP ----

  void handle(HttpExchange ex, String path) throws IOException {
    String method = ex.getRequestMethod();
    if (REQUEST_NEW.equals(path)) {
      if ("POST".equals(method)) {
        requestNew(ex, path);
      } else {
        omniError(ex, 405, "Method Not Allowed", "Use POST.", path);
      }
    } else if (RESULT.equals(path)) {
      if ("GET".equals(method)) {
        result(ex, path);
      } else {
        omniError(ex, 405, "Method Not Allowed", "Use GET.", path);
      }
    } else if (path.startsWith("/s/") && path.indexOf('/', 3) < 0) {
      Session s = byToken.get(path.substring(3));
      if ("GET".equals(method)) {
        page(ex, s);
      } else if ("POST".equals(method)) {
        submit(ex, s, Http.form(ex));
      } else {
        ex.getResponseHeaders().set("Allow", "GET, POST");
        Http.text(ex, 405, "method not allowed");
      }
    } else {
      omniError(ex, 404, "Not Found", "No such endpoint.", path);
    }
  }

  /**
   * Why a call is refused before its body is read; {@code challenge} is a WWW-Authenticate value or
   * null.
   */
  private record Refusal(int status, String error, String message, String challenge) {}

  /**
   * The checks every B2B call passes first, in a gateway's order: API key, then bearer, then
   * version.
   */
  private Optional<Refusal> refusal(HttpExchange ex) {
    String key = ex.getRequestHeaders().getFirst("x-api-key");
    if (key == null || !key.equals(sandbox.credentials().incodeApiKey())) {
      return Optional.of(
          new Refusal(
              403,
              "Forbidden",
              key == null ? "Missing x-api-key header." : "Invalid API key.",
              null));
    }
    Optional<String> bearer = Http.bearer(ex);
    if (bearer.isEmpty()) {
      return Optional.of(
          new Refusal(401, "Unauthorized", "Missing bearer token.", "Bearer realm=\"incode\""));
    }
    if (!incode.isMachineToken(bearer.get())) {
      return Optional.of(
          new Refusal(
              401,
              "Unauthorized",
              "The access token is invalid or has expired.",
              "Bearer realm=\"incode\", error=\"invalid_token\""));
    }
    if (!"1.0".equals(ex.getRequestHeaders().getFirst("api-version"))) {
      return Optional.of(new Refusal(400, "Bad Request", "Header api-version must be 1.0.", null));
    }
    return Optional.empty();
  }

  private static void send(HttpExchange ex, Refusal r, String path) throws IOException {
    if (r.challenge() != null) {
      ex.getResponseHeaders().set("WWW-Authenticate", r.challenge());
    }
    omniError(ex, r.status(), r.error(), r.message(), path);
  }

  private void requestNew(HttpExchange ex, String path) throws IOException {
    Optional<Refusal> refused = refusal(ex);
    if (refused.isPresent()) {
      // recorded before answering, so a test that got the answer also finds the record;
      // the body is not read: a refused caller's body is none of the sandbox's business
      requests.add(
          new Request(null, null, null, null, refused.get().status(), null, Instant.now()));
      send(ex, refused.get(), path);
      return;
    }
    Map<String, Object> body;
    try {
      body = Json.parseObject(Http.body(ex));
    } catch (IllegalArgumentException e) {
      refuse(ex, path, null, "The body must be a JSON object.");
      return;
    }
    Object hint = body.get("loginHint");
    Object reference = body.get("integrationReference");
    Object name = body.get("name");
    Object type = Json.obj(body.get("notification")).get("type");
    Request seen =
        new Request(str(hint), str(reference), str(name), str(type), 400, null, Instant.now());
    if (!(hint instanceof String h) || h.isBlank()) {
      refuse(ex, path, seen, "loginHint is required.");
    } else if (!(reference instanceof String r) || r.isBlank()) {
      refuse(ex, path, seen, "integrationReference is required.");
    } else if (!r.equals(sandbox.credentials().incodeIntegrationId())) {
      refuse(ex, path, seen, "Integration not found: " + r);
    } else if (!(body.get("notification") instanceof Map<?, ?>) || !(type instanceof String)) {
      refuse(ex, path, seen, "notification.type is required.");
    } else if (!"URL".equals(type)) {
      refuse(ex, path, seen, "The sandbox supports only notification type URL.");
    } else if (name != null && !(name instanceof String)) {
      refuse(ex, path, seen, "name must be a string.");
    } else {
      Session s = create(h.trim(), r, str(name));
      requests.add(
          new Request(seen.loginHint(), r, seen.name(), "URL", 200, s.interviewId(), seen.at()));
      Http.json(
          ex,
          200,
          Json.of(
              "token",
              s.token(),
              "interviewId",
              s.interviewId(),
              "interviewCode",
              s.interviewCode(),
              "url",
              sessionUrl(s)));
    }
  }

  private void refuse(HttpExchange ex, String path, Request seen, String message)
      throws IOException {
    requests.add(
        seen != null ? seen : new Request(null, null, null, null, 400, null, Instant.now()));
    omniError(ex, 400, "Bad Request", message, path);
  }

  private Session create(String loginHint, String reference, String name) {
    byte[] t = new byte[24];
    RANDOM.nextBytes(t);
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
    }
    Session s =
        new Session(
            Base64.getUrlEncoder().withoutPadding().encodeToString(t),
            IncodeVerification.newInterviewId(),
            code.toString(),
            loginHint,
            reference,
            name,
            Instant.now(),
            State.CREATED,
            null);
    byToken.put(s.token(), s);
    tokenByInterview.put(s.interviewId(), s.token());
    return s;
  }

  private String sessionUrl(Session s) {
    return sandbox.incodeIssuer() + "/s/" + s.token();
  }

  /**
   * The result of a finished session, server to server. The seeds define no such call (seed 000
   * only says results come "via webhook or polling", and that identity_id is used "to fetch full
   * verification results via the API"), so this endpoint is an assumption: one call, the B2B API's
   * own path prefix and headers, camelCase like request-new, carrying what the OIDC userinfo and ID
   * token carry for the same session:
   *
   * <pre>{ "interviewId", "identityId", "integrationReference", "loginHint",
   *   "onboardingStatus": "ONBOARDING_FINISHED",      (legacy webhook's field; "UNKNOWN" until finished)
   *   "overallStatus": "OK" | "FAIL" | "MANUAL_REVIEW",   (= auth_overall_status)
   *   "overallScore": 98.7,                               (= auth_overall_score)
   *   "name", "givenName", "familyName", "birthdate" (YYYY-MM-DD), "gender",   (off the document)
   *   "email", "completedAt" (epoch ms) }</pre>
   *
   * Until the session is finished only interviewId, integrationReference, loginHint and
   * onboardingStatus UNKNOWN are present: no status means no decision. Unknown interviewId: 404;
   * missing: 400.
   */
  private void result(HttpExchange ex, String path) throws IOException {
    Optional<Refusal> refused = refusal(ex);
    if (refused.isPresent()) {
      send(ex, refused.get(), path);
      return;
    }
    String id = Http.query(ex).get("interviewId");
    if (id == null || id.isBlank()) {
      omniError(ex, 400, "Bad Request", "interviewId is required.", path);
      return;
    }
    Optional<Session> found = session(id.trim());
    if (found.isEmpty()) {
      omniError(ex, 404, "Not Found", "Session not found.", path);
      return;
    }
    Session s = found.get();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("interviewId", s.interviewId());
    r.put("integrationReference", s.integrationReference());
    r.put("loginHint", s.loginHint());
    IncodeVerification v = s.verification();
    if (v == null) {
      r.put("onboardingStatus", "UNKNOWN");
    } else {
      People.Document d = v.document();
      r.put("identityId", v.identityId());
      r.put("onboardingStatus", IncodeWebhooks.ONBOARDING_FINISHED);
      r.put("overallStatus", v.status());
      r.put("overallScore", v.score());
      r.put("name", d.name());
      r.put("givenName", d.givenName());
      r.put("familyName", d.familyName());
      r.put("birthdate", d.birthdate());
      if (d.gender() != null) {
        r.put("gender", d.gender());
      }
      r.put("email", v.email());
      r.put("completedAt", v.completedAt().toEpochMilli());
    }
    Http.json(ex, 200, r);
  }

  // ---- the session page ----

  private void page(HttpExchange ex, Session s) throws IOException {
    if (s == null) {
      notFound(ex);
      return;
    }
    if (s.state() == State.FINISHED) {
      done(ex, 200, byToken.get(s.token()));
      return;
    }
    opened(s);
    IncodeProvider.Hint h = incode.hint(s.loginHint());
    StringBuilder b =
        new StringBuilder("<h1>Incode: Identity verification requested by your helpdesk</h1>");
    IncodeProvider.whoIsVerified(b, h);
    b.append("<p>Session <code>")
        .append(Http.esc(s.interviewId()))
        .append("</code>, code <code>")
        .append(Http.esc(s.interviewCode()))
        .append("</code>.</p>");
    b.append("<form method=\"post\" action=\"").append(Http.esc(sessionUrl(s))).append("\">");
    incode.outcomeAndPersonFields(b, h);
    b.append("<p><button type=\"submit\" name=\"")
        .append(IncodeProvider.FORM_ACTION)
        .append("\" value=\"")
        .append(IncodeProvider.ACTION_FINISH)
        .append("\">Finish verification</button> <button type=\"submit\" name=\"")
        .append(IncodeProvider.FORM_ACTION)
        .append("\" value=\"")
        .append(IncodeProvider.ACTION_CANCEL)
        .append("\">Cancel</button></p></form>");
    Http.html(ex, 200, Http.page("Incode identity verification", b.toString()));
  }

  private void submit(HttpExchange ex, Session s, Map<String, String> form) throws IOException {
    if (s == null) {
      notFound(ex);
      return;
    }
    if (s.state() == State.FINISHED) {
      done(ex, 409, s);
      return;
    }
    if (IncodeProvider.ACTION_CANCEL.equals(form.get(IncodeProvider.FORM_ACTION))) {
      // like closing the tab: no event, and the link still works
      Http.html(
          ex,
          200,
          Http.page(
              "Verification not completed",
              "<h1>Incode: verification not completed</h1>"
                  + "<p>You left the verification before finishing it. Open the link again to continue.</p>"));
      return;
    }
    IncodeVerification.Outcome outcome;
    try {
      outcome =
          IncodeVerification.Outcome.valueOf(
              form.getOrDefault(IncodeProvider.FORM_OUTCOME, "VERIFIED"));
    } catch (IllegalArgumentException e) {
      Http.html(
          ex,
          400,
          Http.page(
              "Unknown outcome",
              "<h1>Unknown outcome</h1><p>Choose one of the outcomes on the page.</p>"));
      return;
    }
    Optional<IncodeVerification> v = finished(s, outcome, form.get(IncodeProvider.FORM_PERSON));
    if (v.isEmpty()) {
      Session now = byToken.get(s.token());
      if (now != null && now.state() == State.FINISHED) {
        done(ex, 409, now);
      } else {
        Http.html(
            ex,
            400,
            Http.page(
                "Whose ID?",
                "<h1>Whose ID?</h1><p>Choose whose ID is presented, then finish again.</p>"));
      }
      return;
    }
    done(ex, 200, byToken.get(s.token()));
  }

  private void opened(Session s) {
    boolean[] first = {false};
    Session now =
        byToken.computeIfPresent(
            s.token(),
            (k, cur) -> {
              if (cur.state() != State.CREATED) {
                return cur;
              }
              first[0] = true; // only the opening that moves CREATED to STARTED is the start
              return withState(cur, State.STARTED, null);
            });
    if (now == null || now.state() == State.FINISHED) {
      return;
    }
    webhooks.emit(
        first[0] ? IncodeWebhooks.SESSION_STARTED : IncodeWebhooks.SESSION_PROGRESS,
        s.interviewId(),
        s.integrationReference(),
        Map.of());
  }

  /** Finishes once: the state change is atomic, so two posts cannot both fire the result events. */
  private Optional<IncodeVerification> finished(
      Session s, IncodeVerification.Outcome outcome, String presentedPersonId) {
    Session current = byToken.get(s.token());
    if (current == null || current.state() == State.FINISHED) {
      return Optional.empty();
    }
    if (current.state() == State.CREATED) {
      opened(current); // finishing without the page (Java API) still starts the session first
    }
    Optional<IncodeVerification> v =
        incode.conclude(s.interviewId(), incode.hint(s.loginHint()), outcome, presentedPersonId);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    boolean[] won = {false};
    byToken.computeIfPresent(
        s.token(),
        (k, cur) -> {
          if (cur.state() == State.FINISHED) {
            return cur;
          }
          won[0] = true;
          return withState(cur, State.FINISHED, v.get());
        });
    if (!won[0]) {
      return Optional.empty();
    }
    String event =
        switch (v.get().status()) {
          case "OK" -> IncodeWebhooks.SESSION_SUCCEEDED;
          case "MANUAL_REVIEW" -> IncodeWebhooks.SESSION_PENDING_REVIEW;
          default -> IncodeWebhooks.SESSION_FAILED;
        };
    webhooks.emit(event, s.interviewId(), s.integrationReference(), Map.of());
    webhooks.emit(
        IncodeWebhooks.ONBOARDING_FINISHED,
        s.interviewId(),
        s.integrationReference(),
        Map.of("onboardingStatus", IncodeWebhooks.ONBOARDING_FINISHED));
    return v;
  }

  private static Session withState(Session s, State state, IncodeVerification v) {
    return new Session(
        s.token(),
        s.interviewId(),
        s.interviewCode(),
        s.loginHint(),
        s.integrationReference(),
        s.name(),
        s.createdAt(),
        state,
        v);
  }

  private static void done(HttpExchange ex, int status, Session s) throws IOException {
    IncodeVerification v = s.verification();
    String result =
        switch (v.status()) {
          case "OK" -> "Incode verified the ID and the selfie (OK).";
          case "MANUAL_REVIEW" ->
              "Incode could not decide; the session waits for a manual review (MANUAL_REVIEW).";
          default -> "The verification failed (FAIL).";
        };
    Http.html(
        ex,
        status,
        Http.page(
            "Verification finished",
            "<h1>Incode: verification finished</h1><p role=\"status\">"
                + Http.esc(result)
                + "</p><p>This session is done. You can close this page and return to your helpdesk.</p>"));
  }

  private static void notFound(HttpExchange ex) throws IOException {
    Http.html(
        ex,
        404,
        Http.page(
            "Link not valid",
            "<h1>This verification link is not valid</h1>"
                + "<p>Ask your helpdesk to send a new one.</p>"));
  }

  /** The Omni API's documented error body. */
  private static void omniError(
      HttpExchange ex, int status, String error, String message, String path) throws IOException {
    Http.json(
        ex,
        status,
        Json.of(
            "timestamp",
            Instant.now().toEpochMilli(),
            "status",
            status,
            "error",
            error,
            "message",
            message,
            "path",
            path));
  }

  private static String str(Object o) {
    return o instanceof String s ? s : null;
  }
}
