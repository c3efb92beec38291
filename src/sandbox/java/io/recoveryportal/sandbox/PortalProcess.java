package io.recoveryportal.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The portal running in its own Payara Micro process, as it runs in production: {@code java -jar
 * payara-micro.jar --deploy portal.war}. Configuration goes in as system properties. Used by the
 * sandbox launcher and by the integration tests, which share one such process.
 */
public final class PortalProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final int managementPort;
  private final long readyMillis;
  private final List<String> output;

  private PortalProcess(
      Process process, int port, int managementPort, long readyMillis, List<String> output) {
    this.process = process;
    this.port = port;
    this.managementPort = managementPort;
    this.readyMillis = readyMillis;
    this.output = output;
  }

  /**
   * Starts Payara Micro with the WAR and waits until it says "ready" and the deployment succeeded.
   * The configuration goes in as environment variables (MicroProfile Config's mapping: {@code
   * incode.client-secret} becomes {@code INCODE_CLIENT_SECRET}), never as -D options: a command
   * line is readable by every local user. Unless the configuration says otherwise, the portal
   * listens on loopback only, and its management listener (health and metrics) on a free port of
   * its own.
   *
   * @param microJar payara-micro.jar, or the portal-micro.jar uber jar (which has the WAR and
   *     commands inside)
   * @param war the WAR to deploy at "/", or null for the uber jar
   * @param echo where to copy Payara's output as it comes, or null to keep it quiet
   */
  public static PortalProcess start(
      Path microJar,
      Path war,
      Path rootDir,
      int port,
      Map<String, String> config,
      List<String> jvmOptions,
      PrintStream echo,
      Duration timeout)
      throws IOException, InterruptedException {
    return start(microJar, war, rootDir, port, config, jvmOptions, List.of(), echo, timeout);
  }

  /** The same, with more of Payara Micro's own options, such as {@code --sslport 8443}. */
  public static PortalProcess start(
      Path microJar,
      Path war,
      Path rootDir,
      int port,
      Map<String, String> config,
      List<String> jvmOptions,
      List<String> microOptions,
      PrintStream echo,
      Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(rootDir);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-jar", microJar.toString()));
    if (war != null) {
      cmd.addAll(
          List.of(
              "--deploy",
              war.toString(),
              "--contextroot",
              "/",
              "--prebootcommandfile",
              Path.of("config/pre-boot-commands.asadmin").toAbsolutePath().toString()));
    }
    cmd.addAll(
        List.of(
            "--port",
            Integer.toString(port),
            "--disablephonehome",
            "--nohostaware",
            "--rootDir",
            rootDir.toString()));
    // a node of its own unless the options make it a cluster member; --nohostaware: cluster members
    // on one host
    // (the tests) keep their backups on each other
    if (!microOptions.contains("--clustermode")) {
      cmd.add("--nocluster");
    }
    cmd.addAll(microOptions);
    long t0 = System.nanoTime();
    Map<String, String> settings = new java.util.HashMap<>(config);
    settings.putIfAbsent("portal.listen-address", "127.0.0.1");
    settings.putIfAbsent("portal.management-port", Integer.toString(freePort()));
    int managementPort = Integer.parseInt(settings.get("portal.management-port"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    settings.forEach(
        (k, v) ->
            pb.environment().put(io.recoveryportal.config.RequiredSettings.environmentName(k), v));
    Process p = pb.start();
    List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch ready = new CountDownLatch(1);
    AtomicBoolean failed = new AtomicBoolean();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                  if (lines.size() > 5000) {
                    lines.remove(0);
                  }
                  if (echo != null) {
                    echo.println(line);
                  }
                  if (line.contains("Exception while preparing the app")
                      || line.contains("Exception while loading the app")) {
                    failed.set(true);
                  }
                  // "Deployed 1 archive(s)" comes before the web module is up; "ready in" comes
                  // after
                  if (line.contains(" ready in ")) {
                    ready.countDown();
                  }
                }
              } catch (IOException ignored) {
                // the process ended
              }
              ready.countDown();
            },
            "payara-output");
    reader.setDaemon(true);
    reader.start();
    if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new IOException(
          "Payara Micro was not ready within " + timeout + "; last output:\n" + tail(lines));
    }
    long readyMillis = (System.nanoTime() - t0) / 1_000_000;
    if (!p.isAlive() || failed.get()) {
      p.destroyForcibly();
      throw new IOException("The portal did not deploy; last output:\n" + tail(lines));
    }
    return new PortalProcess(p, port, managementPort, readyMillis, lines);
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String tail(List<String> lines) {
    synchronized (lines) {
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  /**
   * The operating system's id of the Payara process: the benchmark reads its CPU time and memory in
   * /proc.
   */
  public long pid() {
    return process.pid();
  }

  /** Where health and metrics are served: the management listener, on loopback. */
  public String managementUrl() {
    return "http://localhost:" + managementPort;
  }

  /** Wall-clock milliseconds from launching the JVM to Payara's "ready" line. */
  public long readyMillis() {
    return readyMillis;
  }

  /**
   * Everything Payara has printed so far (the last 5000 lines): tests check it for leaked secrets.
   */
  public List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /**
   * Resident memory of the Payara process in KiB (Linux /proc), or -1 where that cannot be read.
   */
  public long residentKiB() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or the process is gone
    }
    return -1;
  }

  /**
   * Why the process is gone: its exit code and the end of its output (for a test's failure
   * message).
   */
  public String obituary() {
    return "exit code "
        + (process.isAlive() ? "none (still running)" : Integer.toString(process.exitValue()))
        + "; last output:\n"
        + tail(output);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Ends the process at once (SIGKILL), as a crash would: no shutdown, no request finished. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
