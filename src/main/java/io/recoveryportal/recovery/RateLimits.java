package io.recoveryportal.recovery;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.recoveryportal.cluster.BucketSource;
import io.recoveryportal.cluster.SharedBuckets;
import io.recoveryportal.i18n.Text;
import io.recoveryportal.metrics.Meters;
import io.recoveryportal.security.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Anti-automation for starting a verification: per client address, per target address (known or
 * not, so the limit itself reveals nothing), and a global hourly budget of Incode sessions (each
 * costs money and is an attacker's lever). Token buckets from Bucket4j kept in the Data Grid
 * ({@link SharedBuckets}), so a cluster of N nodes enforces the configured numbers, not N times
 * them, and a node that joins late sees what the others took. Keys are SHA-256 hashes: neither
 * addresses nor email addresses travel through the grid.
 */
@ApplicationScoped
public class RateLimits {

  /** Which kind of limit refused. */
  public enum Kind {
    CLIENT,
    ACCOUNT,
    GLOBAL
  }

  /** The limit that refused, and how long until it lets one more verification start. */
  public record Limit(Kind kind, Duration retryAfter) {

    /** The wait for a person to read: "in about 5 hours", never shorter than it really is. */
    public Text waitInWords() {
      long minutes = (retryAfter.toSeconds() + 59) / 60;
      if (minutes <= 1) {
        return Text.of("wait.minute");
      }
      if (minutes < 60) {
        return Text.of("wait.minutes", "minutes", minutes);
      }
      long hours = (minutes + 59) / 60;
      return hours == 1 ? Text.of("wait.hour") : Text.of("wait.hours", "hours", hours);
    }
  }

  @Inject RecoverySettings settings;

  @Inject BucketSource buckets;

  @Inject Meters meters;

  /**
   * Takes one token from each bucket, or none: returns the limit that refused, or empty when the
   * attempt may start. Each bucket is taken on its own (the grid has no transaction across keys),
   * so a refusal gives back what was taken before it; meanwhile another request may be refused for
   * that token, never admitted beyond a limit.
   */
  public Optional<Limit> tryStart(String clientAddress, String accountKey) {
    Bucket client =
        buckets.bucket(
            "portal.rate.client",
            OpaqueTokens.hash(clientAddress),
            limit(settings.perIpPerHour(), Duration.ofHours(1)));
    Bucket account =
        buckets.bucket(
            "portal.rate.account",
            OpaqueTokens.hash(accountKey),
            limit(settings.perAccountPerDay(), Duration.ofDays(1)));
    Bucket global =
        buckets.bucket(
            "portal.rate.global",
            "incode-sessions",
            limit(settings.incodeSessionsPerHour(), Duration.ofHours(1)));
    if (!client.tryConsume(1)) {
      return Optional.of(refusal(Kind.CLIENT, client));
    }
    if (!account.tryConsume(1)) {
      client.addTokens(1);
      return Optional.of(refusal(Kind.ACCOUNT, account));
    }
    if (!global.tryConsume(1)) {
      client.addTokens(1);
      account.addTokens(1);
      return Optional.of(refusal(Kind.GLOBAL, global));
    }
    return Optional.empty();
  }

  /**
   * The buckets refill a token at a time (a limit of 5 a day gives one back every 4.8 hours), so
   * this is the real wait.
   */
  private Limit refusal(Kind kind, Bucket bucket) {
    if (meters != null) {
      meters.rateLimited(kind.name().toLowerCase(java.util.Locale.ROOT));
    }
    return new Limit(
        kind, Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
  }

  private static Bandwidth limit(int capacity, Duration period) {
    return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
  }
}
