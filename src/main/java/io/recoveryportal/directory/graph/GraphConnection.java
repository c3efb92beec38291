package io.recoveryportal.directory.graph;

import io.recoveryportal.cluster.BucketSource;
import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.metrics.Meters;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * The portal's one connection to Graph, built from configuration on first use and shared: MSAL's
 * token cache lives in it, so a second instance would mean a second token for every call. Its
 * request pacing takes from the Data Grid's buckets, shared by every node.
 */
@ApplicationScoped
public class GraphConnection {

  @Inject PortalConfig config;

  /** The Data Grid's buckets: the pacing's budget is the cluster's, not each node's. */
  @Inject BucketSource buckets;

  @Inject Meters meters;

  private GraphClients clients;

  public synchronized GraphClients clients() {
    if (clients == null) {
      clients =
          GraphClients.create(
              settings(),
              buckets,
              new GraphObserver() {
                @Override
                public void paced(long nanos) {
                  meters.graphPacing(nanos);
                }

                @Override
                public void exchanged(String method, int status, long nanos) {
                  meters.graphExchange(method, status, nanos);
                }

                @Override
                public void throttled(java.time.Duration retryAfter) {
                  meters.graphThrottled(retryAfter);
                }
              });
    }
    return clients;
  }

  GraphSettings settings() {
    return new GraphSettings(
        config.required("entra.tenant-id"),
        config.required("entra.client-id"),
        config.value("entra.client-secret").orElse(null),
        config.authorityHost(),
        config.graphBaseUrl(),
        config.trustStore().map(Path::of).orElse(null),
        config.trustStorePassword().orElse(null),
        duration("graph.connect-timeout"),
        duration("graph.read-timeout"),
        config.value("entra.client-certificate").map(Path::of).orElse(null),
        config.value("entra.client-certificate-password").orElse(null),
        pacing());
  }

  /** An ISO-8601 duration ("PT30S"), or null for the default. */
  private java.time.Duration duration(String key) {
    try {
      return config.value(key).map(String::strip).map(java.time.Duration::parse).orElse(null);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT30S", e);
    }
  }

  /** graph.tenant-size, graph.budget-share and graph.pacing, each named when it cannot be read. */
  private GraphSettings.Pacing pacing() {
    GraphBudget.TenantSize size;
    String sizeKey = "graph.tenant-size";
    try {
      size =
          config
              .value(sizeKey)
              .map(
                  v -> GraphBudget.TenantSize.valueOf(v.strip().toUpperCase(java.util.Locale.ROOT)))
              .orElse(GraphSettings.Pacing.DEFAULT.tenantSize());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          sizeKey
              + " must be S, M or L (the tenant's number of users: under 50, 50 to 500, above 500)",
          e);
    }
    String shareKey = "graph.budget-share";
    double share;
    try {
      share =
          config
              .value(shareKey)
              .map(String::strip)
              .map(Double::parseDouble)
              .orElse(GraphSettings.Pacing.DEFAULT.share());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(shareKey + " must be a number above 0 and at most 1", e);
    }
    String mode = config.value("graph.pacing").map(String::strip).orElse("entra");
    if (!mode.equals("entra") && !mode.equals("off")) {
      throw new IllegalArgumentException("graph.pacing must be entra or off: " + mode);
    }
    return new GraphSettings.Pacing(size, share, mode.equals("off"));
  }

  @PreDestroy
  synchronized void close() {
    if (clients != null) {
      clients.close();
    }
  }
}
