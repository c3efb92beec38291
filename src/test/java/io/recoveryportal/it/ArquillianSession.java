package io.recoveryportal.it;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Arquillian reads arquillian.xml once, resolving ${...} from system properties, so the PostgreSQL
 * port and the sandbox's endpoints and freshly generated secrets must be known before the first
 * Arquillian test class loads. Runs only in the integration-test JVM (failsafe sets portal.war).
 */
public class ArquillianSession implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("portal.war") == null
        || System.getProperty("portal.arquillian.options") != null) {
      return;
    }
    var pg = TestEnvironment.postgres();
    var sandbox = TestEnvironment.sandbox();
    Map<String, String> config = sandbox.portalConfig("http://localhost:8080");
    config.put("db.url", "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres");
    config.put("db.datasource-class", "org.postgresql.ds.PGSimpleDataSource");
    config.put("db.user", "postgres");
    config.put("db.password", "postgres");
    // Arquillian splits its JVM options on spaces
    config.put("mail.from", "no-reply@contoso.com");
    String options =
        String.join(" ", TestEnvironment.jvmOptions())
            + " "
            + config.entrySet().stream()
                .map(e -> "-D" + e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    System.setProperty("portal.arquillian.options", options);
  }
}
