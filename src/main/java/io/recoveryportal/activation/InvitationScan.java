package io.recoveryportal.activation;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.cluster.ClusterJobs;
import io.recoveryportal.lookup.DirectoryAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The scheduled invitation scan (off unless {@code activation.scan.enabled=true}): every disabled
 * account whose hire date is within {@code activation.scan.days-ahead} days and which has a
 * personal address in the configured attribute is invited, once. An account that already has an
 * invitation of any kind, revoked ones included, is left to the people who manage it: the scan
 * never re-invites someone an administrator stopped. Once per cluster per interval ({@link
 * ClusterJobs}).
 */
@ApplicationScoped
public class InvitationScan {

  private static final Logger LOG = Logger.getLogger(InvitationScan.class.getName());

  /** Its row in job_lease (migration V14). */
  static final String JOB = "invitation-scan";

  static final Actor ACTOR = Actor.system("scan");

  @Inject ClusterJobs jobs;

  @Inject ActivationSettings settings;

  @Inject DirectoryAccounts directory;

  @Inject InvitationStore store;

  @Inject InvitationService invitations;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (settings.scanEnabled()) {
      jobs.every(JOB, settings.scanInterval(), this::runOnce);
    }
  }

  /** One scan; returns how many accounts were invited. */
  public int runOnce() {
    try {
      Instant now = store.now();
      int invited = 0;
      for (DirectoryAccounts.NewHire h :
          directory.upcomingHires(
              now.truncatedTo(ChronoUnit.DAYS),
              now.plus(settings.scanDaysAhead(), ChronoUnit.DAYS),
              settings.scanPersonalEmailAttribute())) {
        if (store.anyFor(h.account().id())) {
          continue;
        }
        InvitationService.Result r =
            invitations.invite(0, h.account().userPrincipalName(), h.personalEmail(), ACTOR);
        if (r.invited()) {
          invited++;
        } else {
          store.note(
              AuditType.ACTIVATION_SCAN_SKIPPED,
              h.account().id(),
              null,
              AuditOutcome.REFUSED,
              r.message().in(io.recoveryportal.i18n.Languages.ENGLISH));
        }
      }
      return invited;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Invitation scan failed: {0}", e.toString());
      return 0;
    }
  }
}
