package io.recoveryportal.bench;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.audit.ChainVerifier;
import io.recoveryportal.persistence.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many chained audit events a second the write sustains with two nodes on one PostgreSQL: two
 * persistence units, each with its own EclipseLink connection pool (as two portal nodes have), each
 * written by {@code threads} threads, every transaction one event through the production {@link
 * AuditLog} (lock the chain's head, insert, move the head), as a step writes its event. Then one
 * node alone for comparison, and the chain verified at the end. Not a test: it prints figures.
 *
 * <p>Run: {@code mvn -B -o -Duberjar.skip test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.recoveryportal.bench.AuditChainBenchmark} (options: {@code -Dthreads=8
 * -Dseconds=20}).
 */
public final class AuditChainBenchmark {

  private AuditChainBenchmark() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.getInteger("threads", 8);
    int seconds = Integer.getInteger("seconds", 20);
    try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
      Migrations.migrate(pg.getPostgresDatabase());
      String url = pg.getJdbcUrl("postgres", "postgres");
      EntityManagerFactory nodeA = node(url, threads);
      EntityManagerFactory nodeB = node(url, threads);
      try {
        run(List.of(nodeA, nodeB), threads, 5, "warm-up");
        double two = run(List.of(nodeA, nodeB), threads, seconds, "two nodes");
        double one = run(List.of(nodeA), threads, seconds, "one node");
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
          ChainVerifier.Result r = ChainVerifier.verify(c);
          System.out.printf("chain after the runs: %s%n", r.describe());
        }
        System.out.printf(
            "%nResult: %.0f chained audit events/s with two nodes (%d threads each), %.0f with one; "
                + "PostgreSQL 17 (embedded), %d cores%n",
            two, threads, one, Runtime.getRuntime().availableProcessors());
      } finally {
        nodeA.close();
        nodeB.close();
      }
    }
  }

  /** One "node": the production persistence unit with its own pool of {@code size} connections. */
  private static EntityManagerFactory node(String url, int size) {
    return Persistence.createEntityManagerFactory(
        "portal",
        Map.ofEntries(
            Map.entry("jakarta.persistence.transactionType", "RESOURCE_LOCAL"),
            Map.entry("jakarta.persistence.jtaDataSource", ""),
            Map.entry("jakarta.persistence.jdbc.driver", "org.postgresql.Driver"),
            Map.entry("jakarta.persistence.jdbc.url", url),
            Map.entry("jakarta.persistence.jdbc.user", "postgres"),
            Map.entry("jakarta.persistence.jdbc.password", ""),
            Map.entry("eclipselink.connection-pool.default.initial", Integer.toString(size)),
            Map.entry("eclipselink.connection-pool.default.min", Integer.toString(size)),
            Map.entry("eclipselink.connection-pool.default.max", Integer.toString(size)),
            Map.entry("eclipselink.target-server", "None")));
  }

  private static double run(
      List<EntityManagerFactory> nodes, int threads, int seconds, String label) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong written = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads * nodes.size());
    List<Future<?>> work = new ArrayList<>();
    long started = System.nanoTime();
    for (EntityManagerFactory node : nodes) {
      for (int t = 0; t < threads; t++) {
        long attempt = t;
        work.add(
            pool.submit(
                () -> {
                  while (running.get()) {
                    EntityManager em = node.createEntityManager();
                    try {
                      em.getTransaction().begin();
                      new AuditLog(em)
                          .record(
                              new AuditEvent(
                                  Instant.now(),
                                  AuditType.RESET_PASSWORD,
                                  Actor.person("employee"),
                                  attempt,
                                  "00000000-0000-0000-0000-00000000000" + (attempt % 10),
                                  AuditOutcome.OK,
                                  "benchmark"));
                      em.getTransaction().commit();
                      written.incrementAndGet();
                    } finally {
                      if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                      }
                      em.close();
                    }
                  }
                  return null;
                }));
      }
    }
    Thread.sleep(Duration.ofSeconds(seconds).toMillis());
    running.set(false);
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    double elapsed = (System.nanoTime() - started) / 1e9;
    double rate = written.get() / elapsed;
    System.out.printf(
        "%-9s %,d events in %.1f s: %.0f events/s%n", label, written.get(), elapsed, rate);
    return rate;
  }
}
