package io.recoveryportal.directory.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * The budget on a fake clock (exact, and instant to run), and from many threads on the real one.
 */
class GraphBudgetTest {

  private static final String BASE = "https://graph.microsoft.com/v1.0";
  private static final String USER = BASE + "/users/5a1c0d3e-1111-4222-8333-944455556666";

  /** A clock that only moves when somebody waits on it. */
  private static final class FakeClock implements GraphBudget.Clock {
    final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));

    @Override
    public long currentTimeNanos() {
      return now.get();
    }

    @Override
    public void park(long nanos) {
      now.addAndGet(nanos);
    }

    double seconds() {
      return (now.get() - TimeUnit.HOURS.toNanos(1)) / 1e9;
    }
  }

  /** The end of the chain: answers each request with {@code status} (and counts them). */
  static class Wire implements Interceptor.Chain {
    final Request request;
    final int status;
    final String retryAfter;
    final AtomicInteger sent;

    Wire(Request request, int status, String retryAfter, AtomicInteger sent) {
      this.request = request;
      this.status = status;
      this.retryAfter = retryAfter;
      this.sent = sent;
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public Response proceed(Request r) {
      sent.incrementAndGet();
      Response.Builder b =
          new Response.Builder()
              .request(r)
              .protocol(Protocol.HTTP_1_1)
              .code(status)
              .message("x")
              .body(ResponseBody.create("{}", MediaType.get("application/json")));
      if (retryAfter != null) {
        b.header("Retry-After", retryAfter);
      }
      return b.build();
    }

    @Override
    public Connection connection() {
      return null;
    }

    @Override
    public Call call() {
      return null;
    }

    @Override
    public int connectTimeoutMillis() {
      return 0;
    }

    @Override
    public Interceptor.Chain withConnectTimeout(int timeout, TimeUnit unit) {
      return this;
    }

    @Override
    public int readTimeoutMillis() {
      return 0;
    }

    @Override
    public Interceptor.Chain withReadTimeout(int timeout, TimeUnit unit) {
      return this;
    }

    @Override
    public int writeTimeoutMillis() {
      return 0;
    }

    @Override
    public Interceptor.Chain withWriteTimeout(int timeout, TimeUnit unit) {
      return this;
    }
  }

  private static Request get(String url) {
    return new Request.Builder().url(url).get().build();
  }

  private static Request patch() {
    return new Request.Builder()
        .url(USER)
        .patch(RequestBody.create("{}", MediaType.get("application/json")))
        .build();
  }

  private static void send(GraphBudget budget, Request request, AtomicInteger sent)
      throws IOException {
    budget.intercept(new Wire(request, 200, null, sent));
  }

  @Test
  void writesGoAtOnceUpToATenthOfTheQuotaThenAtNineTenthsOfItsRate() throws IOException {
    FakeClock clock = new FakeClock();
    GraphBudget budget =
        new GraphBudget(GraphBudget.TenantSize.L, 1, Duration.ofMinutes(5), BASE, clock);
    AtomicInteger sent = new AtomicInteger();
    for (int i = 0; i < 300; i++) {
      send(budget, patch(), sent);
    }
    assertEquals(0.0, clock.seconds(), 1e-6, "300 writes (a tenth of 3,000) go at once");
    for (int i = 0; i < 270; i++) {
      send(budget, patch(), sent);
    }
    // 2,700 refill over 150 s: 18 a second, so 270 more take 15 s
    assertEquals(15.0, clock.seconds(), 0.01);
    assertEquals(570, sent.get());
  }

  @Test
  void noWindowSeesMoreThanTheQuota() throws IOException {
    FakeClock clock = new FakeClock();
    GraphBudget budget =
        new GraphBudget(GraphBudget.TenantSize.S, 1, Duration.ofMinutes(5), BASE, clock);
    AtomicInteger sent = new AtomicInteger();
    List<Double> times = new ArrayList<>();
    // GET users costs 2: the S quota of 3,500 RU per 10 s is 1,750 of them
    for (int i = 0; i < 5_000; i++) {
      send(budget, get(BASE + "/users"), sent);
      times.add(clock.seconds());
    }
    int most = 0;
    for (int i = 0, j = 0; i < times.size(); i++) {
      while (times.get(i) - times.get(j) >= 10.0) {
        j++;
      }
      most = Math.max(most, i - j + 1);
    }
    assertTrue(most <= 1_750, "the busiest 10 s held " + most + " requests of 2 RU");
    assertTrue(most >= 1_700, "and the budget is used: " + most);
  }

  @Test
  void aShareOfTheBudgetIsThatShare() throws IOException {
    FakeClock clock = new FakeClock();
    GraphBudget budget =
        new GraphBudget(GraphBudget.TenantSize.L, 0.25, Duration.ofMinutes(5), BASE, clock);
    AtomicInteger sent = new AtomicInteger();
    for (int i = 0; i < 75 + 45; i++) {
      send(budget, patch(), sent);
    }
    // a quarter: 75 at once, then 4.5 a second
    assertEquals(10.0, clock.seconds(), 0.01);
  }

  @Test
  void aWaitBeyondTheLimitIsRefusedAndTakesNothing() throws IOException {
    FakeClock clock = new FakeClock();
    GraphBudget budget =
        new GraphBudget(GraphBudget.TenantSize.L, 0.01, Duration.ofSeconds(1), BASE, clock);
    AtomicInteger sent = new AtomicInteger();
    // a hundredth: 3 writes at once, then 0.18 a second (one every 5.6 s)
    for (int i = 0; i < 3; i++) {
      send(budget, patch(), sent);
    }
    IOException e = assertThrows(IOException.class, () -> send(budget, patch(), sent));
    assertTrue(e.getMessage().contains("would wait more than 1000 ms"), e.getMessage());
    assertEquals(3, sent.get());
    assertEquals(0.0, clock.seconds(), 1e-6, "nobody waited");
    // the refusal took nothing from the read budget either: reads still go at once
    send(budget, get(USER), sent);
    assertEquals(0.0, clock.seconds(), 1e-6);
  }

  @Test
  void after429NothingIsSentUntilItsRetryAfter() throws IOException {
    FakeClock clock = new FakeClock();
    GraphBudget budget =
        new GraphBudget(GraphBudget.TenantSize.L, 1, Duration.ofSeconds(30), BASE, clock);
    AtomicInteger sent = new AtomicInteger();
    Response throttled = budget.intercept(new Wire(get(USER), 429, "2.5", sent));
    assertEquals(429, throttled.code(), "the 429 itself goes back to the SDK's retry handler");
    send(budget, get(USER), sent);
    assertEquals(2.5, clock.seconds(), 0.001, "the next request waited out the Retry-After");
    budget.intercept(new Wire(get(USER), 429, null, sent));
    send(budget, get(USER), sent);
    assertEquals(3.5, clock.seconds(), 0.001, "no Retry-After: a second");
  }

  @Test
  void aRetryAfterLongerThanTheWaitLimitFailsAtOnce() throws IOException {
    FakeClock clock = new FakeClock();
    GraphBudget budget =
        new GraphBudget(GraphBudget.TenantSize.L, 1, Duration.ofSeconds(30), BASE, clock);
    AtomicInteger sent = new AtomicInteger();
    budget.intercept(new Wire(get(USER), 429, "120", sent));
    assertThrows(IOException.class, () -> send(budget, get(USER), sent));
    assertEquals(1, sent.get());
  }

  @Test
  void manyThreadsAtOnceNeverExceedTheBudget() throws Exception {
    // the real clock: 1 % of an S tenant is 35 RU per 10 s: 3.5 at once (3 requests of 1 RU), 3.15
    // a second
    GraphBudget budget =
        new GraphBudget(
            GraphBudget.TenantSize.S, 0.01, Duration.ofSeconds(30), BASE, GraphBudget.SYSTEM);
    AtomicInteger sent = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    long started = System.nanoTime();
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        all.add(
            pool.submit(
                () -> {
                  send(budget, get(USER + "?$select=id"), sent);
                  return null;
                }));
      }
      for (Future<?> f : all) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(16, sent.get());
    // 3.5 at once, 12.5 more at 3.15 a second: about 4 s; never faster than the budget
    assertTrue(seconds >= 3.8, "16 requests of 1 RU took " + seconds + " s");
  }
}
