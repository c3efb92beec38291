package io.recoveryportal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.persistence.DatabaseContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The job lease on a real database: one taker per round, however many nodes ask at once. */
abstract class JobLeaseContract extends DatabaseContract {

  private boolean take(String job, Instant at, Duration interval) {
    return jpa()
        .inTx(
            em ->
                new JobLeases(em, new AuditLog(em), Clock.fixed(at, ZoneOffset.UTC))
                    .take(job, interval));
  }

  private long runsRecorded(String job) {
    return jpa()
        .inTx(
            em ->
                (Long)
                    em.createQuery(
                            "select count(e) from AuditEvent e where e.type = :t and e.actorId = :a")
                        .setParameter("t", io.recoveryportal.audit.AuditType.JOB_RUN)
                        .setParameter("a", job)
                        .getSingleResult());
  }

  @Test
  void aRoundIsTakenOnceAndTheNextOnlyAfterTheInterval() {
    String job = "review-housekeeping";
    Instant t = Instant.parse("2030-01-01T00:00:00Z").plusMillis(System.nanoTime() % 1_000_000);
    Duration every = Duration.ofMinutes(5);
    long before = runsRecorded(job);
    assertTrue(take(job, t, every));
    assertFalse(take(job, t, every), "the same round again");
    assertFalse(take(job, t.plus(every).minusMillis(1), every), "a moment early");
    assertTrue(take(job, t.plus(every), every));
    assertEquals(before + 2, runsRecorded(job), "each round taken is in the audit trail");
  }

  @Test
  void sixteenNodesAskingAtOnceGetOneRound() throws Exception {
    String job = "invitation-scan";
    Instant t = Instant.parse("2040-01-01T00:00:00Z");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Callable<Boolean>> asks = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        asks.add(() -> take(job, t, Duration.ofHours(1)));
      }
      int taken = 0;
      for (Future<Boolean> f : pool.invokeAll(asks)) {
        taken += f.get() ? 1 : 0;
      }
      assertEquals(1, taken);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void ticksComeSeveralTimesAnInterval() {
    assertEquals(Duration.ofMillis(500), ClusterJobs.tick(Duration.ofSeconds(1)));
    assertEquals(Duration.ofSeconds(15), ClusterJobs.tick(Duration.ofMinutes(1)));
    assertEquals(Duration.ofMinutes(1), ClusterJobs.tick(Duration.ofHours(1)));
  }
}
