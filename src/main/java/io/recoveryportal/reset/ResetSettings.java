package io.recoveryportal.reset;

import io.recoveryportal.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The reset's own tunable (README: configuration table, {@code recovery.mfa.remove-methods}), with
 * a safe default.
 */
@ApplicationScoped
public class ResetSettings {

  @Inject PortalConfig config;

  protected ResetSettings() {
    // for CDI
  }

  /** For tests outside a container. */
  public ResetSettings(PortalConfig config) {
    this.config = config;
  }

  /** Which registered methods an MFA reset removes. Never the password. */
  public Set<MethodKind> methodsToRemove() {
    return config
        .value("recovery.mfa.remove-methods")
        .map(
            v -> {
              EnumSet<MethodKind> kinds = EnumSet.noneOf(MethodKind.class);
              Arrays.stream(v.split(","))
                  .map(String::trim)
                  .filter(s -> !s.isEmpty())
                  .map(MethodKind::valueOf)
                  .forEach(kinds::add);
              return (Set<MethodKind>) kinds;
            })
        .orElse(
            EnumSet.of(
                MethodKind.PHONE,
                MethodKind.MICROSOFT_AUTHENTICATOR,
                MethodKind.SOFTWARE_OATH,
                MethodKind.EMAIL));
  }
}
