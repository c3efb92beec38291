package io.recoveryportal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * The portal's own counters, served with the JVM's on /metrics. Held here rather than in the view-scoped page
 * beans, whose state must stay serialisable.
 */
@ApplicationScoped
public class PortalMetrics {

    @Inject
    @Metric(name = "recovery.start.submitted", absolute = true, description = "Start-page forms accepted (valid address and need)")
    Counter startSubmitted;

    public void startSubmitted() {
        startSubmitted.inc();
    }
}
