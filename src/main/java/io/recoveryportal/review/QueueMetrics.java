package io.recoveryportal.review;

import io.recoveryportal.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The review queue's gauges (open cases, the oldest case's age, overdue cases). All three come from
 * one aggregate query, made at most once every {@link #MAX_AGE} whatever the number of scrapers and
 * series: a scrape between two reads gets the last answer. When the database cannot be read the
 * gauges keep their last values (readiness reports the database), and the failure is logged once
 * until it recovers.
 */
@ApplicationScoped
public class QueueMetrics {

  static final Duration MAX_AGE = Duration.ofSeconds(15);
  private static final Logger LOG = Logger.getLogger(QueueMetrics.class.getName());

  @Inject ReviewStore store;

  @Inject Meters meters;

  private QueueSummary last = new QueueSummary(0, null, 0);
  private Instant readAt = Instant.EPOCH;
  private boolean failing;

  void atStartUp(@Observes @Initialized(ApplicationScoped.class) Object event) {
    meters.gauge(
        "portal.review.open",
        MetricUnits.NONE,
        "Review cases waiting for a decision",
        () -> summary().open());
    meters.gauge(
        "portal.review.overdue",
        MetricUnits.NONE,
        "Open review cases older than review.sla",
        () -> summary().overdue());
    meters.gauge(
        "portal.review.oldest.age",
        MetricUnits.SECONDS,
        "How long the oldest open review case has waited",
        () -> summary().oldestAge(store.now()).toSeconds());
  }

  /** The last summary, read again when it is older than {@link #MAX_AGE}. */
  synchronized QueueSummary summary() {
    Instant now = store.now();
    if (Duration.between(readAt, now).compareTo(MAX_AGE) >= 0) {
      readAt = now;
      try {
        last = store.summary();
        failing = false;
      } catch (RuntimeException e) {
        if (!failing) {
          LOG.log(Level.WARNING, "The review queue metrics cannot be read: {0}", e.toString());
        }
        failing = true;
      }
    }
    return last;
  }
}
