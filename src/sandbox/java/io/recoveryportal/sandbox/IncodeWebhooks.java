package io.recoveryportal.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Incode's session webhooks, sent to the portal as Incode sends them to any customer endpoint.
 *
 * <p>What the public docs say, and therefore what this does (security.md §6; developer.incode.com
 * {@code /docs/webhooks}, {@code /docs/session-webhooks}; docs.incode.com {@code
 * /docs/omni-api/api/web-hooks}):
 *
 * <ul>
 *   <li>No payload signature. Authentication is either OAuth 2.0 client credentials against the
 *       customer's own token URL (HTTP Basic {@code base64(client_id:client_secret)}, form {@code
 *       grant_type=client_credentials}; the answer's {@code access_token} then goes as {@code
 *       Authorization: Bearer} on every notification), or static custom headers, or nothing.
 *       Source-IP allow-listing is the receiver's business; the sandbox sends from loopback ({@code
 *       127.0.0.1} for a {@code localhost} or {@code 127.0.0.1} URL).
 *   <li>Delivery counts as done only on {@code 200} with an {@code application/json} content type,
 *       or {@code 204}. Anything else, a timeout or a refused connection is retried: up to 5
 *       retries, exponential, first after 30 s, multiplier 2.5 (about 32 minutes in all). The base
 *       delay is settable so tests run in milliseconds.
 *   <li>Each event is delivered on its own: a retried event can arrive after a later one.
 * </ul>
 *
 * <p>Payload (JSON). The session-webhook docs' exact body was not in the seeds; this follows the
 * legacy onboarding-status body ({@code interviewId}, {@code externalId} only when one was sent at
 * start, {@code onboardingStatus}) and adds the event name and time:
 *
 * <pre>
 * { "event": "SESSION_SUCCEEDED", "interviewId": "…", "integrationReference": "…", "timestamp": 1777039677000 }
 * </pre>
 *
 * {@code ONBOARDING_FINISHED} also carries {@code "onboardingStatus": "ONBOARDING_FINISHED"}. There
 * is no {@code externalId}: request-new takes none. Webhooks are hints: the portal must fetch the
 * result server-to-server before deciding anything (security.md §6).
 *
 * <p>Fault knobs for the portal's tests: every event twice, events held per session and sent in
 * reverse once the session finishes, and a delay before each first attempt. Every attempt is
 * logged.
 */
public final class IncodeWebhooks implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(IncodeWebhooks.class.getName());

  public static final String SESSION_STARTED = "SESSION_STARTED";

  /**
   * A session link opened again before it was finished (Incode: "an existing session link is
   * resumed").
   */
  public static final String SESSION_PROGRESS = "SESSION_PROGRESS";

  public static final String SESSION_SUCCEEDED = "SESSION_SUCCEEDED";
  public static final String SESSION_FAILED = "SESSION_FAILED";
  public static final String SESSION_PENDING_REVIEW = "SESSION_PENDING_REVIEW";
  public static final String ONBOARDING_FINISHED = "ONBOARDING_FINISHED";

  /** Incode's documented policy: 5 retries after the first attempt, delays growing by 2.5. */
  public static final int MAX_RETRIES = 5;

  public static final double MULTIPLIER = 2.5;
  public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(30);

  /** How the sandbox authenticates to the portal's webhook endpoint. */
  public sealed interface Auth permits NoAuth, OAuth, StaticHeader {}

  public record NoAuth() implements Auth {}

  /**
   * {@code tokenUrl} is the portal's; the client id and secret are the ones the portal gave
   * "Incode".
   */
  public record OAuth(String tokenUrl, String clientId, String clientSecret) implements Auth {}

  /** A static custom header, e.g. {@code X-Incode-Webhook-Secret: <value>}. */
  public record StaticHeader(String name, String value) implements Auth {}

  public static Auth none() {
    return new NoAuth();
  }

  public static Auth oauth(String tokenUrl, String clientId, String clientSecret) {
    return new OAuth(tokenUrl, clientId, clientSecret);
  }

  public static Auth header(String name, String value) {
    return new StaticHeader(name, value);
  }

  public enum Order {
    /** Each event goes as soon as it happens. */
    AS_EMITTED,
    /** A session's events are held until ONBOARDING_FINISHED, then sent newest first. */
    REVERSED
  }

  /** One event as the sandbox emitted it (whether or not a webhook URL was set). */
  public record Event(String event, String interviewId, Map<String, Object> payload, Instant at) {}

  /**
   * One delivery attempt. {@code copy} is 1, or 2 for the duplicate; {@code attempt} is 1 for the
   * first try and up to {@code 1 + MAX_RETRIES}. {@code status} is the HTTP status, or -1 when
   * there was none (refused connection, timeout, token endpoint failure; see {@code error}). {@code
   * delivered} follows Incode's rule.
   */
  public record Attempt(
      String event,
      String interviewId,
      int copy,
      int attempt,
      int status,
      boolean delivered,
      String error,
      Instant at) {}

  private record Target(URI url, Auth auth) {}

  private record CachedToken(String value, Instant expires) {}

  private final ScheduledExecutorService executor;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final List<Event> emitted = new CopyOnWriteArrayList<>();
  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private final Map<String, List<Event>> held = new LinkedHashMap<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private volatile Target target;
  private volatile CachedToken token;
  private volatile Duration retryBase = DEFAULT_RETRY_BASE;
  private volatile Duration requestTimeout = Duration.ofSeconds(10);
  private volatile Duration delay = Duration.ZERO;
  private volatile boolean duplicates;
  private volatile Order order = Order.AS_EMITTED;

  IncodeWebhooks() {
    // one thread: events leave in the order they were emitted unless a fault or a retry says
    // otherwise
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "sandbox-incode-webhooks");
              t.setDaemon(true);
              return t;
            });
    e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.executor = e;
  }

  // ---- configuration ----

  /**
   * Sends every later event to {@code url}, authenticated as {@code auth}. A new target forgets any
   * cached token.
   */
  public void configure(String url, Auth auth) {
    this.target = new Target(URI.create(url), auth == null ? none() : auth);
    this.token = null;
  }

  /** No more deliveries (events are still logged in {@link #emitted()}). */
  public void disable() {
    this.target = null;
    this.token = null;
  }

  public boolean enabled() {
    return target != null;
  }

  public String url() {
    Target t = target;
    return t == null ? null : t.url().toString();
  }

  /** The auth mode's name for status pages: none, oauth or header. Never the secret. */
  public String authMode() {
    Target t = target;
    if (t == null || t.auth() instanceof NoAuth) {
      return "none";
    }
    return t.auth() instanceof OAuth ? "oauth" : "header";
  }

  /** Delay before the first retry; later ones grow by {@link #MULTIPLIER}. 30 s unless changed. */
  public void retryBaseDelay(Duration base) {
    this.retryBase = base;
  }

  public Duration retryBaseDelay() {
    return retryBase;
  }

  /** How long one notification may take before it counts as a timeout (and is retried). */
  public void requestTimeout(Duration timeout) {
    this.requestTimeout = timeout;
  }

  /** Fault: each event is delivered twice, as separate notifications. */
  public void duplicates(boolean on) {
    this.duplicates = on;
  }

  public boolean duplicates() {
    return duplicates;
  }

  /** Fault: order of delivery. Going back to AS_EMITTED sends anything still held, oldest first. */
  public void order(Order o) {
    this.order = o;
    if (o == Order.AS_EMITTED) {
      List<Event> rest = new ArrayList<>();
      synchronized (held) {
        held.values().forEach(rest::addAll);
        held.clear();
      }
      rest.forEach(this::enqueue);
    }
  }

  public Order order() {
    return order;
  }

  /** Fault: every event's first attempt waits this long. */
  public void delay(Duration d) {
    this.delay = d == null || d.isNegative() ? Duration.ZERO : d;
  }

  public Duration delay() {
    return delay;
  }

  /** Faults off, retry base back to 30 s; target and logs stay. */
  public void resetFaults() {
    duplicates = false;
    delay = Duration.ZERO;
    retryBase = DEFAULT_RETRY_BASE;
    order(Order.AS_EMITTED);
  }

  // ---- what happened ----

  public List<Event> emitted() {
    return List.copyOf(emitted);
  }

  public List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  /**
   * How often the sandbox asked the portal's token URL for a token (cached until it expires or a
   * 401).
   */
  public int tokenRequests() {
    return tokenRequests.get();
  }

  public void clearLog() {
    emitted.clear();
    attempts.clear();
    tokenRequests.set(0);
  }

  /** Deliveries scheduled or running (held events not included). */
  public int pending() {
    return pending.get();
  }

  /** Waits until nothing is scheduled or running; false if {@code max} passed first. */
  public boolean awaitIdle(Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (pending.get() > 0) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  // ---- sending ----

  /**
   * Records and (if a URL is set) delivers one event. {@code extra} fields are added to the
   * payload.
   */
  void emit(
      String event, String interviewId, String integrationReference, Map<String, Object> extra) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("event", event);
    payload.put("interviewId", interviewId);
    payload.put("integrationReference", integrationReference);
    payload.put("timestamp", Instant.now().toEpochMilli());
    payload.putAll(extra);
    Event e = new Event(event, interviewId, Collections.unmodifiableMap(payload), Instant.now());
    emitted.add(e);
    if (target == null) {
      return;
    }
    if (order == Order.REVERSED) {
      List<Event> batch = null;
      synchronized (held) {
        held.computeIfAbsent(interviewId, k -> new ArrayList<>()).add(e);
        if (ONBOARDING_FINISHED.equals(event)) {
          batch = held.remove(interviewId);
        }
      }
      if (batch != null) {
        Collections.reverse(batch);
        batch.forEach(this::enqueue);
      }
      return;
    }
    enqueue(e);
  }

  private void enqueue(Event e) {
    int copies = duplicates ? 2 : 1;
    for (int copy = 1; copy <= copies; copy++) {
      schedule(e, copy, 1, delay);
    }
  }

  private void schedule(Event e, int copy, int attempt, Duration after) {
    pending.incrementAndGet();
    try {
      executor.schedule(
          () -> {
            try {
              attempt(e, copy, attempt);
            } finally {
              pending.decrementAndGet();
            }
          },
          after.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RuntimeException rejected) {
      // the sandbox is closing; nothing will be sent any more
      pending.decrementAndGet();
    }
  }

  private void attempt(Event e, int copy, int attempt) {
    Target t = target;
    if (t == null) {
      return;
    }
    int status = -1;
    String error = null;
    boolean delivered = false;
    try {
      HttpRequest.Builder req =
          HttpRequest.newBuilder(t.url())
              .timeout(requestTimeout)
              .header("Content-Type", "application/json")
              .header("User-Agent", "incode-webhooks (recovery-portal sandbox)")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      Json.write(e.payload()), StandardCharsets.UTF_8));
      if (t.auth() instanceof OAuth o) {
        req.header("Authorization", "Bearer " + bearer(o));
      } else if (t.auth() instanceof StaticHeader h) {
        req.header(h.name(), h.value());
      }
      HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      status = r.statusCode();
      delivered = accepted(r);
      if (status == 401) {
        token = null; // the next attempt asks for a fresh token
      }
    } catch (TokenFailure f) {
      error = f.getMessage();
    } catch (IOException | IllegalArgumentException ex) {
      error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return;
    }
    attempts.add(
        new Attempt(
            e.event(), e.interviewId(), copy, attempt, status, delivered, error, Instant.now()));
    if (!delivered && attempt <= MAX_RETRIES) {
      schedule(e, copy, attempt + 1, retryDelay(attempt));
    } else if (!delivered) {
      LOG.log(
          Level.INFO,
          "Webhook {0} for {1} given up after {2} attempts",
          new Object[] {e.event(), e.interviewId(), attempt});
    }
  }

  /** Delay before retry number {@code n} (1-based): base × 2.5^(n-1). */
  Duration retryDelay(int n) {
    return Duration.ofMillis(Math.round(retryBase.toMillis() * Math.pow(MULTIPLIER, n - 1)));
  }

  /** Incode's rule: 200 with a JSON content type, or 204. A 202 or a 200 text/plain is retried. */
  static boolean accepted(HttpResponse<?> r) {
    if (r.statusCode() == 204) {
      return true;
    }
    String type = r.headers().firstValue("Content-Type").orElse("").toLowerCase();
    return r.statusCode() == 200 && type.startsWith("application/json");
  }

  private static final class TokenFailure extends Exception {

    TokenFailure(String message) {
      super(message);
    }
  }

  /**
   * A cached token, or a new one from the portal's token URL (Basic client_id:client_secret, as
   * Incode sends it).
   */
  private String bearer(OAuth o) throws IOException, InterruptedException, TokenFailure {
    CachedToken c = token;
    if (c != null && c.expires().isAfter(Instant.now())) {
      return c.value();
    }
    tokenRequests.incrementAndGet();
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (o.clientId() + ":" + o.clientSecret()).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(o.tokenUrl()))
                .timeout(requestTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new TokenFailure("token endpoint answered " + r.statusCode());
    }
    Map<String, Object> body;
    try {
      body = Json.parseObject(r.body());
    } catch (IllegalArgumentException e) {
      throw new TokenFailure("token endpoint answered no JSON object");
    }
    Object value = body.get("access_token");
    if (!(value instanceof String s) || s.isBlank()) {
      throw new TokenFailure("token endpoint answered no access_token");
    }
    // expires_in is mandatory in Incode's description; without it, use the token once
    long seconds = body.get("expires_in") instanceof Number n ? n.longValue() : 0;
    token = new CachedToken(s, Instant.now().plusSeconds(Math.max(0, seconds - 5)));
    return s;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
