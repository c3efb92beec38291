package io.recoveryportal.bench;

import io.recoveryportal.sandbox.Sandbox;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

/**
 * The sandbox in a JVM of its own for the flow benchmark, so that its CPU is not the driver's and
 * can be measured apart: seeded with generated employees, it registers the portals it is given,
 * writes their configuration to a file only its owner can read (it holds the sandbox's throw-away
 * secrets), prints {@code SANDBOX READY} and runs until its standard input closes (the benchmark
 * ending, however it ends).
 *
 * <p>Arguments: the number of generated employees, the work directory, the configuration file to
 * write, then the base URL of each portal that will use it (the first one's configuration is
 * written; the others differ only in {@code portal.base-url}).
 */
public final class BenchmarkSandbox {

  private BenchmarkSandbox() {}

  public static void main(String[] args) throws Exception {
    int employees = Integer.parseInt(args[0]);
    Path workDir = Path.of(args[1]);
    Path configFile = Path.of(args[2]);
    Files.createDirectories(workDir);
    Sandbox sandbox =
        Sandbox.start(
            Sandbox.Options.ephemeral(Path.of("config/sandbox/directory.json"), workDir)
                .withBenchmarkEmployees(employees));
    for (int i = 3; i < args.length; i++) {
      sandbox.registerPortal(args[i]);
    }
    writeConfig(sandbox.portalConfig(args[3]), configFile);
    System.out.println("SANDBOX READY " + sandbox.httpBase());
    System.out.flush();
    while (System.in.read() >= 0) {
      // nothing is read: the benchmark closes the stream to stop the sandbox
    }
    sandbox.close();
    System.exit(0);
  }

  private static void writeConfig(Map<String, String> config, Path file) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Properties p = new Properties();
    p.putAll(config);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "the portal's configuration against the benchmark's sandbox");
    }
  }
}
