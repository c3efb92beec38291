package io.recoveryportal.review;

import io.recoveryportal.cluster.ClusterJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code review.housekeeping-interval}: tells reviewers about cases newly past the SLA, and
 * purges the evidence of cases decided longer ago than {@code review.retention}. Once per cluster
 * per interval ({@link ClusterJobs}); the version column would still let only one node's marks win
 * if two rounds overlapped.
 */
@ApplicationScoped
public class ReviewHousekeeping {

  private static final Logger LOG = Logger.getLogger(ReviewHousekeeping.class.getName());

  /** Its row in job_lease (migration V14). */
  static final String JOB = "review-housekeeping";

  @Inject ClusterJobs jobs;

  @Inject ReviewStore store;

  @Inject ReviewNotices notices;

  @Inject ReviewSettings settings;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    jobs.every(JOB, settings.housekeepingInterval(), this::runOnce);
  }

  /** One round; public so an operator's tool or a test can run it now. */
  public void runOnce() {
    // two independent chores: one failing (another node got there first, the database is away) must
    // not
    // stop the other; the next round tries again
    try {
      notices.overdue(store.announceOverdue());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Overdue-case announcement failed: {0}", e.toString());
    }
    try {
      int purged = store.purgeEvidence();
      if (purged > 0) {
        LOG.log(Level.INFO, "Retention cleared the evidence of {0} decided case(s)", purged);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Retention purge failed: {0}", e.toString());
    }
  }
}
