package io.recoveryportal.recovery;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.recoveryportal.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Anti-automation for starting a verification: per client address, per target address (known or not, so the
 * limit itself reveals nothing), and a global hourly budget of Incode sessions (each costs money and is an
 * attacker's lever). Token buckets from Bucket4j, held per node; a cluster shares nothing here, so the
 * effective limits are per node (README: known limits).
 */
@ApplicationScoped
public class RateLimits {

    /** Which kind of limit refused. */
    public enum Kind { CLIENT, ACCOUNT, GLOBAL }

    /** The limit that refused, and how long until it lets one more verification start. */
    public record Limit(Kind kind, Duration retryAfter) {

        /** The wait for a person to read: "in about 5 hours", never shorter than it really is. */
        public String waitInWords() {
            long minutes = (retryAfter.toSeconds() + 59) / 60;
            if (minutes <= 1) {
                return "in a minute";
            }
            if (minutes < 60) {
                return "in about " + minutes + " minutes";
            }
            long hours = (minutes + 59) / 60;
            return hours == 1 ? "in about an hour" : "in about " + hours + " hours";
        }
    }

    private static final int MAX_TRACKED = 100_000;

    @Inject
    RecoverySettings settings;

    @Inject
    Meters meters;

    private final Map<String, Bucket> perClient = lru();
    private final Map<String, Bucket> perAccount = lru();
    private Bucket global;

    /**
     * Takes one token from each bucket, or none: returns the limit that refused, or empty when the attempt
     * may start.
     */
    public synchronized Optional<Limit> tryStart(String clientAddress, String accountKey) {
        Bucket client = perClient.computeIfAbsent(clientAddress, k -> bucket(settings.perIpPerHour(), Duration.ofHours(1)));
        Bucket account = perAccount.computeIfAbsent(accountKey, k -> bucket(settings.perAccountPerDay(), Duration.ofDays(1)));
        if (global == null) {
            global = bucket(settings.incodeSessionsPerHour(), Duration.ofHours(1));
        }
        if (client.getAvailableTokens() < 1) {
            return Optional.of(refusal(Kind.CLIENT, client));
        }
        if (account.getAvailableTokens() < 1) {
            return Optional.of(refusal(Kind.ACCOUNT, account));
        }
        if (!global.tryConsume(1)) {
            return Optional.of(refusal(Kind.GLOBAL, global));
        }
        client.tryConsume(1);
        account.tryConsume(1);
        return Optional.empty();
    }

    /** The buckets refill a token at a time (a limit of 5 a day gives one back every 4.8 hours), so this is the real wait. */
    private Limit refusal(Kind kind, Bucket bucket) {
        if (meters != null) {
            meters.rateLimited(kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        return new Limit(kind, Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    private static Bucket bucket(int capacity, Duration period) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build();
    }

    /** Bounded, least recently used first out: a flood of addresses cannot exhaust memory. */
    private static Map<String, Bucket> lru() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }

    /** For tests: forget every bucket. */
    synchronized void clear() {
        perClient.clear();
        perAccount.clear();
        global = null;
    }

}
