package io.recoveryportal.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fault injection for the sandbox's Graph: the next N calls fail with 429 (with Retry-After) or 503,
 * and every call can be slowed down. Set through the control endpoint, read by {@link GraphApi}.
 */
public final class Faults {

    /** What the next calls should fail with. */
    public record Failure(int status, int remaining, String retryAfter) {
    }

    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private final AtomicLong latencyMillis = new AtomicLong();
    private final AtomicInteger injected = new AtomicInteger();

    /** The next {@code count} Graph calls answer {@code status}; {@code retryAfter} may be null. */
    public void failNext(int status, int count, String retryAfter) {
        failure.set(count > 0 ? new Failure(status, count, retryAfter) : null);
    }

    public void latency(long millis) {
        latencyMillis.set(Math.max(0, millis));
    }

    public void reset() {
        failure.set(null);
        latencyMillis.set(0);
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
        Failure f = failure.getAndUpdate(cur -> cur == null ? null
                : cur.remaining() <= 1 ? null : new Failure(cur.status(), cur.remaining() - 1, cur.retryAfter()));
        if (f == null) {
            return false;
        }
        injected.incrementAndGet();
        if (f.retryAfter() != null) {
            ex.getResponseHeaders().set("Retry-After", f.retryAfter());
        }
        String code = f.status() == 429 ? "TooManyRequests" : "serviceNotAvailable";
        String message = f.status() == 429 ? "Please retry again later." : "The service is temporarily unavailable.";
        GraphErrors.send(ex, f.status(), code, message, UUID.randomUUID().toString());
        return true;
    }
}
