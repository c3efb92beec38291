package io.recoveryportal.audittrail;

import io.recoveryportal.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The audit.* keys: how long events are kept, and how often retention runs. */
@ApplicationScoped
public class AuditSettings {

  /** Seven years: the longest of the usual record-keeping periods for access and security logs. */
  static final Period DEFAULT_RETENTION = Period.ofYears(7);

  @Inject PortalConfig config;

  /**
   * Events that occurred before this are due for pruning. {@code audit.retention}: an ISO-8601
   * period (P7Y) or duration.
   */
  public Instant cutoff(Instant now) {
    String v = config.value("audit.retention").map(String::strip).orElse(null);
    if (v == null) {
      return now.atZone(ZoneOffset.UTC).minus(DEFAULT_RETENTION).toInstant();
    }
    try {
      return now.atZone(ZoneOffset.UTC).minus(Period.parse(v)).toInstant();
    } catch (DateTimeParseException notAPeriod) {
      try {
        return now.minus(Duration.parse(v));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "audit.retention must be an ISO-8601 period such as P7Y or a duration such as P30D", e);
      }
    }
  }

  public Duration retentionInterval() {
    try {
      return config
          .value("audit.retention-interval")
          .map(String::strip)
          .map(Duration::parse)
          .orElse(Duration.ofHours(6));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "audit.retention-interval must be an ISO-8601 duration such as PT6H", e);
    }
  }
}
