package io.recoveryportal.cluster;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where token buckets live: in the Data Grid, shared by every node ({@link SharedBuckets}), or in
 * this JVM alone ({@link #inMemory}: tests, and code that runs outside the container).
 */
public interface BucketSource {

  /**
   * The bucket {@code key} of {@code family}, created with {@code limit} when it does not exist
   * yet. A bucket untouched for as long as {@code limit} takes to refill from empty may be
   * forgotten: a new one starts full, which is the same thing.
   */
  Bucket bucket(String family, String key, Bandwidth limit);

  /**
   * How long {@code limit} takes to refill from empty: after that, its bucket is full and can be
   * forgotten.
   */
  static Duration untilFull(Bandwidth limit) {
    double periods = (double) limit.getCapacity() / limit.getRefillTokens();
    return Duration.ofNanos((long) Math.ceil(limit.getRefillPeriodNanos() * periods));
  }

  /**
   * Buckets in this JVM only, on {@code clock}, never forgotten: for a fixed, small set of keys.
   */
  static BucketSource inMemory(TimeMeter clock) {
    Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    return (family, key, limit) ->
        buckets.computeIfAbsent(
            family + '\u0000' + key,
            k -> Bucket.builder().withCustomTimePrecision(clock).addLimit(limit).build());
  }
}
