package io.recoveryportal.directory.graph;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Spaces the portal's Graph requests: at most {@code rate} a second from this JVM, in bursts of up to one
 * second's worth. A surge (an organisation-wide forced reset) then queues here, briefly, instead of running into
 * Graph's throttling, which answers 429 to every caller of the app in the tenant. It sits inside the SDK's retry
 * handler in the OkHttp chain, so retries are spaced too.
 *
 * <p>A request that would have to wait longer than {@code maxWait} fails at once with an I/O error (so the
 * adapters report the directory as unavailable) rather than holding a request thread while the queue grows.
 *
 * <p>The schedule is GCRA (virtual scheduling): each request is due one interval after the previous one's
 * theoretical time, and may go up to {@code burst - 1} intervals early. Waits are reserved under the lock and
 * slept outside it, so concurrent callers queue in order.
 */
final class RequestPacing implements Interceptor {

    /** Time, replaceable in tests. */
    interface Clock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    static final Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };

    /** The request was not sent: the queue was too long. Its own type, so a write refused here is known unsent. */
    static final class QueueFull extends IOException {

        private static final long serialVersionUID = 1L;

        QueueFull(String message) {
            super(message);
        }
    }

    private final long intervalNanos;
    private final long earlinessNanos;
    private final long maxWaitNanos;
    private final Clock clock;
    private long theoreticalArrival;

    /** {@code ratePerSecond} is positive and finite, as {@link GraphSettings} guarantees. */
    RequestPacing(double ratePerSecond, Duration maxWait, Clock clock) {
        this.intervalNanos = Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / ratePerSecond));
        long burst = Math.max(1, (long) Math.floor(ratePerSecond));
        this.earlinessNanos = (burst - 1) * intervalNanos;
        this.maxWaitNanos = maxWait.toNanos();
        this.clock = clock;
        this.theoreticalArrival = clock.nanoTime();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        long wait = reserve();
        if (wait < 0) {
            throw new QueueFull("Too many Microsoft Graph requests queued in the portal: a request would wait more than "
                    + TimeUnit.NANOSECONDS.toMillis(maxWaitNanos) + " ms to be sent");
        }
        if (wait > 0) {
            try {
                clock.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting to send a Microsoft Graph request");
            }
        }
        return chain.proceed(chain.request());
    }

    /** How long the caller must wait before sending, now reserved for it; -1 (nothing reserved) if too long. */
    synchronized long reserve() {
        long now = clock.nanoTime();
        long due = Math.max(theoreticalArrival, now);
        long wait = Math.max(0, due - earlinessNanos - now);
        if (wait > maxWaitNanos) {
            return -1;
        }
        theoreticalArrival = due + intervalNanos;
        return wait;
    }
}
