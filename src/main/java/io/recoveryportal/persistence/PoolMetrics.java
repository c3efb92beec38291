package io.recoveryportal.persistence;

import io.recoveryportal.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * The database pool's gauges: connections in use by the persistence unit ({@link PoolUse}), the
 * pool's size, and the total taken.
 */
@ApplicationScoped
public class PoolMetrics {

  @Inject Meters meters;

  void atStartUp(@Observes @Initialized(ApplicationScoped.class) Object event) {
    meters.gauge(
        "portal.db.pool.in.use",
        MetricUnits.NONE,
        "Database connections the portal's persistence unit holds now",
        PoolUse::inUse);
    meters.gauge(
        "portal.db.pool.size",
        MetricUnits.NONE,
        "The most connections the portal's pool opens (its maxPoolSize)",
        () -> PortalDataSource.MAX_POOL_SIZE);
    meters.gauge(
        "portal.db.pool.acquired",
        MetricUnits.NONE,
        "Database connections the persistence unit has taken from the pool since start",
        PoolUse::acquired);
  }
}
