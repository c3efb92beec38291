package io.recoveryportal.directory.graph;

import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What the metrics hear of Graph: each HTTP exchange (retries on their own), each 429 with the
 * quiet it asked for, and how long each request waited in the portal's pacing. {@link
 * #interceptors} are the two OkHttp interceptors that tell it, placed on either side of {@link
 * GraphBudget}: the outer one stamps the request when it reaches the pacing, the inner one, when it
 * leaves it, reads the stamp and times the exchange.
 */
public interface GraphObserver {

  GraphObserver NONE =
      new GraphObserver() {
        @Override
        public void paced(long nanos) {
          // nobody listens
        }

        @Override
        public void exchanged(String method, int status, long nanos) {
          // nobody listens
        }

        @Override
        public void throttled(Duration retryAfter) {
          // nobody listens
        }
      };

  /** A request waited {@code nanos} in the pacing before it was sent. */
  void paced(long nanos);

  /** One exchange: {@code status} 0 when no answer came. */
  void exchanged(String method, int status, long nanos);

  /** Graph answered 429, asking for {@code retryAfter} of quiet. */
  void throttled(Duration retryAfter);

  /** The time a request reached the pacing, carried on it as an OkHttp tag. */
  record PacingStart(long nanos) {}

  /** Before the pacing: stamps the request. */
  static Interceptor before(GraphObserver observer) {
    return chain ->
        chain.proceed(
            chain
                .request()
                .newBuilder()
                .tag(PacingStart.class, new PacingStart(System.nanoTime()))
                .build());
  }

  /** After the pacing: reports the wait, then times the exchange and reports its status. */
  static Interceptor after(GraphObserver observer) {
    return chain -> {
      Request request = chain.request();
      long sent = System.nanoTime();
      PacingStart start = request.tag(PacingStart.class);
      if (start != null) {
        observer.paced(sent - start.nanos());
      }
      try {
        Response response = chain.proceed(request);
        observer.exchanged(request.method(), response.code(), System.nanoTime() - sent);
        if (response.code() == 429) {
          observer.throttled(
              Duration.ofNanos(GraphBudget.retryAfterNanos(response.header("Retry-After"))));
        }
        return response;
      } catch (IOException | RuntimeException e) {
        observer.exchanged(request.method(), 0, System.nanoTime() - sent);
        throw e;
      }
    };
  }
}
