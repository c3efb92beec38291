package io.recoveryportal.siem;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;

/**
 * One delivery round to the SIEM: take the destination's lease, then send the events after the
 * delivered position in batches, in chain order, moving the position after each batch the SIEM
 * accepted (2xx), until none are left or the lease runs short. A batch that fails (no answer, any
 * other status) is tried again after a back-off that doubles from a second up to {@code
 * siem.max-backoff}, from the same position: nothing is skipped, so a SIEM away for an hour gets
 * the whole hour, in order, when it is back. Plain Java; {@link SiemSender} runs it on a schedule.
 */
public final class SiemShipper {

  /** What the metrics hear. */
  public interface Listener {
    void sent(int events);

    void failed();

    Listener NONE =
        new Listener() {
          @Override
          public void sent(int events) {
            // nobody listens
          }

          @Override
          public void failed() {
            // nobody listens
          }
        };
  }

  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  private final SiemSettings settings;
  private final AuditOutbox outbox;
  private final String node;
  private final Clock clock;
  private final Listener listener;
  private final HttpClient http;

  public SiemShipper(
      SiemSettings settings,
      AuditOutbox outbox,
      SSLContext tls,
      String node,
      Clock clock,
      Listener listener) {
    this.settings = settings;
    this.outbox = outbox;
    this.node = node;
    this.clock = clock;
    this.listener = listener;
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1);
    if (tls != null) {
      b.sslContext(tls);
    }
    this.http = b.build();
  }

  /** One round; the number of events the SIEM accepted in it. */
  public int round() throws SQLException {
    long now = clock.millis();
    long leaseMs = Math.max(60_000, settings.timeout().toMillis() * 4);
    Optional<AuditOutbox.Lease> lease =
        outbox.lease(SiemSettings.DESTINATION, node, now, now + leaseMs);
    if (lease.isEmpty()) {
      return 0;
    }
    long position = lease.get().lastSeq();
    int sent = 0;
    try {
      while (clock.millis() < now + leaseMs - settings.timeout().toMillis() * 2) {
        List<OutboxEvent> batch = outbox.after(position, settings.batchSize());
        if (batch.isEmpty()) {
          break;
        }
        String problem = send(batch);
        if (problem != null) {
          listener.failed();
          outbox.failed(
              SiemSettings.DESTINATION,
              node,
              problem,
              clock.millis() + backoff(lease.get().failures() + 1).toMillis());
          return sent;
        }
        position = batch.get(batch.size() - 1).seq();
        if (!outbox.delivered(SiemSettings.DESTINATION, node, position, clock.instant())) {
          // the lease ran out and another node moved on: leave the rest to it
          return sent;
        }
        sent += batch.size();
        listener.sent(batch.size());
      }
    } finally {
      outbox.release(SiemSettings.DESTINATION, node);
    }
    return sent;
  }

  /**
   * Doubling from a second, capped at siem.max-backoff, with up to a fifth more at random so nodes
   * do not stampede.
   */
  Duration backoff(int failures) {
    Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 20));
    if (d.compareTo(settings.maxBackoff()) > 0) {
      d = settings.maxBackoff();
    }
    return d.plusMillis(ThreadLocalRandom.current().nextLong(d.toMillis() / 5 + 1));
  }

  /**
   * Null when the SIEM accepted the batch, else what went wrong (for audit_outbox.last_error; no
   * body echoed).
   */
  private String send(List<OutboxEvent> batch) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(settings.url())
            .timeout(settings.timeout())
            .header("Content-Type", SiemFormat.contentType(settings.format()))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    SiemFormat.body(settings.format(), batch, node), StandardCharsets.UTF_8));
    if (settings.token() != null && !settings.token().isBlank()) {
      r.header(
          "Authorization",
          (settings.format() == SiemFormat.Kind.SPLUNK_HEC ? "Splunk " : "Bearer ")
              + settings.token());
    }
    try {
      HttpResponse<Void> response = http.send(r.build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2
          ? null
          : "HTTP " + response.statusCode() + " from " + settings.url().getHost();
    } catch (IOException e) {
      return e.getClass().getSimpleName() + " reaching " + settings.url().getHost();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
