package io.recoveryportal.directory.graph;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.recoveryportal.cluster.BucketSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Spaces the portal's Graph requests by Microsoft's own model of the identity-and-access limits, so
 * that a surge (an organisation-wide forced reset) queues here, briefly, instead of running into
 * throttling that answers 429 to every caller of the app in the tenant:
 *
 * <ul>
 *   <li>a resource-unit quota per app and tenant per 10 s, by the tenant's size (S 3,500, M 5,000,
 *       L 8,000), each request costing what {@link RequestCost} says;
 *   <li>a write quota per app and tenant of 3,000 per 150 s (every POST, PATCH, PUT and DELETE);
 *   <li>after a 429, nothing is sent until its {@code Retry-After} has passed: Graph throttles the
 *       whole app in the tenant, so every request waiting here would get a 429 too.
 * </ul>
 *
 * Both quotas are token buckets (Bucket4j) holding a tenth of the window's quota and refilling nine
 * tenths of it over the window, so that no window of that length ever sees more than the quota,
 * however the requests fall. {@code share} is the part of the quotas the portal may use (other
 * software with the same registration takes the rest). In the container the buckets are the Data
 * Grid's ({@code SharedBuckets}): every node of a cluster takes from the same two, so the cluster
 * as a whole keeps to the share however many nodes there are, and a node that joins starts with
 * what the others left. Tokens are thousandths of a unit so that small shares stay exact. The pause
 * after a 429 is per node: each node hears Graph's 429s for itself, since Graph throttles the whole
 * app.
 *
 * <p>It sits inside the SDK's retry handler in the OkHttp chain, so retries are paced too. A
 * request that would wait longer than {@code maxWait} fails at once with an I/O error (the adapters
 * report the directory as unavailable) rather than holding a request thread while the queue grows.
 * Thread-safe.
 */
final class GraphBudget implements Interceptor {

  /** The tenant's size class, by its number of users (S under 50, M 50 to 500, L above 500). */
  enum TenantSize {
    S(3_500),
    M(5_000),
    L(8_000);

    final int resourceUnitsPerWindow;

    TenantSize(int resourceUnitsPerWindow) {
      this.resourceUnitsPerWindow = resourceUnitsPerWindow;
    }
  }

  static final Duration RESOURCE_UNIT_WINDOW = Duration.ofSeconds(10);
  static final int WRITES_PER_WINDOW = 3_000;
  static final Duration WRITE_WINDOW = Duration.ofSeconds(150);

  private static final long MILLI = 1_000;

  /** Time and waiting, replaceable in tests. */
  interface Clock extends TimeMeter, BlockingStrategy {
    @Override
    default boolean isWallClockBased() {
      return false;
    }
  }

  static final Clock SYSTEM =
      new Clock() {
        @Override
        public long currentTimeNanos() {
          return System.nanoTime();
        }

        @Override
        public void park(long nanos) throws InterruptedException {
          TimeUnit.NANOSECONDS.sleep(nanos);
        }
      };

  /**
   * The request was not sent: the queue was too long. Its own type, so a write refused here is
   * known unsent.
   */
  static final class QueueFull extends IOException {

    private static final long serialVersionUID = 1L;

    QueueFull(String message) {
      super(message);
    }
  }

  private final Bucket resourceUnits;
  private final Bucket writes;
  private final long maxWaitNanos;
  private final Clock clock;
  private final int versionRootSegments;

  /** Nothing is sent before this time (nanos on {@link #clock}): the last 429's Retry-After. */
  private final AtomicLong pausedUntil;

  /** A budget in this JVM alone, on {@code clock}: one node, or a test. */
  GraphBudget(TenantSize size, double share, Duration maxWait, String graphBaseUrl, Clock clock) {
    this(size, share, maxWait, graphBaseUrl, clock, BucketSource.inMemory(clock));
  }

  /**
   * A budget whose buckets come from {@code buckets}: the Data Grid's, so that every node of a
   * cluster takes from the same two buckets and the cluster as a whole keeps to {@code share} of
   * the quotas.
   */
  GraphBudget(
      TenantSize size,
      double share,
      Duration maxWait,
      String graphBaseUrl,
      Clock clock,
      BucketSource buckets) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in (0, 1]: " + share);
    }
    this.resourceUnits =
        buckets.bucket(
            "portal.graph.resource-units",
            size.name(),
            limit(size.resourceUnitsPerWindow * share, RESOURCE_UNIT_WINDOW));
    this.writes =
        buckets.bucket(
            "portal.graph.writes", "all", limit(WRITES_PER_WINDOW * share, WRITE_WINDOW));
    this.maxWaitNanos = maxWait.toNanos();
    this.clock = clock;
    this.versionRootSegments =
        HttpUrl.get(graphBaseUrl).pathSegments().stream().filter(s -> !s.isEmpty()).toList().size();
    this.pausedUntil = new AtomicLong(clock.currentTimeNanos());
  }

  private static Bandwidth limit(double quotaPerWindow, Duration window) {
    long quota = Math.max(10, Math.round(quotaPerWindow * MILLI));
    return Bandwidth.builder()
        .capacity(quota / 10)
        .refillGreedy(quota - quota / 10, window)
        .build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long waited = awaitPause();
    RequestCost cost = cost(request);
    try {
      if (cost.writes() > 0
          && !writes.asBlocking().tryConsume(cost.writes() * MILLI, maxWaitNanos - waited, clock)) {
        throw tooLong();
      }
      if (!resourceUnits
          .asBlocking()
          .tryConsume(cost.resourceUnits() * MILLI, maxWaitNanos - waited, clock)) {
        writes.addTokens(cost.writes() * MILLI);
        throw tooLong();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(
          "Interrupted while waiting to send a Microsoft Graph request");
    }
    Response response = chain.proceed(request);
    if (response.code() == 429) {
      pauseFor(retryAfterNanos(response.header("Retry-After")));
    }
    return response;
  }

  /** Waits out a pause after a 429; returns how long it waited. */
  private long awaitPause() throws IOException {
    long wait = pausedUntil.get() - clock.currentTimeNanos();
    if (wait <= 0) {
      return 0;
    }
    if (wait > maxWaitNanos) {
      throw tooLong();
    }
    try {
      clock.park(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(
          "Interrupted while waiting out Microsoft Graph's Retry-After");
    }
    return wait;
  }

  private void pauseFor(long nanos) {
    long until = clock.currentTimeNanos() + nanos;
    pausedUntil.accumulateAndGet(until, Math::max);
  }

  private IOException tooLong() {
    return new QueueFull(
        "Too many Microsoft Graph requests queued in the portal: a request would wait more than "
            + TimeUnit.NANOSECONDS.toMillis(maxWaitNanos)
            + " ms to be sent");
  }

  RequestCost cost(Request request) {
    HttpUrl url = request.url();
    List<String> segments =
        url.pathSegments().stream().skip(versionRootSegments).filter(s -> !s.isEmpty()).toList();
    int top = -1;
    String topValue = url.queryParameter("$top");
    if (topValue != null) {
      try {
        top = Integer.parseInt(topValue.strip());
      } catch (NumberFormatException e) {
        top = -1;
      }
    }
    return RequestCost.of(request.method(), segments, List.copyOf(url.queryParameterNames()), top);
  }

  /**
   * Graph's Retry-After is seconds, possibly fractional ("2.128"); HTTP also allows a date. Without
   * one, Graph's guidance is to back off: a second, as the SDK's retry handler does before its own
   * exponential delays.
   */
  static long retryAfterNanos(String header) {
    if (header != null) {
      try {
        return (long) (Double.parseDouble(header.strip()) * 1e9);
      } catch (NumberFormatException e) {
        try {
          return Math.max(
              0,
              Duration.between(
                      ZonedDateTime.now(),
                      ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME))
                  .toNanos());
        } catch (DateTimeParseException notADate) {
          // fall through to the default
        }
      }
    }
    return TimeUnit.SECONDS.toNanos(1);
  }
}
