package io.recoveryportal.review;

import io.recoveryportal.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * The reviewer console's tunables (README: configuration table, "review.*" keys), each with a safe
 * default.
 */
@ApplicationScoped
public class ReviewSettings {

  /** How far back the case page's history looks. */
  public static final Duration HISTORY = Duration.ofDays(30);

  @Inject PortalConfig config;

  /** How long a case may wait before it counts as overdue. */
  public Duration sla() {
    return duration("review.sla", Duration.ofHours(4));
  }

  /** How long a reviewer's claim holds a case for them. */
  public Duration claimDuration() {
    return duration("review.claim-duration", Duration.ofMinutes(30));
  }

  /** Where new cases and SLA breaches are announced; none means no announcements. */
  public Optional<String> notifyAddress() {
    return config.value("review.notify-address");
  }

  /** How long the verified name and birthdate of a decided case are kept. */
  public Duration retention() {
    return duration("review.retention", Duration.ofDays(30));
  }

  /** How often overdue cases and retention are looked at. */
  public Duration housekeepingInterval() {
    return duration("review.housekeeping-interval", Duration.ofMinutes(5));
  }

  /**
   * The Incode dashboard's page for an interview: the template with {interviewId} filled in, if
   * configured.
   */
  public Optional<String> dashboardLink(String interviewId) {
    if (interviewId == null) {
      return Optional.empty();
    }
    return config
        .value("incode.dashboard-url-template")
        .map(
            t ->
                t.replace(
                    "{interviewId}",
                    java.net.URLEncoder.encode(
                        interviewId, java.nio.charset.StandardCharsets.UTF_8)));
  }

  private Duration duration(String key, Duration fallback) {
    return config.value(key).map(v -> Duration.parse(v.trim())).orElse(fallback);
  }
}
