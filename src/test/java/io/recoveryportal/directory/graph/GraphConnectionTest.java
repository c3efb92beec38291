package io.recoveryportal.directory.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import io.recoveryportal.cluster.BucketSource;
import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.lookup.WorkEmail;
import io.recoveryportal.metrics.Meters;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adapters as CDI wires them: {@link GraphConnection} and {@link PortalConfig} built from the
 * configuration the sandbox hands a portal, including the Graph budget ({@code graph.tenant-size},
 * {@code graph.budget-share}), whose spacing must show on the wire.
 */
class GraphConnectionTest {

  @RegisterExtension static final GraphSandbox tenant = new GraphSandbox();

  /** What the connection told its metrics: Graph exchanges, and the time spent in pacing. */
  private static final AtomicInteger EXCHANGES = new AtomicInteger();

  private static final AtomicLong PACED_NANOS = new AtomicLong();

  /** PortalConfig over a map, as MicroProfile Config would answer. */
  private static PortalConfig config(Map<String, String> values) {
    return new PortalConfig() {
      @Override
      public Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
      }
    };
  }

  private static GraphConnection connection(PortalConfig config) {
    GraphConnection connection = new GraphConnection();
    connection.config = config;
    // one node: its own buckets (the Data Grid's are SharedGraphBudgetTest's)
    connection.buckets = BucketSource.inMemory(TimeMeter.SYSTEM_MILLISECONDS);
    connection.meters =
        new Meters(null) {
          @Override
          public void graphExchange(String method, int status, long nanos) {
            EXCHANGES.incrementAndGet();
          }

          @Override
          public void graphPacing(long nanos) {
            PACED_NANOS.addAndGet(nanos);
          }

          @Override
          public void graphThrottled(Duration retryAfter) {
            // the sandbox does not throttle here
          }
        };
    return connection;
  }

  @Test
  void configuredBudgetSpacesTheRequests() {
    Map<String, String> values =
        new HashMap<>(tenant.sandbox.portalConfig("http://localhost:8080"));
    // 1 % of an S tenant: 35 RU per 10 s, 3.5 at once, then 3.15 a second
    values.put("graph.tenant-size", "s");
    values.put("graph.budget-share", "0.01");
    PortalConfig config = config(values);
    GraphConnection connection = connection(config);
    try {
      assertEquals(
          new GraphSettings.Pacing(GraphBudget.TenantSize.S, 0.01, false),
          connection.clients().settings().pacing());
      GraphDirectory directory = new GraphDirectory(connection, config);
      WorkEmail jane = WorkEmail.parse("jane.smith@contoso.com").orElseThrow();
      connection.clients().acquireToken(); // into MSAL's cache, outside the measurement
      EXCHANGES.set(0);
      PACED_NANOS.set(0);
      long started = System.nanoTime();
      for (int i = 0; i < 8; i++) {
        assertEquals(1, directory.findByEmail(jane).size());
      }
      long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
      // a lookup ($filter and $select on users) costs 1 RU: 3 at once (0.5 RU left), then 4.5 RU at
      // 3.15 a
      // second for the other 5, 1.43 s
      assertTrue(elapsedMillis >= 1_380, "paced: " + elapsedMillis + " ms");
      // and the metrics heard of it: each lookup an exchange, the waits as pacing time (most of the
      // 1.43 s:
      // the bucket also refills while the SDK builds and parses each request, which is no wait)
      assertEquals(8, EXCHANGES.get());
      assertTrue(
          PACED_NANOS.get() >= 800_000_000L, "pacing reported: " + PACED_NANOS.get() + " ns");
    } finally {
      connection.close();
    }
  }

  @Test
  void pacingOffIsForTheSandboxOnly() {
    Map<String, String> values =
        new HashMap<>(tenant.sandbox.portalConfig("http://localhost:8080"));
    values.put("graph.pacing", "off");
    GraphConnection connection = connection(config(values));
    try {
      assertTrue(connection.clients().settings().pacing().off());
    } finally {
      connection.close();
    }
    values.put("graph.base-url", "https://graph.microsoft.com/v1.0");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> connection(config(values)).clients());
    assertTrue(e.getMessage().startsWith("graph.pacing=off"), e.getMessage());
  }

  @Test
  void aBudgetThatCannotBeReadIsNamedByItsKey() {
    for (String[] bad :
        new String[][] {
          {"graph.tenant-size", "XL"},
          {"graph.budget-share", "half"},
          {"graph.budget-share", "0"},
          {"graph.budget-share", "2"},
          {"graph.pacing", "fast"}
        }) {
      Map<String, String> values =
          new HashMap<>(tenant.sandbox.portalConfig("http://localhost:8080"));
      values.put(bad[0], bad[1]);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> connection(config(values)).clients());
      assertTrue(e.getMessage().startsWith(bad[0]), bad[0] + "=" + bad[1] + ": " + e.getMessage());
    }
  }
}
