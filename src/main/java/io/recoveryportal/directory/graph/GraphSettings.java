package io.recoveryportal.directory.graph;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * How to reach Microsoft Graph as the portal's app registration: the tenant, the client
 * credentials, the Entra authority host and the Graph base URL (both configurable for national
 * clouds and for the sandbox), an optional trust store for a private certificate authority, and
 * network timeouts.
 *
 * @param trustStore PKCS#12 or JKS file with the certificates to trust instead of the JDK's, or
 *     null
 * @param trustStorePassword its password, or null
 * @param connectTimeout null for {@link #DEFAULT_CONNECT_TIMEOUT}
 * @param readTimeout null for {@link #DEFAULT_READ_TIMEOUT}
 * @param clientCertificate PKCS#12 file with the app's certificate and private key, used instead of
 *     the secret; or null
 * @param clientCertificatePassword its password, or null
 * @param pacing how this node spaces its Graph requests; null for {@link Pacing#DEFAULT}
 */
public record GraphSettings(
    String tenantId,
    String clientId,
    String clientSecret,
    String authorityHost,
    String graphBaseUrl,
    Path trustStore,
    String trustStorePassword,
    Duration connectTimeout,
    Duration readTimeout,
    Path clientCertificate,
    String clientCertificatePassword,
    Pacing pacing) {

  public static final String DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";
  public static final String DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  /**
   * How Graph requests are spaced ({@link GraphBudget}): by the tenant's size class and the share
   * of the app's quotas this node may use; or not at all, which only a stand-in on this machine may
   * ask for (a benchmark against the sandbox measures the portal, not Entra's limits).
   */
  public record Pacing(GraphBudget.TenantSize tenantSize, double share, boolean off) {

    /** The smallest tenant class, the whole budget: the safe choice when nothing is configured. */
    public static final Pacing DEFAULT = new Pacing(GraphBudget.TenantSize.S, 1.0, false);

    public Pacing {
      if (tenantSize == null) {
        throw new IllegalArgumentException("graph.tenant-size must be S, M or L");
      }
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException(
            "graph.budget-share must be a number above 0 and at most 1: " + share);
      }
    }
  }

  /** Graph's audience in every token the sandbox or another non-Microsoft stand-in expects. */
  static final String GLOBAL_GRAPH_RESOURCE = "https://graph.microsoft.com";

  /**
   * Entra's login hosts, for which MSAL's instance discovery works; anywhere else it must be off.
   */
  private static final Set<String> MICROSOFT_LOGIN_HOSTS =
      Set.of(
          "login.microsoftonline.com",
          "login.microsoftonline.us",
          "login.partner.microsoftonline.cn",
          "login.microsoftonline.de");

  /** Graph's hosts in the public and national clouds: their tokens are for that host itself. */
  private static final Set<String> MICROSOFT_GRAPH_HOSTS =
      Set.of(
          "graph.microsoft.com",
          "graph.microsoft.us",
          "dod-graph.microsoft.us",
          "graph.microsoft.de",
          "microsoftgraph.chinacloudapi.cn",
          "canary.graph.microsoft.com");

  private static final Set<String> LOOPBACK_HOSTS =
      Set.of("localhost", "127.0.0.1", "::1", "[::1]");

  public GraphSettings {
    requireText(tenantId, "entra.tenant-id");
    requireText(clientId, "entra.client-id");
    if (clientCertificate == null) {
      requireText(clientSecret, "entra.client-secret");
    }
    authorityHost =
        stripTrailingSlash(authorityHost == null ? DEFAULT_AUTHORITY_HOST : authorityHost);
    graphBaseUrl = stripTrailingSlash(graphBaseUrl == null ? DEFAULT_GRAPH_BASE_URL : graphBaseUrl);
    if (!"https".equals(scheme(authorityHost))) {
      throw new IllegalArgumentException(
          "entra.authority-host must be an https URL: " + authorityHost);
    }
    // An access token may only cross the network encrypted; plain http is for a stand-in on this
    // machine.
    if (!"https".equals(scheme(graphBaseUrl)) && !LOOPBACK_HOSTS.contains(host(graphBaseUrl))) {
      throw new IllegalArgumentException("graph.base-url must be an https URL: " + graphBaseUrl);
    }
    connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
    pacing = pacing == null ? Pacing.DEFAULT : pacing;
    if (pacing.off() && !LOOPBACK_HOSTS.contains(host(graphBaseUrl))) {
      throw new IllegalArgumentException(
          "graph.pacing=off is only for a Graph stand-in on this machine, not " + graphBaseUrl);
    }
  }

  /** The public cloud's endpoints, no private trust store, default timeouts. */
  public static GraphSettings of(String tenantId, String clientId, String clientSecret) {
    return new GraphSettings(
        tenantId, clientId, clientSecret, null, null, null, null, null, null, null, null, null);
  }

  public GraphSettings withEndpoints(String authorityHost, String graphBaseUrl) {
    return new GraphSettings(
        tenantId,
        clientId,
        clientSecret,
        authorityHost,
        graphBaseUrl,
        trustStore,
        trustStorePassword,
        connectTimeout,
        readTimeout,
        clientCertificate,
        clientCertificatePassword,
        pacing);
  }

  public GraphSettings withTrustStore(Path file, String password) {
    return new GraphSettings(
        tenantId,
        clientId,
        clientSecret,
        authorityHost,
        graphBaseUrl,
        file,
        password,
        connectTimeout,
        readTimeout,
        clientCertificate,
        clientCertificatePassword,
        pacing);
  }

  public GraphSettings withClientCertificate(Path file, String password) {
    return new GraphSettings(
        tenantId,
        clientId,
        null,
        authorityHost,
        graphBaseUrl,
        trustStore,
        trustStorePassword,
        connectTimeout,
        readTimeout,
        file,
        password,
        pacing);
  }

  public GraphSettings withClientSecret(String secret) {
    return new GraphSettings(
        tenantId,
        clientId,
        secret,
        authorityHost,
        graphBaseUrl,
        trustStore,
        trustStorePassword,
        connectTimeout,
        readTimeout,
        clientCertificate,
        clientCertificatePassword,
        pacing);
  }

  public GraphSettings withTimeouts(Duration connect, Duration read) {
    return new GraphSettings(
        tenantId,
        clientId,
        clientSecret,
        authorityHost,
        graphBaseUrl,
        trustStore,
        trustStorePassword,
        connect,
        read,
        clientCertificate,
        clientCertificatePassword,
        pacing);
  }

  public GraphSettings withPacing(Pacing newPacing) {
    return new GraphSettings(
        tenantId,
        clientId,
        clientSecret,
        authorityHost,
        graphBaseUrl,
        trustStore,
        trustStorePassword,
        connectTimeout,
        readTimeout,
        clientCertificate,
        clientCertificatePassword,
        newPacing);
  }

  /** MSAL's authority for the tenant: {@code {authorityHost}/{tenantId}/}. */
  public String authority() {
    return authorityHost + "/" + tenantId + "/";
  }

  /**
   * Whether MSAL may ask Microsoft's instance discovery about the authority: only for Entra's own
   * login hosts, since anything else (a sandbox, a test double) is unknown to it and would fail the
   * token request.
   */
  public boolean instanceDiscovery() {
    return MICROSOFT_LOGIN_HOSTS.contains(host(authorityHost));
  }

  /** The only host that is ever sent the Graph token. */
  public String graphHost() {
    return host(graphBaseUrl);
  }

  /**
   * The client-credentials scope: the Graph resource's {@code /.default}. A national cloud's Graph
   * is its own resource; any other host stands in for the public cloud and expects its audience.
   */
  public String graphScope() {
    String resource =
        MICROSOFT_GRAPH_HOSTS.contains(graphHost())
            ? scheme(graphBaseUrl) + "://" + graphHost()
            : GLOBAL_GRAPH_RESOURCE;
    return resource + "/.default";
  }

  static boolean isLoopback(String host) {
    return LOOPBACK_HOSTS.contains(host);
  }

  @Override
  public String toString() {
    return "GraphSettings[tenantId="
        + tenantId
        + ", clientId="
        + clientId
        + ", clientSecret=(redacted)"
        + ", clientCertificate="
        + clientCertificate
        + ", authorityHost="
        + authorityHost
        + ", graphBaseUrl="
        + graphBaseUrl
        + ", trustStore="
        + trustStore
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", pacing="
        + pacing
        + "]";
  }

  private static void requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is required");
    }
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String scheme(String url) {
    String scheme = URI.create(url).getScheme();
    return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
  }

  private static String host(String url) {
    String host = URI.create(url).getHost();
    if (host == null) {
      throw new IllegalArgumentException("Not an absolute URL: " + url);
    }
    return host.toLowerCase(Locale.ROOT);
  }
}
