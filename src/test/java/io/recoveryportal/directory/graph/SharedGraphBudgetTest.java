package io.recoveryportal.directory.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.cluster.SharedBuckets;
import io.recoveryportal.cluster.TestGrid;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * Two nodes' pacing on one Data Grid (real Hazelcast members): they take from the same buckets, so
 * what one node spent the other cannot spend again, and the cluster as a whole keeps to one
 * tenant's quota.
 */
class SharedGraphBudgetTest {

  private static final String BASE = "https://graph.microsoft.com/v1.0";

  private static Response send(GraphBudget budget, AtomicInteger sent) throws IOException {
    Request patch =
        new Request.Builder()
            .url(BASE + "/users/5a1c0d3e-1111-4222-8333-944455556666")
            .patch(RequestBody.create("{}", MediaType.get("application/json")))
            .build();
    return budget.intercept(
        new GraphBudgetTest.Wire(patch, 200, null, sent) {
          @Override
          public Response proceed(Request r) {
            sent.incrementAndGet();
            return new Response.Builder()
                .request(r)
                .protocol(Protocol.HTTP_1_1)
                .code(204)
                .message("x")
                .body(ResponseBody.create("", MediaType.get("application/json")))
                .build();
          }
        });
  }

  @Test
  void writesSpentOnOneNodeAreGoneForTheOther() throws IOException {
    try (TestGrid grid = new TestGrid(5861)) {
      // a request may not wait at all here, so a refusal shows an empty bucket
      GraphBudget a =
          new GraphBudget(
              GraphBudget.TenantSize.S,
              1,
              Duration.ofMillis(1),
              BASE,
              GraphBudget.SYSTEM,
              new SharedBuckets(TestGrid.caches(grid.join()), null));
      GraphBudget b =
          new GraphBudget(
              GraphBudget.TenantSize.S,
              1,
              Duration.ofMillis(1),
              BASE,
              GraphBudget.SYSTEM,
              new SharedBuckets(TestGrid.caches(grid.join()), null));
      AtomicInteger sent = new AtomicInteger();
      int fromA = 0;
      try {
        while (fromA < 1_000) {
          send(a, sent);
          fromA++;
        }
      } catch (GraphBudget.QueueFull emptied) {
        // node A has spent the burst: a tenth of the 3,000 writes per 150 s, plus what refilled
        // meanwhile
      }
      assertTrue(fromA >= 300 && fromA < 340, "node A sent " + fromA + " writes at once");
      // node B finds the same bucket empty: only what refilled since A's last write (20 writes a
      // second) is
      // left, where a bucket of its own would give it another burst of 300
      int fromB = 0;
      try {
        while (fromB < 1_000) {
          send(b, sent);
          fromB++;
        }
      } catch (GraphBudget.QueueFull emptied) {
        // as expected
      }
      assertTrue(fromB < 20, "node B sent " + fromB + " writes at once");
    }
  }
}
