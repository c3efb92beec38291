package io.recoveryportal.review;

import java.time.Duration;
import java.time.Instant;

/**
 * The open review queue in three numbers, for the metrics: cases, the oldest one's escalation
 * (null: none), overdue.
 */
public record QueueSummary(long open, Instant oldestEscalatedAt, long overdue) {

  /** How long the oldest open case has waited at {@code now}; zero when there is none. */
  public Duration oldestAge(Instant now) {
    return oldestEscalatedAt == null ? Duration.ZERO : Duration.between(oldestEscalatedAt, now);
  }
}
