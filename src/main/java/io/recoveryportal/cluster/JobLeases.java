package io.recoveryportal.cluster;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Who runs a scheduled job's next round: the node whose UPDATE moves the job's row from due to
 * not-due. On both databases an UPDATE locks the row, and a second node's UPDATE waits for the
 * first to commit and then finds the row no longer due (PostgreSQL re-reads it under READ
 * COMMITTED; H2 serves one node), so exactly one node runs each round, without anyone holding a
 * lock while the job works. Nobody holds the lease between rounds either, so a node that dies takes
 * nothing with it: the next node whose tick finds the row due runs the next round. A round that
 * died half-way is done again then; every job is written to be repeated.
 */
@ApplicationScoped
public class JobLeases {

  @PersistenceContext(unitName = "portal")
  EntityManager em;

  @Inject AuditLog audit;

  Clock clock = Clock.systemUTC();

  /** This node, as the audit trail names it: host (a pod's name in Kubernetes) and process. */
  final String node = ManagementFactory.getRuntimeMXBean().getName();

  protected JobLeases() {
    // for CDI
  }

  /** For tests outside a container, on the caller's transaction. */
  public JobLeases(EntityManager em, AuditLog audit, Clock clock) {
    this.em = em;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Takes {@code job}'s next round for this node if it is due, and makes the following one due
   * {@code interval} later; records {@code JOB_RUN} in the audit trail, with this node's name.
   * False when it is not due, or another node took it first.
   */
  @Transactional
  public boolean take(String job, Duration interval) {
    Instant now = clock.instant();
    int taken =
        em.createNativeQuery(
                "UPDATE job_lease SET next_run_ms = ?1, last_node = ?2, last_run_ms = ?3 "
                    + "WHERE job = ?4 AND next_run_ms <= ?3")
            .setParameter(1, now.plus(interval).toEpochMilli())
            .setParameter(2, node)
            .setParameter(3, now.toEpochMilli())
            .setParameter(4, job)
            .executeUpdate();
    if (taken == 1) {
      audit.record(
          new AuditEvent(
              now,
              AuditType.JOB_RUN,
              Actor.system(job),
              null,
              null,
              AuditOutcome.OK,
              "node " + node));
    }
    return taken == 1;
  }
}
