package io.recoveryportal.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.recoveryportal.cluster.TestGrid;
import io.recoveryportal.recovery.RateLimits.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The rate limits of a cluster: each "node" is a Hazelcast member with its own {@link RateLimits},
 * as each portal process has, and they enforce the configured numbers together, not each on its
 * own.
 */
class SharedRateLimitsTest {

  private static final RecoverySettings FIVE_A_DAY = RateLimitsTest.settings(1000, 5, 1000);

  @Test
  void fiveTriesSpreadOverTwoNodesLeaveNoSixthOnEitherAndSurviveTheNodeThatHeldThem()
      throws Exception {
    try (TestGrid grid = new TestGrid(5821)) {
      HazelcastInstance a = grid.join();
      HazelcastInstance b = grid.join();
      RateLimits onA = RateLimitsTest.limits(FIVE_A_DAY, TestGrid.caches(a));
      RateLimits onB = RateLimitsTest.limits(FIVE_A_DAY, TestGrid.caches(b));
      for (int i = 0; i < 5; i++) {
        assertTrue(
            (i % 2 == 0 ? onA : onB).tryStart("client-" + i, "jane").isEmpty(), "try " + (i + 1));
      }
      assertEquals(Kind.ACCOUNT, onA.tryStart("client-9", "jane").orElseThrow().kind());
      assertEquals(Kind.ACCOUNT, onB.tryStart("client-9", "jane").orElseThrow().kind());

      // a member dies without handing anything over: the backups on the other member take its place
      grid.kill(a);
      assertEquals(Kind.ACCOUNT, onB.tryStart("client-10", "jane").orElseThrow().kind());
      // and a node that joins late sees what the others took
      RateLimits onC = RateLimitsTest.limits(FIVE_A_DAY, TestGrid.caches(grid.join()));
      assertEquals(Kind.ACCOUNT, onC.tryStart("client-11", "jane").orElseThrow().kind());
      assertTrue(
          onC.tryStart("client-11", "someone-else").isEmpty(), "another account is not limited");
    }
  }

  @Test
  void sixteenThreadsOnTwoNodesGetExactlyTheLimitBetweenThem() throws Exception {
    try (TestGrid grid = new TestGrid(5841)) {
      List<RateLimits> nodes =
          List.of(
              RateLimitsTest.limits(FIVE_A_DAY, TestGrid.caches(grid.join())),
              RateLimitsTest.limits(FIVE_A_DAY, TestGrid.caches(grid.join())));
      ExecutorService pool = Executors.newFixedThreadPool(16);
      try {
        AtomicInteger admitted = new AtomicInteger();
        List<Callable<Void>> tries = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
          RateLimits node = nodes.get(i % 2);
          String client = "client-" + i;
          tries.add(
              () -> {
                if (node.tryStart(client, "one-account").isEmpty()) {
                  admitted.incrementAndGet();
                }
                return null;
              });
        }
        for (Future<Void> f : pool.invokeAll(tries)) {
          f.get();
        }
        assertEquals(5, admitted.get());
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
