package io.recoveryportal.directory.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pacing schedule on a fake clock: exact, and instant to run. */
class RequestPacingTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A clock that only moves when told to, or when somebody sleeps on it. */
    private static final class FakeClock implements RequestPacing.Clock {
        long now = 1_000_000 * MS;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
        }
    }

    private static List<Long> waitsMillis(RequestPacing pacing, int requests) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            out.add(TimeUnit.NANOSECONDS.toMillis(pacing.reserve()));
        }
        return out;
    }

    @Test
    void oneSecondsWorthGoesAtOnceThenOneEveryInterval() {
        RequestPacing pacing = new RequestPacing(4, Duration.ofSeconds(30), new FakeClock());
        assertEquals(List.of(0L, 0L, 0L, 0L, 250L, 500L, 750L, 1000L), waitsMillis(pacing, 8));
    }

    @Test
    void idleTimeRefillsTheBurstButNoMoreThanOneSecondsWorth() {
        FakeClock clock = new FakeClock();
        RequestPacing pacing = new RequestPacing(2, Duration.ofSeconds(30), clock);
        assertEquals(List.of(0L, 0L, 500L), waitsMillis(pacing, 3));
        clock.now += 60_000 * MS;
        assertEquals(List.of(0L, 0L, 500L), waitsMillis(pacing, 3));
    }

    @Test
    void slowRatesSpaceEveryRequest() {
        RequestPacing pacing = new RequestPacing(0.5, Duration.ofSeconds(30), new FakeClock());
        assertEquals(List.of(0L, 2000L, 4000L), waitsMillis(pacing, 3));
    }

    @Test
    void aWaitBeyondTheLimitIsRefusedAndReservesNothing() {
        RequestPacing pacing = new RequestPacing(1, Duration.ofMillis(1500), new FakeClock());
        assertEquals(List.of(0L, 1000L), waitsMillis(pacing, 2));
        assertEquals(-1, pacing.reserve(), "2 s away: too long");
        assertEquals(-1, pacing.reserve(), "a refusal does not push the queue further out");
    }
}
