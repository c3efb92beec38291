package io.recoveryportal.bench;

import io.recoveryportal.it.FlowDriver;
import io.recoveryportal.it.FlowDriver.Result;
import io.recoveryportal.it.FlowDriver.Step;
import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.PortalProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Complete recoveries over HTTP against the portal (the uber jar, its own process) and the sandbox
 * (its own JVM, {@link BenchmarkSandbox}), driven from this JVM with {@link FlowDriver}: password
 * flows, MFA flows and a morning's mix, at several concurrencies, with the response floor off and
 * at its default. Prints per step p50/p95/p99 of the time the driver waited for the portal, flows a
 * second, the portal JVM's CPU per flow (from /proc/PID/stat of that process), its peak resident
 * memory, Graph requests per flow as the sandbox counted them, errors, and the share of the machine
 * each process took; then CPU per flow over a long run in windows. Run with {@code mvn
 * -Pflow-benchmark}. Not a test: the figures depend on the machine, so nothing here passes or
 * fails.
 *
 * <p>System properties: {@code flows} (per kind and concurrency, 500), {@code concurrency}
 * ("1,8,32,100"), {@code kinds} ("password,mfa,morning"), {@code floors} ("0,default": the
 * floor-off portal, then one with the default floor), {@code floor.concurrency} (concurrencies for
 * the default floor, "8,100"), {@code warmup} (flows before measuring, 500), {@code long} (flows of
 * the long run, 0 = none), {@code window} (1000), {@code long.concurrency} (32), {@code rates}
 * (open-loop runs of password flows arriving at these rates a second, at most 100 at once: the
 * latency of each step when the portal is not saturated; none by default), {@code portal.jvm},
 * {@code portal.jar} (target/portal-micro.jar), {@code db.options} (what follows the H2 file in
 * {@code db.url}: the default URL's ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64"; ";WRITE_DELAY=0" for a
 * portal built before the statement cache). Graph pacing is off ({@code graph.pacing=off}) so that
 * the portal's own cost is measured, not Entra's quota; rate limits are raised so that they never
 * refuse.
 */
public final class FlowBenchmark {

  /** Steps that are the portal's (INCODE is the sandbox's Incode page). */
  private static final List<Step> PORTAL_STEPS =
      List.of(
          Step.START_PAGE,
          Step.CONTINUE,
          Step.TO_INCODE,
          Step.CALLBACK,
          Step.RECOVER_PAGE,
          Step.PASSWORD,
          Step.MFA);

  private static final long TICK_MS =
      10; // USER_HZ is 100 on Linux: /proc times are in hundredths of a second
  private static final Pattern CALLS = Pattern.compile("\"calls\"\\s*:\\s*(\\d+)");

  private final HttpClient http = FlowDriver.client();
  private final AtomicInteger nextEnabled = new AtomicInteger();
  private final AtomicInteger nextDisabled = new AtomicInteger();
  private final AtomicInteger nextUnknown = new AtomicInteger();
  private String sandboxBase;
  private long sandboxPid;

  /**
   * A kind of flow: what it does for the i-th flow of a run, and whether the page it ended on is
   * the right one.
   */
  private record Kind(String name, IntFunction<Flow> flow) {}

  /** One flow to run: the driver's work, and the heading it must end on. */
  private record Flow(
      java.util.function.Function<FlowDriver, Result> run, String expectedHeading) {}

  public static void main(String[] args) throws Exception {
    new FlowBenchmark().run();
  }

  private void run() throws Exception {
    int flows = Integer.getInteger("flows", 500);
    List<Integer> concurrency = ints(System.getProperty("concurrency", "1,8,32,100"));
    List<Integer> floorConcurrency = ints(System.getProperty("floor.concurrency", "8,100"));
    List<String> kinds = List.of(System.getProperty("kinds", "password,mfa,morning").split(","));
    List<String> floors = List.of(System.getProperty("floors", "0,default").split(","));
    int warmup = Integer.getInteger("warmup", 500);
    List<Double> rates =
        Arrays.stream(System.getProperty("rates", "").split(","))
            .map(String::trim)
            .filter(r -> !r.isEmpty())
            .map(Double::parseDouble)
            .toList();
    int longRun = Integer.getInteger("long", 0);
    int window = Integer.getInteger("window", 1000);
    int longConcurrency = Integer.getInteger("long.concurrency", 32);
    List<String> jvm =
        Arrays.asList(
            System.getProperty("portal.jvm", "-Xmx384m -XX:+UseSerialGC").trim().split("\\s+"));
    Path jar =
        Path.of(System.getProperty("portal.jar", "target/portal-micro.jar")).toAbsolutePath();
    Path work = Path.of("target/flow-benchmark").toAbsolutePath();
    Files.createDirectories(work);

    int needed = 0;
    for (String floor : floors) {
      needed +=
          warmup
              + (floor.equals("0") ? concurrency : floorConcurrency).size() * kinds.size() * flows;
    }
    needed += longRun + rates.size() * flows;
    int employees = needed + needed / 10 + 200;

    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < floors.size(); i++) {
      ports.add(PortalProcess.freePort());
    }
    System.out.printf(
        "%nFlow benchmark on %d cores (%s), portal %s, JVM options %s%n",
        Runtime.getRuntime().availableProcessors(),
        cpuModel(),
        jar.getFileName(),
        String.join(" ", jvm));
    System.out.printf(
        "Graph pacing off (graph.pacing=off): the sandbox is a loopback stand-in, and the portal's own cost is measured, "
            + "not Entra's quota. %d generated employees.%n",
        employees);
    Process sandbox = startSandbox(employees, work, ports);
    try {
      Properties base = new Properties();
      try (Reader r =
          Files.newBufferedReader(work.resolve("portal.properties"), StandardCharsets.UTF_8)) {
        base.load(r);
      }
      for (int f = 0; f < floors.size(); f++) {
        String floor = floors.get(f);
        int port = ports.get(f);
        String url = "http://localhost:" + port;
        Map<String, String> config = new LinkedHashMap<>();
        base.forEach((k, v) -> config.put((String) k, (String) v));
        config.put("portal.base-url", url);
        config.put(
            "db.url",
            "jdbc:h2:file:"
                + work.resolve("data-" + floor + "-" + System.nanoTime() + "/portal")
                + System.getProperty("db.options", ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64"));
        config.put("graph.pacing", "off");
        config.put("recovery.rate.per-ip-per-hour", "100000000");
        config.put("recovery.rate.per-account-per-day", "1000");
        config.put("recovery.rate.incode-sessions-per-hour", "100000000");
        if (!floor.equals("default")) {
          config.put("recovery.response-floor-ms", floor);
        }
        try (PortalProcess portal =
            PortalProcess.start(
                jar,
                null,
                work.resolve("payara-" + floor),
                port,
                config,
                jvm,
                null,
                Duration.ofMinutes(4))) {
          String floorName =
              floor.equals("default")
                  ? "default floor (1500 ms)"
                  : "response floor " + floor + " ms";
          System.out.printf(
              "%n=== Portal with %s: ready in %d ms, pid %d, RSS %d MiB ===%n",
              floorName, portal.readyMillis(), portal.pid(), portal.residentKiB() / 1024);
          Measurement w = measure(portal, password(), 8, warmup);
          System.out.printf(
              "warm-up: %d password flows at 8 concurrent, %d errors, %.1f ms portal CPU per flow%n",
              warmup, w.errors, w.portalCpuMsPerFlow());
          long idleBefore = cpuTicks(portal.pid());
          Thread.sleep(20_000);
          System.out.printf(
              "at rest after the warm-up: %.0f ms portal CPU a second (timers, housekeeping, the JIT), "
                  + "part of every figure per flow below, most of it at 1 concurrent%n",
              (cpuTicks(portal.pid()) - idleBefore) * TICK_MS / 20.0);
          for (String k : kinds) {
            Kind kind = kind(k);
            for (int c : floor.equals("0") ? concurrency : floorConcurrency) {
              print(kind, c, measure(portal, kind, c, flows));
            }
          }
          for (double rate : floor.equals("0") ? rates : List.<Double>of()) {
            Measurement m = measure(portal, password(), 100, flows, rate);
            System.out.printf(
                "%n(open loop: password flows arriving at %.0f a second, at most 100 at once)",
                rate);
            print(password(), 100, m);
          }
          if (longRun > 0 && floor.equals("0")) {
            longRun(portal, longRun, window, longConcurrency);
          }
          if (jvm.stream().anyMatch(o -> o.startsWith("-XX:NativeMemoryTracking="))) {
            nativeMemory(portal.pid());
          }
        }
      }
    } finally {
      sandbox.getOutputStream().close();
      if (!sandbox.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        sandbox.destroyForcibly();
      }
    }
  }

  // ---- the kinds of flow ----

  private Kind kind(String name) {
    return switch (name.trim()) {
      case "password" -> password();
      case "mfa" ->
          new Kind(
              "mfa",
              i -> new Flow(d -> d.mfaFlow(enabledAddress(), "VERIFIED"), "You are back in"));
      case "morning" -> morning();
      default ->
          throw new IllegalArgumentException("unknown kind " + name + " (password, mfa, morning)");
    };
  }

  private Kind password() {
    return new Kind(
        "password",
        i ->
            new Flow(
                d -> d.passwordFlow(enabledAddress(), "VERIFIED", password(i)), "You are back in"));
  }

  /**
   * A bad morning's mix: 8 in 10 clean matches resetting their password, 1 in 10 a review (Incode's
   * MANUAL_REVIEW or a name that differs), 1 in 10 an address that must not be recovered (unknown,
   * or a disabled account), which goes to Incode all the same and ends "we could not verify you".
   */
  private Kind morning() {
    return new Kind(
        "morning",
        i ->
            switch (i % 20) {
              case 8 ->
                  new Flow(
                      d -> d.verify(enabledAddress(), "password", "MANUAL_REVIEW"),
                      "Your request needs a review");
              case 18 ->
                  new Flow(
                      d -> d.verify(enabledAddress(), "password", "NAME_TYPO"),
                      "Your request needs a review");
              case 9 ->
                  new Flow(
                      d -> d.verify(unknownAddress(), "password", "VERIFIED"),
                      "We could not verify you");
              case 19 ->
                  new Flow(
                      d -> d.verify(disabledAddress(), "password", "VERIFIED"),
                      "We could not verify you");
              default ->
                  new Flow(
                      d -> d.passwordFlow(enabledAddress(), "VERIFIED", password(i)),
                      "You are back in");
            });
  }

  private String enabledAddress() {
    int i;
    do {
      i = nextEnabled.getAndIncrement();
    } while (Directory.benchmarkDisabled(i));
    return Directory.benchmarkAddress(i);
  }

  private String disabledAddress() {
    return Directory.benchmarkAddress(
        nextDisabled.getAndIncrement() * Directory.BENCHMARK_DISABLED_EVERY
            + Directory.BENCHMARK_DISABLED_EVERY
            - 1);
  }

  private String unknownAddress() {
    return "nobody." + nextUnknown.getAndIncrement() + "@contoso.com";
  }

  /**
   * Long enough and varied enough for the local policy and Entra's, and never the person's name.
   */
  private static String password(int i) {
    return "Quokka-Tr4il-" + Integer.toString(i * 7919 + 104729, 36) + "-Mosaic";
  }

  // ---- measuring ----

  /** What one run of flows came to. */
  private record Measurement(
      int flows,
      int concurrency,
      long wallMs,
      int errors,
      List<String> errorSamples,
      Map<Step, List<Long>> stepMillis,
      long portalTicks,
      long sandboxTicks,
      long driverTicks,
      long machineTicks,
      long machineBusyTicks,
      long graphCalls,
      long peakRssKiB,
      long rssKiB,
      String loadBefore,
      String loadAfter) {

    double portalCpuMsPerFlow() {
      return (double) portalTicks * TICK_MS / flows;
    }

    double flowsPerSecond() {
      return flows * 1000.0 / wallMs;
    }
  }

  private Measurement measure(PortalProcess portal, Kind kind, int concurrency, int flows)
      throws Exception {
    return measure(portal, kind, concurrency, flows, 0);
  }

  /**
   * {@code rate} flows a second arriving (open loop, at most {@code concurrency} at once), or 0:
   * each thread flow after flow.
   */
  private Measurement measure(
      PortalProcess portal, Kind kind, int concurrency, int flows, double rate) throws Exception {
    String loadBefore = loadAverage();
    long portalBefore = cpuTicks(portal.pid());
    long sandboxBefore = cpuTicks(sandboxPid);
    long driverBefore = cpuTicks(ProcessHandle.current().pid());
    long[] machineBefore = machineTicks();
    long callsBefore = graphCalls();
    long t0 = System.nanoTime();
    List<Result> results = new ArrayList<>();
    List<Flow> planned = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<Result>> futures = new ArrayList<>();
      for (int i = 0; i < flows; i++) {
        Flow flow = kind.flow().apply(i);
        planned.add(flow);
        if (rate > 0) {
          // open loop: flows arrive at the rate, whether or not earlier ones have finished
          long due = t0 + (long) (i * 1e9 / rate);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
        }
        futures.add(pool.submit(() -> flow.run().apply(new FlowDriver(portal.baseUrl(), http))));
      }
      for (Future<Result> f : futures) {
        try {
          results.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          results.add(null);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    long wallMs = (System.nanoTime() - t0) / 1_000_000;
    long[] machineAfter = machineTicks();
    Map<Step, List<Long>> steps = new EnumMap<>(Step.class);
    int errors = 0;
    List<String> samples = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      Result r = results.get(i);
      String expected = planned.get(i).expectedHeading();
      if (r == null || r.serverError() || !expected.equals(r.heading())) {
        errors++;
        if (samples.size() < 3) {
          samples.add(
              r == null
                  ? "exception"
                  : "statuses "
                      + r.statuses()
                      + ", heading "
                      + r.heading()
                      + ", problem "
                      + r.problem());
        }
        continue;
      }
      r.millis().forEach((step, ms) -> steps.computeIfAbsent(step, s -> new ArrayList<>()).add(ms));
    }
    return new Measurement(
        flows,
        concurrency,
        wallMs,
        errors,
        samples,
        steps,
        cpuTicks(portal.pid()) - portalBefore,
        cpuTicks(sandboxPid) - sandboxBefore,
        cpuTicks(ProcessHandle.current().pid()) - driverBefore,
        machineAfter[0] - machineBefore[0],
        machineAfter[1] - machineBefore[1],
        graphCalls() - callsBefore,
        status(portal.pid(), "VmHWM"),
        status(portal.pid(), "VmRSS"),
        loadBefore,
        loadAverage());
  }

  private static void print(Kind kind, int c, Measurement m) {
    System.out.printf(
        "%n--- %s flows: %d at %d concurrent (load average before %s, after %s) ---%n",
        kind.name(), m.flows, c, m.loadBefore, m.loadAfter);
    System.out.printf(
        "  %.1f flows/s; %d errors%s%n",
        m.flowsPerSecond(),
        m.errors,
        m.errorSamples.isEmpty() ? "" : " e.g. " + String.join(" | ", m.errorSamples));
    System.out.printf(
        "  portal CPU %.1f ms per flow; Graph requests %.2f per flow; portal RSS %d MiB (peak %d MiB)%n",
        m.portalCpuMsPerFlow(),
        (double) m.graphCalls / m.flows,
        m.rssKiB / 1024,
        m.peakRssKiB / 1024);
    System.out.printf(
        "  machine share: portal %.0f%%, sandbox %.0f%%, driver %.0f%%, other %.0f%%, idle %.0f%% "
            + "(sandbox %.1f ms and driver %.1f ms CPU per flow)%n",
        pct(m.portalTicks, m.machineTicks),
        pct(m.sandboxTicks, m.machineTicks),
        pct(m.driverTicks, m.machineTicks),
        pct(m.machineBusyTicks - m.portalTicks - m.sandboxTicks - m.driverTicks, m.machineTicks),
        pct(m.machineTicks - m.machineBusyTicks, m.machineTicks),
        (double) m.sandboxTicks * TICK_MS / m.flows,
        (double) m.driverTicks * TICK_MS / m.flows);
    System.out.printf(
        "  %-13s %7s %7s %7s %7s   (ms the driver waited for the portal, per step)%n",
        "step", "p50", "p95", "p99", "max");
    for (Step s : PORTAL_STEPS) {
      List<Long> v = m.stepMillis.get(s);
      if (v != null && !v.isEmpty()) {
        List<Long> sorted = new ArrayList<>(v);
        java.util.Collections.sort(sorted);
        System.out.printf(
            "  %-13s %7d %7d %7d %7d%n",
            s,
            pick(sorted, 0.50),
            pick(sorted, 0.95),
            pick(sorted, 0.99),
            sorted.get(sorted.size() - 1));
      }
    }
  }

  /**
   * CPU per flow in windows of a long run of password flows: flat means nothing grows with the
   * flows served.
   */
  private void longRun(PortalProcess portal, int total, int window, int concurrency)
      throws Exception {
    System.out.printf(
        "%n--- long run: %d password flows at %d concurrent, in windows of %d ---%n",
        total, concurrency, window);
    System.out.printf(
        "  %7s %9s %10s %8s %9s %9s %8s %6s%n",
        "flows", "flows/s", "CPU ms/fl", "p99 max", "RSS MiB", "peak MiB", "Graph/fl", "errors");
    for (int done = 0; done < total; done += window) {
      Measurement m = measure(portal, password(), concurrency, Math.min(window, total - done));
      long worstP99 =
          m.stepMillis.values().stream()
              .mapToLong(
                  v -> {
                    List<Long> sorted = new ArrayList<>(v);
                    java.util.Collections.sort(sorted);
                    return pick(sorted, 0.99);
                  })
              .max()
              .orElse(0);
      System.out.printf(
          "  %7d %9.1f %10.1f %8d %9d %9d %8.2f %6d%n",
          done + m.flows,
          m.flowsPerSecond(),
          m.portalCpuMsPerFlow(),
          worstP99,
          m.rssKiB / 1024,
          m.peakRssKiB / 1024,
          (double) m.graphCalls / m.flows,
          m.errors);
    }
    System.out.printf("  load average at the end: %s%n", loadAverage());
  }

  /**
   * Where the portal's resident memory goes, by the JVM's own account (only with
   * -XX:NativeMemoryTracking).
   */
  private static void nativeMemory(long pid) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid),
                "VM.native_memory",
                "summary",
                "scale=MB")
            .redirectErrorStream(true)
            .start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    System.out.printf("%n--- the portal's memory by the JVM's account (committed MiB) ---%n");
    for (String line : out.split("\n")) {
      if (line.matches("\\s*(Total|-\\s+\\S.*)\\(reserved=.*") || line.startsWith("Total")) {
        System.out.println("  " + line.trim().replaceAll("\\s+", " "));
      }
    }
  }

  private static long pick(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
  }

  private static double pct(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  // ---- the sandbox's process ----

  private Process startSandbox(int employees, Path work, List<Integer> ports)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-XX:+UseSerialGC",
                "-cp",
                testClasspath(),
                BenchmarkSandbox.class.getName(),
                Integer.toString(employees),
                work.resolve("sandbox").toString(),
                work.resolve("portal.properties").toString()));
    ports.forEach(p -> cmd.add("http://localhost:" + p));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    sandboxPid = p.pid();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("SANDBOX READY ")) {
        sandboxBase = line.substring("SANDBOX READY ".length()).trim();
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // the sandbox's log is not the benchmark's output
                    }
                  } catch (IOException ignored) {
                    // it ended
                  }
                },
                "sandbox-output");
        drain.setDaemon(true);
        drain.start();
        return p;
      }
    }
    throw new IOException("the sandbox ended before it was ready (exit " + p.waitFor() + ")");
  }

  /**
   * The test classpath: exec:java runs this class in a class loader of its own, not on
   * java.class.path.
   */
  private static String testClasspath() {
    List<String> entries = new ArrayList<>();
    for (ClassLoader cl = FlowBenchmark.class.getClassLoader(); cl != null; cl = cl.getParent()) {
      if (cl instanceof URLClassLoader u) {
        for (URL url : u.getURLs()) {
          try {
            entries.add(Path.of(url.toURI()).toString());
          } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    if (entries.isEmpty()) {
      return System.getProperty("java.class.path");
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  private long graphCalls() throws IOException, InterruptedException {
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create(sandboxBase + "/control")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = CALLS.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("the sandbox's /control has no Graph call count: " + body);
    }
    return Long.parseLong(m.group(1));
  }

  // ---- /proc ----

  /**
   * utime + stime of a process, in ticks (fields 14 and 15 of /proc/PID/stat, counted after the
   * command's ")").
   */
  static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * All CPUs' ticks since boot and the busy part of them (all but idle and iowait), from
   * /proc/stat.
   */
  private static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total, total - idle};
    } catch (IOException e) {
      return new long[] {0, 0};
    }
  }

  private static long status(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // gone
    }
    return -1;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static String cpuModel() {
    try {
      Map<String, String> info = new HashMap<>();
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          info.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
      }
      return info.getOrDefault("model name", "unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static List<Integer> ints(String csv) {
    return Arrays.stream(csv.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Integer::parseInt)
        .toList();
  }
}
