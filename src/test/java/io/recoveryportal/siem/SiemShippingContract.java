package io.recoveryportal.siem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditEvent;
import io.recoveryportal.audit.AuditLog;
import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.audit.ChainVerifier;
import io.recoveryportal.persistence.JpaHarness;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shipping to a real HTTPS collector ({@link SiemReceiver}, Splunk HEC) from a real database: every
 * event arrives once, in chain order, with its hashes; a SIEM down for an hour (by a clock the test
 * moves) is tried with a back-off capped at siem.max-backoff and then gets the whole hour in order;
 * two nodes shipping at once deliver every event in order.
 */
abstract class SiemShippingContract {

  protected abstract DataSource dataSource();

  private JpaHarness jpa;
  private SiemReceiver receiver;
  private final MovableClock clock = new MovableClock();

  @BeforeEach
  void open() throws Exception {
    jpa = new JpaHarness(dataSource());
    receiver = new SiemReceiver();
  }

  @AfterEach
  void close() {
    receiver.close();
    jpa.close();
  }

  private SiemSettings settings() {
    return SiemSettings.from(
            k ->
                Optional.ofNullable(
                    switch (k) {
                      case "siem.url" -> receiver.url().toString();
                      case "siem.token" -> SiemReceiver.TOKEN;
                      case "siem.batch-size" -> "10";
                      case "siem.max-backoff" -> "PT5M";
                      default -> null;
                    }),
            false)
        .orElseThrow();
  }

  private SiemShipper shipper(String node) throws Exception {
    return new SiemShipper(
        settings(),
        new AuditOutbox(dataSource()),
        receiver.clientTls(),
        node,
        clock,
        SiemShipper.Listener.NONE);
  }

  private void write(int n) {
    for (int i = 0; i < n; i++) {
      int k = i;
      jpa.run(
          em ->
              new AuditLog(em)
                  .record(
                      new AuditEvent(
                          Instant.now(),
                          AuditType.REVIEW_CASE_VIEWED,
                          Actor.system("test"),
                          (long) k,
                          "user-1",
                          AuditOutcome.OK,
                          "detail \"quoted\" " + k)));
    }
  }

  private static List<Long> oneTo(long n) {
    return LongStream.rangeClosed(1, n).boxed().toList();
  }

  @Test
  void everyEventArrivesOnceInChainOrderWithItsHashes() throws Exception {
    write(25);
    SiemShipper shipper = shipper("node-a");
    assertEquals(25, shipper.round());
    assertEquals(0, shipper.round(), "nothing left");
    assertEquals(oneTo(25), receiver.seqs());
    JsonObject first = receiver.accepted().get(0);
    assertEquals("recovery-portal", first.getString("source"));
    assertEquals("recovery-portal:audit", first.getString("sourcetype"));
    JsonObject event = first.getJsonObject("event");
    assertEquals("REVIEW_CASE_VIEWED", event.getString("event_type"));
    assertEquals("SYSTEM", event.getString("actor_kind"));
    assertEquals("detail \"quoted\" 0", event.getString("detail"));
    assertEquals(64, event.getString("hash").length());
    assertEquals(
        event.getString("hash"),
        receiver.accepted().get(1).getJsonObject("event").getString("prev_hash"),
        "the SIEM's copy carries the chain");
    try (Connection c = dataSource().getConnection()) {
      assertTrue(ChainVerifier.verify(c).intact());
    }
    assertEquals(0, new AuditOutbox(dataSource()).backlog(SiemSettings.DESTINATION));
  }

  @Test
  void aSiemDownForAnHourGetsTheWholeHourInOrderWhenItIsBack() throws Exception {
    write(5);
    SiemShipper shipper = shipper("node-a");
    assertEquals(5, shipper.round());
    receiver.down(true);
    int rounds = 0;
    for (Duration passed = Duration.ZERO;
        passed.compareTo(Duration.ofHours(1)) < 0;
        passed = passed.plusSeconds(2)) {
      // events keep being written during the outage; the node looks every 2 s (siem.interval)
      if (passed.toSeconds() % 60 == 0) {
        write(1);
      }
      assertEquals(0, shipper.round());
      clock.advance(Duration.ofSeconds(2));
      rounds++;
    }
    int tries = receiver.refused();
    assertTrue(
        tries >= 12 && tries <= 30,
        "an hour at most 5 minutes apart, after doubling from 1 s: "
            + tries
            + " tries in "
            + rounds
            + " rounds");
    assertEquals(
        60,
        new AuditOutbox(dataSource()).backlog(SiemSettings.DESTINATION),
        "nothing lost, nothing skipped");

    receiver.down(false);
    clock.advance(Duration.ofMinutes(6));
    int delivered = 0;
    for (int i = 0; i < 20 && delivered < 60; i++) {
      delivered += shipper.round();
    }
    assertEquals(60, delivered);
    assertEquals(oneTo(65), receiver.seqs(), "every event once, in chain order");
  }

  @Test
  void twoNodesShippingAtOnceDeliverEveryEventInOrder() throws Exception {
    write(40);
    SiemShipper a = shipper("node-a");
    SiemShipper b = shipper("node-b");
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                write(40);
                writing.set(false);
              });
      List<Future<?>> nodes = new ArrayList<>();
      for (SiemShipper s : List.of(a, b)) {
        nodes.add(
            pool.submit(
                () -> {
                  while (writing.get()
                      || new AuditOutbox(dataSource()).backlog(SiemSettings.DESTINATION) > 0) {
                    s.round();
                  }
                  return null;
                }));
      }
      writer.get();
      for (Future<?> f : nodes) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<Long> seqs = receiver.seqs();
    assertEquals(oneTo(80), seqs.stream().distinct().toList(), "every event, in order");
    assertEquals(80, seqs.size(), "the lease let one node send at a time: no event twice");
  }

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-27T09:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
