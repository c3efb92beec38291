package io.recoveryportal.oidc;

import java.net.URI;

/**
 * Hears of every call {@link OutboundHttp} makes: for the metrics. Must be cheap and must not
 * throw.
 */
@FunctionalInterface
public interface ExchangeObserver {

  ExchangeObserver NONE =
      (uri, status, nanos) -> {
        // nobody listens
      };

  /**
   * One call to {@code uri}: {@code status} 0 when no answer came (a timeout, a refused
   * connection).
   */
  void exchanged(URI uri, int status, long nanos);
}
