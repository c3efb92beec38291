package io.recoveryportal.helpdesk;

import io.recoveryportal.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The helpdesk flow's tunables (README: configuration table, "helpdesk.*" keys), each with a safe
 * default.
 */
@ApplicationScoped
public class HelpdeskSettings {

  @Inject PortalConfig config;

  /**
   * Whether Incode's B2B API is configured at all; without it the helpdesk page says so and sends
   * nothing.
   */
  public boolean configured() {
    return config.value("incode.api-key").isPresent()
        && config.value("incode.integration-id").isPresent();
  }

  /** How long after the link is sent a verification may still lead to a reset. */
  public Duration requestLifetime() {
    return duration("helpdesk.request-lifetime", Duration.ofHours(24));
  }

  /** How long the employee's reset link works (once). */
  public Duration linkLifetime() {
    return duration("helpdesk.link-lifetime", Duration.ofMinutes(30));
  }

  private Duration duration(String key, Duration fallback) {
    return config.value(key).map(v -> Duration.parse(v.trim())).orElse(fallback);
  }
}
