package io.recoveryportal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * The portal's own counters, served with the JVM's on /metrics. Held here rather than in the
 * view-scoped page beans, whose state must stay serialisable.
 */
@ApplicationScoped
public class PortalMetrics {

  @Inject
  @Metric(
      name = "recovery.start.submitted",
      absolute = true,
      description = "Start-page forms accepted (valid address and need)")
  Counter startSubmitted;

  public void startSubmitted() {
    startSubmitted.inc();
  }

  /**
   * Created at start-up, so /metrics lists the counters from the first scrape (at zero), not from
   * their first use.
   */
  void atStartUp(@Observes @Initialized(ApplicationScoped.class) Object event) {
    // nothing to do: observing the event is what makes CDI create this bean now
  }
}
