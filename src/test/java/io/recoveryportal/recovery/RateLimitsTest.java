package io.recoveryportal.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.cluster.SharedBuckets;
import io.recoveryportal.cluster.TestGrid;
import io.recoveryportal.recovery.RateLimits.Kind;
import io.recoveryportal.recovery.RateLimits.Limit;
import java.time.Duration;
import javax.cache.CacheManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which limit refused, and the wait the person is told: that limit's own, not "an hour" for all of
 * them. On a real Data Grid of one member, as a single node runs; {@code SharedRateLimitsTest} runs
 * them across members.
 */
class RateLimitsTest {

  private static TestGrid grid;
  private static CacheManager caches;

  @BeforeAll
  static void grid() {
    grid = new TestGrid(5801);
    caches = TestGrid.caches(grid.join());
  }

  @AfterAll
  static void stop() {
    grid.close();
  }

  /** Each test starts with no buckets, as a new cluster would. */
  @BeforeEach
  void forget() {
    for (String name : caches.getCacheNames()) {
      caches.destroyCache(name);
    }
  }

  static RateLimits limits(RecoverySettings settings, CacheManager caches) {
    RateLimits limits = new RateLimits();
    limits.settings = settings;
    limits.buckets = new SharedBuckets(caches, null);
    return limits;
  }

  private static RateLimits limits(int perIpPerHour, int perAccountPerDay, int perHour) {
    return limits(settings(perIpPerHour, perAccountPerDay, perHour), caches);
  }

  static RecoverySettings settings(int perIpPerHour, int perAccountPerDay, int perHour) {
    return new RecoverySettings() {
      @Override
      public int perIpPerHour() {
        return perIpPerHour;
      }

      @Override
      public int perAccountPerDay() {
        return perAccountPerDay;
      }

      @Override
      public int incodeSessionsPerHour() {
        return perHour;
      }
    };
  }

  @Test
  void theAccountLimitIsPerDaySoItsWaitIsHours() {
    RateLimits limits = limits(1000, 3, 1000);
    for (int i = 0; i < 3; i++) {
      assertTrue(limits.tryStart("client-" + i, "account").isEmpty());
    }
    Limit refused = limits.tryStart("client-9", "account").orElseThrow();
    assertEquals(Kind.ACCOUNT, refused.kind());
    // three a day come back one at a time, every eight hours
    assertTrue(
        refused.retryAfter().compareTo(Duration.ofHours(7).plusMinutes(59)) > 0
            && refused.retryAfter().compareTo(Duration.ofHours(8)) <= 0,
        refused.retryAfter().toString());
    assertEquals("in about 8 hours", refused.waitInWords().in(java.util.Locale.ENGLISH));
  }

  @Test
  void theClientLimitIsPerHourSoItsWaitIsMinutes() {
    RateLimits limits = limits(20, 1000, 1000);
    for (int i = 0; i < 20; i++) {
      assertTrue(limits.tryStart("one-client", "account-" + i).isEmpty());
    }
    Limit refused = limits.tryStart("one-client", "another").orElseThrow();
    assertEquals(Kind.CLIENT, refused.kind());
    assertEquals("in about 3 minutes", refused.waitInWords().in(java.util.Locale.ENGLISH));
  }

  @Test
  void theHourlyBudgetNamesItsOwnWait() {
    RateLimits limits = limits(1000, 1000, 1);
    assertTrue(limits.tryStart("a", "x").isEmpty());
    Limit refused = limits.tryStart("b", "y").orElseThrow();
    assertEquals(Kind.GLOBAL, refused.kind());
    assertEquals("in about an hour", refused.waitInWords().in(java.util.Locale.ENGLISH));
  }

  @Test
  void waitsAreNeverUnderstated() {
    assertEquals(
        "in a minute",
        new Limit(Kind.CLIENT, Duration.ofSeconds(20)).waitInWords().in(java.util.Locale.ENGLISH));
    assertEquals(
        "in about 2 minutes",
        new Limit(Kind.CLIENT, Duration.ofSeconds(61)).waitInWords().in(java.util.Locale.ENGLISH));
    assertEquals(
        "in about 2 hours",
        new Limit(Kind.ACCOUNT, Duration.ofMinutes(61)).waitInWords().in(java.util.Locale.ENGLISH));
    assertEquals(
        "in about 5 hours",
        new Limit(Kind.ACCOUNT, Duration.ofMinutes(288))
            .waitInWords()
            .in(java.util.Locale.ENGLISH));
  }
}
