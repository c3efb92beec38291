package io.recoveryportal.recovery;

import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.matching.MatchingPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The recovery flow's tunables (README: configuration table, "recovery.*" keys), each with a safe
 * default.
 */
@ApplicationScoped
public class RecoverySettings {

  @Inject PortalConfig config;

  protected RecoverySettings() {
    // for CDI
  }

  /** For tests outside a container. */
  public RecoverySettings(PortalConfig config) {
    this.config = config;
  }

  /** How long a person has from "Continue" to the end of their reset. */
  public Duration attemptLifetime() {
    return config
        .value("recovery.attempt-lifetime")
        .map(Duration::parse)
        .orElse(Duration.ofMinutes(30));
  }

  /**
   * The least time "Continue" takes, whatever the address: an unknown or privileged address must
   * not answer faster (or slower) than a real one.
   */
  public Duration responseFloor() {
    return Duration.ofMillis(
        config.value("recovery.response-floor-ms").map(Long::parseLong).orElse(1500L));
  }

  /**
   * Groups whose members are never recovered by self-service (break-glass, executives): object ids.
   */
  public Set<String> protectedGroups() {
    return ids("recovery.protected-groups");
  }

  private Set<String> ids(String key) {
    return config
        .value(key)
        .map(
            v ->
                Arrays.stream(v.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  /** Groups whose members' review cases need two approvers (four-eyes): object ids. */
  public Set<String> sensitiveGroups() {
    return ids("review.sensitive-groups");
  }

  /** How long an escalated attempt may wait for a reviewer's decision. */
  public Duration caseLifetime() {
    return config.value("review.case-lifetime").map(Duration::parse).orElse(Duration.ofDays(14));
  }

  /**
   * How long a browser whose verification ended in a match may use face re-authentication for that
   * account (its device cookie's lifetime); after it, the full document check again. Seed 002
   * recommends 30 days.
   */
  public Duration reverificationWindow() {
    return config
        .value("recovery.reverification-window")
        .map(Duration::parse)
        .orElse(Duration.ofDays(30));
  }

  /** How long, after a reviewer's approval, the employee has to finish their own recovery. */
  public Duration approvalWindow() {
    return config.value("review.approval-window").map(Duration::parse).orElse(Duration.ofHours(24));
  }

  /**
   * The lifetime of the Temporary Access Pass a credential step of this kind issues ({@code
   * recovery.tap.*}, {@code activation.tap.*}).
   */
  public Duration tapLifetime(KindPolicy kind) {
    return config
        .value(kind.tapKeyPrefix() + ".lifetime-minutes")
        .map(v -> Duration.ofMinutes(Long.parseLong(v.trim())))
        .orElse(kind.defaultTapLifetime());
  }

  /** Whether that pass works only once. */
  public boolean tapUsableOnce(KindPolicy kind) {
    return config
        .value(kind.tapKeyPrefix() + ".usable-once")
        .map(v -> Boolean.parseBoolean(v.trim()))
        .orElse(true);
  }

  public int passwordMinLength() {
    return config.value("recovery.password.min-length").map(Integer::parseInt).orElse(12);
  }

  public int perIpPerHour() {
    return config.value("recovery.rate.per-ip-per-hour").map(Integer::parseInt).orElse(20);
  }

  public int perAccountPerDay() {
    return config.value("recovery.rate.per-account-per-day").map(Integer::parseInt).orElse(5);
  }

  public int incodeSessionsPerHour() {
    return config
        .value("recovery.rate.incode-sessions-per-hour")
        .map(Integer::parseInt)
        .orElse(500);
  }

  /**
   * The matcher's tunables: {@code matching.placeholder-birthdates} (checked at start-up) replaces
   * the default list.
   */
  public MatchingPolicy matchingPolicy() {
    return MatchingPolicy.withPlaceholderBirthdates(
        config.value("matching.placeholder-birthdates").orElse(null));
  }

  /**
   * How long a reset in flight is trusted to finish on its own. Past it, or once a write went
   * unanswered, the attempt is in doubt and the reconciliation reads the directory to finish it; a
   * write still unseen in the directory this long after the claim is taken as never made.
   */
  public Duration resetClaimTimeout() {
    return config
        .value("recovery.reset.claim-timeout")
        .map(Duration::parse)
        .orElse(Duration.ofMinutes(3));
  }

  /** How often the reconciliation looks for resets in doubt. */
  public Duration reconcileInterval() {
    return config
        .value("recovery.reset.reconcile-interval")
        .map(Duration::parse)
        .orElse(Duration.ofMinutes(1));
  }

  public Duration reportLinkLifetime() {
    return config
        .value("recovery.report-link-lifetime")
        .map(Duration::parse)
        .orElse(Duration.ofDays(7));
  }
}
