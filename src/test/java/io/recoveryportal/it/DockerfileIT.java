package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.PortalProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the Docker image would run, without Docker (no engine on these machines): the Dockerfile's
 * own CMD arguments and ENV, read from the file, given to the same Payara Micro version with the
 * built WAR, on PostgreSQL. The only changes are where the image's paths are on this machine, the
 * database's host and port (the embedded PostgreSQL), the management listener on loopback (the
 * image opens it on every address for the kubelet), and a cluster name of its own for the Data Grid
 * (so it cannot meet another test's Payara on this machine).
 */
class DockerfileIT {

  private static final Path DOCKERFILE = Path.of("Dockerfile");

  private static String dockerfile() throws IOException {
    // continuation lines joined, comments dropped
    StringBuilder out = new StringBuilder();
    for (String line : Files.readAllLines(DOCKERFILE)) {
      if (!line.strip().startsWith("#")) {
        out.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line + "\n");
      }
    }
    return out.toString();
  }

  @Test
  void theBaseImageIsThePayaraMicroVersionThePomBuildsWith() throws IOException {
    Matcher from =
        Pattern.compile("(?m)^FROM payara/micro:([^\\s-]+)-jdk17\\s*$").matcher(dockerfile());
    assertTrue(from.find(), "FROM payara/micro:<version>-jdk17");
    Matcher pom =
        Pattern.compile("<payara.version>([^<]+)</payara.version>")
            .matcher(Files.readString(Path.of("pom.xml")));
    assertTrue(pom.find());
    assertEquals(pom.group(1), from.group(1), "the image's Payara Micro and the pom's");
  }

  @Test
  void theImagesCommandAndEnvironmentStartAReadyPortalOnPostgres() throws Exception {
    String file = dockerfile();
    Map<String, String> env = new LinkedHashMap<>();
    Matcher e = Pattern.compile("(?m)^ENV (\\w+)=(\\S+)\\s*$").matcher(file);
    while (e.find()) {
      env.put(e.group(1), e.group(2));
    }
    Map<String, Path> copied = new LinkedHashMap<>();
    Matcher c = Pattern.compile("(?m)^COPY (?:--\\S+ )*(\\S+) (\\S+)\\s*$").matcher(file);
    while (c.find()) {
      copied.put(c.group(2), Path.of(c.group(1)).toAbsolutePath());
    }
    Matcher cmd = Pattern.compile("(?m)^CMD \\[(.*)]\\s*$").matcher(file);
    assertTrue(cmd.find(), "CMD in exec form");
    List<String> args = new ArrayList<>();
    Matcher arg = Pattern.compile("\"([^\"]*)\"").matcher(cmd.group(1));
    while (arg.find()) {
      String a = arg.group(1);
      args.add(copied.containsKey(a) ? copied.get(a).toString() : a);
    }
    assertTrue(
        env.get("DB_URL").startsWith("jdbc:postgresql://"), "the image runs on PostgreSQL: " + env);
    assertTrue(
        args.containsAll(List.of("--clustermode", "--interfaces")) && !args.contains("--nocluster"),
        "the Data Grid is configured, never left to Payara's multicast default: " + args);

    String db = "dockerfile_" + System.currentTimeMillis();
    try (Connection conn = TestEnvironment.postgres().getPostgresDatabase().getConnection();
        Statement s = conn.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    int port = PortalProcess.freePort();
    Map<String, String> config =
        new LinkedHashMap<>(TestEnvironment.sandbox().portalConfig("http://localhost:" + port));
    config.putAll(env);
    config.put(
        "DB_URL",
        env.get("DB_URL")
            .replaceFirst("//[^/]+/", "//localhost:" + TestEnvironment.postgres().getPort() + "/")
            .replaceFirst("/portal$", "/" + db));
    config.put("DB_USER", "postgres");
    config.put("DB_PASSWORD", "dockerfile-it");
    config.put("PORTAL_MANAGEMENT_ADDRESS", "127.0.0.1");
    List<String> options = new ArrayList<>(args);
    options.addAll(
        List.of(
            "--clustername",
            "dockerfile-it-" + UUID.randomUUID(),
            "--startport",
            Integer.toString(PortalProcess.freePort())));
    Path log = TestEnvironment.target().resolve("it-dockerfile.log");
    try (PrintStream echo =
            new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8);
        PortalProcess portal =
            PortalProcess.start(
                TestEnvironment.microJar(),
                null,
                TestEnvironment.target().resolve("it-dockerfile/" + db),
                port,
                config,
                TestEnvironment.jvmOptions(),
                options,
                echo,
                Duration.ofMinutes(4))) {
      HttpResponse<String> ready = Http.get(portal.managementUrl() + "/health/ready");
      assertEquals(200, ready.statusCode(), ready.body());
      assertTrue(
          ready.body().contains("PostgreSQL"),
          "the database check names PostgreSQL: " + ready.body());
      assertEquals(200, Http.get(portal.baseUrl() + "/").statusCode(), "the start page");
      System.out.println("[it] the Dockerfile's command ready in " + portal.readyMillis() + " ms");
    }
  }
}
