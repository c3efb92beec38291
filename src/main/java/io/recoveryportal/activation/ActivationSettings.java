package io.recoveryportal.activation;

import io.recoveryportal.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;

/**
 * New-hire activation's tunables (README: configuration table, "activation.*" keys), each with a
 * safe default.
 */
@ApplicationScoped
public class ActivationSettings {

  /** What a new hire gets on day one. */
  public enum Credential {
    TAP,
    PASSWORD
  }

  @Inject PortalConfig config;

  public Credential credential() {
    return config
        .value("activation.credential")
        .map(v -> Credential.valueOf(v.trim().toUpperCase(Locale.ROOT)))
        .orElse(Credential.TAP);
  }

  /** How long an invitation link works. */
  public Duration invitationLifetime() {
    return duration("activation.invitation-lifetime", Duration.ofDays(7));
  }

  /** How many days before the hire date the link starts to work. */
  public int daysBeforeHire() {
    return config
        .value("activation.days-before-hire")
        .map(v -> Integer.parseInt(v.trim()))
        .orElse(7);
  }

  public boolean scanEnabled() {
    return config.value("activation.scan.enabled").map(Boolean::parseBoolean).orElse(false);
  }

  /** The scan invites accounts whose hire date is at most this many days ahead. */
  public int scanDaysAhead() {
    return config
        .value("activation.scan.days-ahead")
        .map(v -> Integer.parseInt(v.trim()))
        .orElse(14);
  }

  /**
   * The user property holding the personal address: {@code otherMails} or a directory extension.
   */
  public String scanPersonalEmailAttribute() {
    return config.value("activation.scan.personal-email-attribute").orElse("otherMails");
  }

  public Duration scanInterval() {
    return duration("activation.scan.interval", Duration.ofHours(1));
  }

  private Duration duration(String key, Duration fallback) {
    return config.value(key).map(v -> Duration.parse(v.trim())).orElse(fallback);
  }
}
