package io.recoveryportal.cluster;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * Token buckets in Payara Micro's Data Grid: one JCache cache per family of buckets, on the
 * Hazelcast that Payara runs (with {@code --nocluster} a grid of one member, so the same code
 * serves a single node). Bucket4j changes a bucket with an entry processor that runs on the member
 * owning the key, so two nodes taking a token at once never both get the last one; Hazelcast keeps
 * a backup of each entry on another member, so a node that dies takes no bucket with it. An entry
 * expires once untouched for as long as its bucket takes to refill, which bounds what the grid
 * holds by time. Callers hash personal keys (addresses) before they get here: the grid's traffic is
 * not encrypted (README, "Running a cluster").
 */
@ApplicationScoped
public class SharedBuckets implements BucketSource {

  @Inject CacheManager caches;

  /**
   * Null: the Data Grid's own wall clock, which every member shares closely enough for buckets of
   * seconds.
   */
  private TimeMeter clientClock;

  private final ConcurrentMap<String, ProxyManager<String>> families = new ConcurrentHashMap<>();

  protected SharedBuckets() {
    // for CDI
  }

  /**
   * For tests outside the container: a Hazelcast of their own, and optionally a clock they drive.
   */
  public SharedBuckets(CacheManager caches, TimeMeter clientClock) {
    this.caches = caches;
    this.clientClock = clientClock;
  }

  @Override
  public Bucket bucket(String family, String key, Bandwidth limit) {
    BucketConfiguration configuration = BucketConfiguration.builder().addLimit(limit).build();
    return families
        .computeIfAbsent(family, f -> proxies(f, BucketSource.untilFull(limit)))
        .builder()
        .build(key, () -> configuration);
  }

  private ProxyManager<String> proxies(String family, Duration forgetAfter) {
    Cache<String, byte[]> cache = cache(family, forgetAfter);
    Bucket4jJCache.JCacheProxyManagerBuilder<String> builder =
        Bucket4jJCache.entryProcessorBasedBuilder(cache);
    if (clientClock != null) {
      builder.clientClock(clientClock);
    }
    return builder.build();
  }

  private Cache<String, byte[]> cache(String name, Duration forgetAfter) {
    Cache<String, byte[]> cache = caches.getCache(name, String.class, byte[].class);
    if (cache != null) {
      return cache;
    }
    MutableConfiguration<String, byte[]> configuration =
        new MutableConfiguration<String, byte[]>()
            .setTypes(String.class, byte[].class)
            .setStoreByValue(true)
            .setExpiryPolicyFactory(
                ModifiedExpiryPolicy.factoryOf(
                    new javax.cache.expiry.Duration(
                        TimeUnit.SECONDS, forgetAfter.toSeconds() + 1)));
    try {
      return caches.createCache(name, configuration);
    } catch (CacheException anotherNodeWasFirst) {
      return caches.getCache(name, String.class, byte[].class);
    }
  }
}
