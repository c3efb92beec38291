package io.recoveryportal.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fault injection for the sandbox's Graph: the next N calls fail with 429 (with Retry-After) or
 * 503, every call can be slowed down, and the next N writes can be applied but then answered late
 * or not at all, or held and applied late (the portal cannot tell whether such a write happened).
 * Set through the control endpoint, read by {@link GraphApi}.
 */
public final class Faults {

  /** What the next calls should fail with. */
  public record Failure(int status, int remaining, String retryAfter) {}

  /** How a write the sandbox has applied is (not) answered. */
  public enum WriteFault {
    /**
     * the answer comes after {@code delayMillis}: later than a client with a shorter read timeout
     * waits
     */
    LATE,
    /**
     * the write is held for {@code delayMillis}, then applied and answered: it reaches the
     * directory after a client with a shorter read timeout has stopped waiting, and after any read
     * it makes at once
     */
    SLOW,
    /**
     * the write is not applied and is answered 500, as Graph or a gateway does on an internal
     * error: the caller cannot tell it from an error that came after the write was made
     */
    ERROR,
    /** the connection is closed without an answer, as when a network path or a gateway drops it */
    DROP
  }

  /**
   * The next {@code remaining} writes (PATCH, POST, DELETE) whose "METHOD path" contains {@code
   * match} (any write when empty) are applied and then answered late or dropped.
   */
  public record PendingWriteFault(WriteFault mode, long delayMillis, int remaining, String match) {

    boolean applies(String method, String path) {
      return !"GET".equals(method) && (method + " " + path).contains(match);
    }
  }

  private final AtomicReference<Failure> failure = new AtomicReference<>();
  private final AtomicReference<PendingWriteFault> writeFault = new AtomicReference<>();
  private final AtomicInteger writeFaultsServed = new AtomicInteger();
  private final AtomicLong latencyMillis = new AtomicLong();
  private final AtomicInteger injected = new AtomicInteger();

  /** The next {@code count} Graph calls answer {@code status}; {@code retryAfter} may be null. */
  public void failNext(int status, int count, String retryAfter) {
    failure.set(count > 0 ? new Failure(status, count, retryAfter) : null);
  }

  public void latency(long millis) {
    latencyMillis.set(Math.max(0, millis));
  }

  /**
   * The next {@code count} matching writes are applied, then answered after {@code delayMillis}
   * (LATE) or dropped.
   */
  public void faultNextWrites(WriteFault mode, long delayMillis, int count, String match) {
    writeFault.set(
        count > 0
            ? new PendingWriteFault(
                mode, Math.max(0, delayMillis), count, match == null ? "" : match)
            : null);
  }

  public void reset() {
    failure.set(null);
    writeFault.set(null);
    latencyMillis.set(0);
  }

  public PendingWriteFault pendingWriteFault() {
    return writeFault.get();
  }

  /** How many writes were applied and then answered late or dropped since start. */
  public int writeFaultsServed() {
    return writeFaultsServed.get();
  }

  /** Takes one write fault for this request, if one is pending and matches it; null otherwise. */
  PendingWriteFault takeWriteFault(String method, String path) {
    PendingWriteFault[] taken = new PendingWriteFault[1];
    writeFault.getAndUpdate(
        cur -> {
          taken[0] = null;
          if (cur == null || !cur.applies(method, path)) {
            return cur;
          }
          taken[0] = cur;
          return cur.remaining() <= 1
              ? null
              : new PendingWriteFault(
                  cur.mode(), cur.delayMillis(), cur.remaining() - 1, cur.match());
        });
    if (taken[0] == null) {
      return null;
    }
    writeFaultsServed.incrementAndGet();
    return taken[0];
  }

  /** How many faults have been served since start: lets tests prove a retry really happened. */
  public int injectedCount() {
    return injected.get();
  }

  public Failure pending() {
    return failure.get();
  }

  public long latency() {
    return latencyMillis.get();
  }

  /**
   * Applies latency, then, if a failure is pending, answers the exchange with Graph's throttling or
   * unavailable error and returns true: the caller must then stop.
   */
  public boolean intercept(HttpExchange ex) throws IOException {
    long delay = latencyMillis.get();
    if (delay > 0) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Failure f =
        failure.getAndUpdate(
            cur ->
                cur == null
                    ? null
                    : cur.remaining() <= 1
                        ? null
                        : new Failure(cur.status(), cur.remaining() - 1, cur.retryAfter()));
    if (f == null) {
      return false;
    }
    injected.incrementAndGet();
    if (f.retryAfter() != null) {
      ex.getResponseHeaders().set("Retry-After", f.retryAfter());
    }
    String code = f.status() == 429 ? "TooManyRequests" : "serviceNotAvailable";
    String message =
        f.status() == 429 ? "Please retry again later." : "The service is temporarily unavailable.";
    GraphErrors.send(ex, f.status(), code, message, UUID.randomUUID().toString());
    return true;
  }
}
