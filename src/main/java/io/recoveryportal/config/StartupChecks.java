package io.recoveryportal.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.logging.Logger;

/**
 * Refuses to start with an unusable configuration. A portal that deploys without its Incode secret
 * would answer every employee with an error at 7 a.m.; better that the operator sees the missing
 * key at start-up. Payara Micro keeps running after a failed deployment (answering 404 and a green
 * liveness probe), so the process is stopped as well.
 */
@ApplicationScoped
public class StartupChecks {

  private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

  @Inject PortalConfig config;

  void onStart(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object ignored) {
    boolean sandbox = config.sandbox();
    List<String> problems = RequiredSettings.problems(config::value, sandbox);
    if (!problems.isEmpty()) {
      String message =
          "The portal cannot start: "
              + String.join("; ", problems)
              + ". See the README's configuration table.";
      LOG.severe(message);
      Thread stopper = new Thread(() -> System.exit(78), "config-error-exit");
      stopper.start();
      throw new IllegalStateException(message);
    }
    // an operator who set a retired key would otherwise believe it still does something
    if (config.value("graph.max-requests-per-second").isPresent()) {
      LOG.warning(
          "graph.max-requests-per-second is no longer read: Graph requests are paced by graph.tenant-size and "
              + "graph.budget-share (see the README's configuration table).");
    }
    if (sandbox) {
      LOG.warning(
          "SANDBOX MODE: the portal talks to the local sandbox, not to a real Entra tenant or Incode.");
    }
  }
}
