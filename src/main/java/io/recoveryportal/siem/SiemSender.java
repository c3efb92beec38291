package io.recoveryportal.siem;

import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.metrics.Meters;
import io.recoveryportal.persistence.PortalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Runs {@link SiemShipper} every {@code siem.interval} on every node when {@code siem.url} is set;
 * the outbox's lease makes one node send at a time, so the cluster ships each event once in the
 * normal case (at least once always). The backlog gauge (events written but not yet accepted) is
 * read at most every 15 s. A failing SIEM is logged when it starts failing and when it recovers,
 * not on every try.
 */
@ApplicationScoped
public class SiemSender {

  private static final Logger LOG = Logger.getLogger(SiemSender.class.getName());
  private static final Duration BACKLOG_MAX_AGE = Duration.ofSeconds(15);

  @Resource ManagedScheduledExecutorService executor;

  @Resource(lookup = PortalDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject PortalConfig config;

  @Inject Meters meters;

  private ScheduledFuture<?> task;
  private SiemShipper shipper;
  private AuditOutbox outbox;
  private boolean failing;
  private long backlog;
  private Instant backlogReadAt = Instant.EPOCH;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    Optional<SiemSettings> settings = SiemSettings.from(config::value, config.sandbox());
    if (settings.isEmpty()) {
      return;
    }
    outbox = new AuditOutbox(dataSource);
    shipper =
        new SiemShipper(
            settings.get(),
            outbox,
            config.outboundTls().orElse(null),
            ManagementFactory.getRuntimeMXBean().getName(),
            Clock.systemUTC(),
            new SiemShipper.Listener() {
              @Override
              public void sent(int events) {
                meters.siemSent(events);
              }

              @Override
              public void failed() {
                meters.siemFailed();
              }
            });
    meters.gauge(
        "portal.siem.backlog",
        MetricUnits.NONE,
        "Audit events written but not yet accepted by the SIEM",
        this::backlog);
    long every = settings.get().interval().toMillis();
    task = executor.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
    LOG.log(
        Level.INFO,
        "Shipping the audit trail to {0} ({1})",
        new Object[] {settings.get().url().getHost(), settings.get().format()});
  }

  void runOnce() {
    try {
      shipper.round();
      if (failing) {
        LOG.info("The SIEM accepts the audit trail again");
      }
      failing = false;
    } catch (Exception e) {
      if (!failing) {
        LOG.log(
            Level.WARNING,
            "Audit trail shipping failed (tried again with back-off): {0}",
            e.toString());
      }
      failing = true;
    }
  }

  synchronized long backlog() {
    Instant now = Instant.now();
    if (Duration.between(backlogReadAt, now).compareTo(BACKLOG_MAX_AGE) >= 0) {
      backlogReadAt = now;
      try {
        backlog = outbox.backlog(SiemSettings.DESTINATION);
      } catch (Exception e) {
        // keep the last value; readiness reports the database
      }
    }
    return backlog;
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
