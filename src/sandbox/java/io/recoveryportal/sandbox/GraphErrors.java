package io.recoveryportal.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Graph's error body: {@code
 * {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}.
 */
public final class GraphErrors {

  private GraphErrors() {}

  public static void send(
      HttpExchange ex, int status, String code, String message, String requestId)
      throws IOException {
    String clientRequestId = ex.getRequestHeaders().getFirst("client-request-id");
    var inner =
        Json.of(
            "date",
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            "request-id",
            requestId,
            "client-request-id",
            clientRequestId == null ? requestId : clientRequestId);
    ex.getResponseHeaders().set("request-id", requestId);
    Http.json(
        ex,
        status,
        Json.of("error", Json.of("code", code, "message", message, "innerError", inner)));
  }
}
