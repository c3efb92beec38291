package io.recoveryportal.review;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code review.housekeeping-interval}: tells reviewers about cases newly past the SLA, and purges the
 * evidence of cases decided longer ago than {@code review.retention}. With several nodes each runs it; the
 * version column lets one node's marks win and the other's attempt roll back, so nothing is announced twice.
 */
@ApplicationScoped
public class ReviewHousekeeping {

    private static final Logger LOG = Logger.getLogger(ReviewHousekeeping.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    ReviewStore store;

    @Inject
    ReviewNotices notices;

    @Inject
    ReviewSettings settings;

    private ScheduledFuture<?> task;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        long every = settings.housekeepingInterval().toMillis();
        task = executor.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
    }

    /** One round; public so an operator's tool or a test can run it now. */
    public void runOnce() {
        // two independent chores: one failing (another node got there first, the database is away) must not
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

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
