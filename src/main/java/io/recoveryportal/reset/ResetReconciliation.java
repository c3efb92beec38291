package io.recoveryportal.reset;

import io.recoveryportal.cluster.ClusterJobs;
import io.recoveryportal.recovery.RecoverySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code recovery.reset.reconcile-interval}: finishes the resets left in doubt, so that a
 * write that went unanswered, or a node that died in the middle of a reset, ends with the notice
 * sent and the sessions revoked, or with the person free to try again, without anyone having to
 * come back. Once per cluster per interval ({@link ClusterJobs}), so a reset that a dead node left
 * is finished by another; an attempt is taken by one run at a time through its version column
 * anyway (see {@link ResetService#reconcile()}).
 */
@ApplicationScoped
public class ResetReconciliation {

  private static final Logger LOG = Logger.getLogger(ResetReconciliation.class.getName());

  /** Its row in job_lease (migration V14). */
  static final String JOB = "reset-reconciliation";

  @Inject ClusterJobs jobs;

  @Inject ResetService resets;

  @Inject RecoverySettings settings;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    jobs.every(JOB, settings.reconcileInterval(), this::runOnce);
  }

  /** One round; public so an operator's tool or a test can run it now. */
  public void runOnce() {
    try {
      int read = resets.reconcile();
      if (read > 0) {
        LOG.log(Level.INFO, "Reconciliation read the directory for {0} reset(s) in doubt", read);
      }
    } catch (RuntimeException e) {
      // the database or the directory is away: the next round tries again
      LOG.log(Level.WARNING, "Reset reconciliation failed: {0}", e.toString());
    }
  }
}
