package io.recoveryportal.bench;

import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Start-up time and memory of a bare Payara Micro and of the portal (the uber jar, against the
 * sandbox), each started several times; prints the figures. Run with {@code mvn -Pbenchmark} (after
 * a build). Not a test: the numbers depend on the machine, so nothing here passes or fails.
 */
public final class StartupBenchmark {

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("runs", 3);
    Path target = Path.of("target").toAbsolutePath();
    List<String> jvm =
        Arrays.asList(
            System.getProperty("portal.jvm", "-Xmx768m -XX:TieredStopAtLevel=1")
                .trim()
                .split("\\s+"));
    List<Long> bare = new ArrayList<>();
    List<Long> portal = new ArrayList<>();
    List<Long> firstPage = new ArrayList<>();
    List<Long> rss = new ArrayList<>();
    HttpClient http = HttpClient.newHttpClient();
    try (Sandbox sandbox =
        Sandbox.start(
            Sandbox.Options.ephemeral(Path.of("config/sandbox/directory.json"), target))) {
      for (int i = 0; i < runs; i++) {
        try (PortalProcess p =
            PortalProcess.start(
                target.resolve("payara-micro.jar"),
                null,
                target.resolve("bench/bare-" + i),
                PortalProcess.freePort(),
                Map.of(),
                jvm,
                null,
                Duration.ofMinutes(3))) {
          bare.add(p.readyMillis());
        }
        int port = PortalProcess.freePort();
        String base = "http://localhost:" + port;
        sandbox.registerPortal(base);
        Map<String, String> config = sandbox.portalConfig(base);
        config.put("db.url", "jdbc:h2:file:" + target.resolve("bench/data-" + i + "/portal"));
        long t0 = System.nanoTime();
        try (PortalProcess p =
            PortalProcess.start(
                target.resolve("portal-micro.jar"),
                null,
                target.resolve("bench/portal-" + i),
                port,
                config,
                jvm,
                null,
                Duration.ofMinutes(3))) {
          int status =
              http.send(
                      HttpRequest.newBuilder(URI.create(base + "/")).build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode();
          if (status != 200) {
            throw new IllegalStateException("start page answered " + status);
          }
          firstPage.add((System.nanoTime() - t0) / 1_000_000);
          portal.add(p.readyMillis());
          rss.add(p.residentKiB() / 1024);
        }
      }
    }
    System.out.printf(
        "%nStart-up on %d cores, JVM options %s, %d runs (min / median / max):%n",
        Runtime.getRuntime().availableProcessors(), String.join(" ", jvm), runs);
    System.out.printf("  bare Payara Micro 6.2025.10, ready:         %s ms%n", stats(bare));
    System.out.printf("  portal (portal-micro.jar), ready:           %s ms%n", stats(portal));
    System.out.printf("  portal, launch to first start page (200):   %s ms%n", stats(firstPage));
    System.out.printf("  portal, resident memory after first page:   %s MiB%n", stats(rss));
  }

  private static String stats(List<Long> values) {
    List<Long> v = new ArrayList<>(values);
    Collections.sort(v);
    return v.get(0) + " / " + v.get(v.size() / 2) + " / " + v.get(v.size() - 1);
  }
}
