package io.recoveryportal.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * One command for a laptop: starts the sandbox, then the portal in Payara Micro wired to it, and
 * prints where everything is and who the demo employees are. Ctrl-C stops both. Run through {@code
 * mvn -Psandbox}.
 *
 * <p>System properties: {@code sandbox.port} (9080), {@code sandbox.https-port} (9443), {@code
 * sandbox.smtp-port} (2525), {@code portal.port} (8080), {@code portal.war}, {@code
 * payara.microJar}, {@code portal.jvm}.
 */
public final class SandboxMain {

  private SandboxMain() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    Path target = Path.of(System.getProperty("build.dir", "target"));
    int portalPort = Integer.getInteger("portal.port", 8080);
    Sandbox sandbox =
        Sandbox.start(
            new Sandbox.Options(
                Integer.getInteger("sandbox.port", 9080),
                Integer.getInteger("sandbox.https-port", 9443),
                Integer.getInteger("sandbox.smtp-port", 2525),
                Path.of(System.getProperty("sandbox.directory", "config/sandbox/directory.json")),
                target.resolve("sandbox")));
    String portalUrl = "http://localhost:" + portalPort;
    sandbox.registerPortal(portalUrl);
    long sandboxMillis = (System.nanoTime() - t0) / 1_000_000;
    System.out.println(
        "Sandbox up in "
            + sandboxMillis
            + " ms; starting the portal in Payara Micro (this takes 20-40 s)...");

    List<String> jvm =
        Arrays.asList(
            System.getProperty("portal.jvm", "-Xmx768m -XX:TieredStopAtLevel=1")
                .trim()
                .split("\\s+"));
    PortalProcess portal;
    try {
      portal =
          PortalProcess.start(
              Path.of(
                  System.getProperty(
                      "payara.microJar", target.resolve("payara-micro.jar").toString())),
              Path.of(System.getProperty("portal.war", target.resolve("portal.war").toString())),
              target.resolve("run/payara"),
              portalPort,
              withDataDir(sandbox.portalConfig(portalUrl), target),
              jvm,
              Boolean.getBoolean("portal.verbose") ? System.out : null,
              Duration.ofMinutes(3));
    } catch (IOException e) {
      sandbox.close();
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  portal.close();
                  sandbox.close();
                }));
    int status =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(portalUrl + "/")).build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
    printBanner(sandbox, portal, status, (System.nanoTime() - t0) / 1_000_000);
    new CountDownLatch(1).await();
  }

  /** The laptop run keeps its H2 database under target/run so `mvn clean` gives a fresh start. */
  private static java.util.Map<String, String> withDataDir(
      java.util.Map<String, String> config, Path target) {
    config.put(
        "db.url",
        "jdbc:h2:file:"
            + target.resolve("run/data/portal").toAbsolutePath()
            + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=64");
    return config;
  }

  private static void printBanner(
      Sandbox sandbox, PortalProcess portal, int startPageStatus, long totalMillis) {
    StringBuilder b = new StringBuilder("\n");
    b.append("=====================================================================\n");
    b.append(" Account recovery portal (SANDBOX)\n");
    b.append("   Portal:        ")
        .append(portal.baseUrl())
        .append("/   (start page answered ")
        .append(startPageStatus)
        .append(")\n");
    b.append("   Mailbox:       ").append(sandbox.mailboxUrl()).append('\n');
    b.append("   Sandbox:       ")
        .append(sandbox.httpBase())
        .append("/   (control: POST ")
        .append(sandbox.httpBase())
        .append("/control/...)\n");
    b.append("   Readiness:     ")
        .append(portal.managementUrl())
        .append("/health/ready   (management listener)\n");
    b.append("   Start-up:      Payara Micro + portal ready in ")
        .append(portal.readyMillis())
        .append(" ms; everything in ")
        .append(totalMillis)
        .append(" ms\n");
    b.append(" Demo employees (type one of these addresses on the start page):\n");
    for (var e : sandbox.directory().demoEmployees()) {
      b.append(
          String.format("   %-36s %-28s %s%n", e.userPrincipalName(), e.displayName(), e.note()));
    }
    b.append(" Press Ctrl-C to stop.\n");
    b.append("=====================================================================\n");
    System.out.print(b);
  }
}
