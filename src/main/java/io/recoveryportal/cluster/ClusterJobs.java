package io.recoveryportal.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scheduled jobs that run once per cluster per interval: every node ticks several times an interval
 * and asks {@link JobLeases} whether the round is due and its own. So rounds come {@code interval}
 * apart (plus at most one tick), whichever node runs them, and when that node dies another takes
 * the next round within a tick of it being due.
 */
@ApplicationScoped
public class ClusterJobs {

  private static final Logger LOG = Logger.getLogger(ClusterJobs.class.getName());
  private static final Duration SHORTEST_TICK = Duration.ofMillis(500);
  private static final Duration LONGEST_TICK = Duration.ofMinutes(1);

  @Resource ManagedScheduledExecutorService executor;

  @Inject JobLeases leases;

  private final List<ScheduledFuture<?>> tasks = new CopyOnWriteArrayList<>();

  /**
   * Runs {@code round} every {@code interval} on one node of the cluster; {@code job} names its
   * lease row.
   */
  public void every(String job, Duration interval, Runnable round) {
    long tick = tick(interval).toMillis();
    tasks.add(
        executor.scheduleWithFixedDelay(
            () -> {
              try {
                if (leases.take(job, interval)) {
                  round.run();
                }
              } catch (RuntimeException e) {
                // the database is away, or the round failed: a task that throws is never scheduled
                // again
                LOG.log(
                    Level.WARNING,
                    "Scheduled job {0} failed: {1}",
                    new Object[] {job, e.toString()});
              }
            },
            tick,
            tick,
            TimeUnit.MILLISECONDS));
  }

  /** A quarter of the interval, within half a second and a minute. */
  static Duration tick(Duration interval) {
    Duration quarter = interval.dividedBy(4);
    return quarter.compareTo(SHORTEST_TICK) < 0
        ? SHORTEST_TICK
        : quarter.compareTo(LONGEST_TICK) > 0 ? LONGEST_TICK : quarter;
  }

  @PreDestroy
  void stop() {
    tasks.forEach(t -> t.cancel(false));
  }
}
