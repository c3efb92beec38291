package io.recoveryportal.cluster;

import com.hazelcast.cache.impl.HazelcastServerCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.cache.CacheManager;

/**
 * A real Data Grid in the test's JVM: Hazelcast members (the version Payara Micro ships) on
 * loopback, joined by TCP/IP as a cluster's nodes would be, each with the JCache manager Payara's
 * would give the portal.
 */
public final class TestGrid implements AutoCloseable {

  private final String name = "test-" + UUID.randomUUID();
  private final int basePort;
  private final List<HazelcastInstance> members = new ArrayList<>();

  /** {@code basePort}: the first of ten ports the members may take. */
  public TestGrid(int basePort) {
    this.basePort = basePort;
  }

  /** A new member, joined to the others before this returns. */
  public HazelcastInstance join() {
    Config c = new Config().setClusterName(name);
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.max.wait.seconds.before.join", "0");
    c.setProperty("hazelcast.logging.type", "none");
    c.getNetworkConfig().setPort(basePort).setPortAutoIncrement(true).setPortCount(10);
    c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = c.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    for (int port = basePort; port < basePort + 10; port++) {
      join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + port);
    }
    HazelcastInstance member = Hazelcast.newHazelcastInstance(c);
    members.add(member);
    return member;
  }

  /** The JCache manager on {@code member}, as Payara's producer hands it to the portal. */
  public static CacheManager caches(HazelcastInstance member) {
    return new HazelcastServerCachingProvider(member).getCacheManager();
  }

  /**
   * Ends {@code member} at once, as a killed process would: no graceful hand-over of its
   * partitions.
   */
  public void kill(HazelcastInstance member) {
    member.getLifecycleService().terminate();
    members.remove(member);
  }

  @Override
  public void close() {
    members.forEach(m -> m.getLifecycleService().terminate());
    members.clear();
  }
}
