package io.recoveryportal.audittrail;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditRetention;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.cluster.ClusterJobs;
import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.persistence.PortalDataSource;
import io.recoveryportal.siem.AuditOutbox;
import io.recoveryportal.siem.SiemSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Every {@code audit.retention-interval}: prunes the audit trail's segments older than {@code
 * audit.retention} ({@link AuditRetention}), never past what the SIEM has accepted when shipping is
 * on, and records each pruned segment (places, count, the new anchor hash) as an event of the
 * chain. A segment that does not verify stops the round and is logged as an error: the evidence
 * stays. Once per cluster per interval ({@link ClusterJobs}, lease row from V21); two rounds at
 * once would still be harmless (the anchor check).
 */
@ApplicationScoped
public class AuditRetentionJob {

  private static final Logger LOG = Logger.getLogger(AuditRetentionJob.class.getName());
  private static final int SEGMENT = 5_000;
  private static final int MAX_SEGMENTS_PER_ROUND = 100;

  /** Its row in job_lease (migration V21). */
  static final String JOB = "audit-retention";

  @Inject ClusterJobs jobs;

  @Resource(lookup = PortalDataSource.JNDI_NAME)
  DataSource dataSource;

  @Inject AuditSettings settings;

  @Inject PortalConfig config;

  @Inject AuditNotes notes;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    jobs.every(JOB, settings.retentionInterval(), this::runOnce);
  }

  /** One round; public so that an operator's tool or a test can run it now. */
  public void runOnce() {
    try {
      Instant cutoff = settings.cutoff(Instant.now());
      long keepFrom = Long.MAX_VALUE;
      if (SiemSettings.from(config::value, config.sandbox()).isPresent()) {
        keepFrom =
            new AuditOutbox(dataSource).deliveredThrough(SiemSettings.DESTINATION).orElse(0L);
      }
      AuditRetention retention = new AuditRetention(dataSource, SEGMENT);
      for (int i = 0; i < MAX_SEGMENTS_PER_ROUND; i++) {
        Optional<AuditRetention.Pruned> pruned = retention.pruneOnce(cutoff, keepFrom);
        if (pruned.isEmpty()) {
          return;
        }
        AuditRetention.Pruned p = pruned.get();
        if (p.refused() != null) {
          LOG.log(
              Level.SEVERE,
              "Audit retention stopped: the segment from chain place {0} does not verify ({1} at place {2}); nothing was pruned",
              new Object[] {p.fromSeq(), p.refused().what(), p.refused().seq()});
          notes.note(
              AuditType.AUDIT_PRUNED,
              Actor.system("retention"),
              null,
              AuditOutcome.ERROR,
              "segment "
                  + p.fromSeq()
                  + ".."
                  + p.toSeq()
                  + " kept: broken at place "
                  + p.refused().seq()
                  + ": "
                  + p.refused().what());
          return;
        }
        notes.note(
            AuditType.AUDIT_PRUNED,
            Actor.system("retention"),
            null,
            AuditOutcome.PURGED,
            "chain places "
                + p.fromSeq()
                + ".."
                + p.toSeq()
                + " ("
                + p.events()
                + " events before "
                + cutoff
                + ") verified and pruned; anchor hash "
                + p.anchorHash());
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Audit retention failed (tried again next round): {0}", e.toString());
    }
  }
}
