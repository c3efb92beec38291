package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.PortalProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outside sandbox mode, a missing required key stops start-up with a message naming it. */
class StartupConfigurationIT {

  @Test
  void aMissingSecretStopsStartUpAndIsNamed() throws Exception {
    Map<String, String> config =
        TestEnvironment.sandbox().portalConfig("https://recover.contoso.example");
    config.put("portal.sandbox", "false");
    config.remove("incode.client-secret");
    // https endpoints, as production requires, so the only problem left is the missing secret
    config.put("incode.issuer", "https://auth.incode.example");
    config.put("graph.base-url", "https://graph.microsoft.com/v1.0");
    config.put(
        "db.url",
        "jdbc:h2:file:"
            + TestEnvironment.target().resolve("it-data/misconfigured").toAbsolutePath());
    int port = PortalProcess.freePort();
    IOException refused = null;
    try (PortalProcess p =
        PortalProcess.start(
            TestEnvironment.microJar(),
            TestEnvironment.war(),
            TestEnvironment.target().resolve("it-payara-misconfigured"),
            port,
            config,
            TestEnvironment.jvmOptions(),
            null,
            Duration.ofMinutes(3))) {
      // Payara may print "ready" before the exit lands; the process must still be gone shortly
      // after
      for (int i = 0; i < 40 && p.isAlive(); i++) {
        Thread.sleep(250);
      }
      assertFalse(p.isAlive(), "the portal kept running without its Incode secret");
      String log = String.join("\n", p.output());
      assertTrue(
          log.contains("incode.client-secret (environment variable INCODE_CLIENT_SECRET)"), log);
    } catch (IOException e) {
      refused = e;
    }
    if (refused != null) {
      assertTrue(
          refused
              .getMessage()
              .contains("incode.client-secret (environment variable INCODE_CLIENT_SECRET)"),
          refused.getMessage());
    }
  }
}
