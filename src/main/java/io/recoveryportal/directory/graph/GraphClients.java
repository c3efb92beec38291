package io.recoveryportal.directory.graph;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.recoveryportal.cluster.BucketSource;
import io.recoveryportal.security.OutboundTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The portal's way into Microsoft Graph: one MSAL4J confidential client (and so one token cache)
 * and one Graph SDK client on OkHttp with the SDK's default middleware, whose retry handler honours
 * Retry-After on 429, 503 and 504, followed by {@link GraphBudget}, which spaces the requests by
 * Graph's own quotas. Build one per application and close it on shutdown.
 */
public final class GraphClients implements AutoCloseable {

  private final GraphSettings settings;
  private final MsalAccessTokenProvider tokens;
  private final OkHttpClient http;
  private final GraphServiceClient graph;
  private final ExecutorService msalThreads;

  private GraphClients(
      GraphSettings settings,
      MsalAccessTokenProvider tokens,
      OkHttpClient http,
      ExecutorService msalThreads) {
    this.settings = settings;
    this.tokens = tokens;
    this.msalThreads = msalThreads;
    this.http = http;
    // The base URL must be on the adapter before the client is built: the client copies it once.
    this.graph =
        new GraphServiceClient(
            new BaseGraphRequestAdapter(
                new BaseBearerTokenAuthenticationProvider(tokens), settings.graphBaseUrl(), http));
  }

  /** With request pacing on buckets of this JVM alone (tests, tools). */
  public static GraphClients create(GraphSettings settings) {
    return create(settings, BucketSource.inMemory(GraphBudget.SYSTEM), GraphObserver.NONE);
  }

  /**
   * With request pacing on {@code buckets} (the Data Grid's in the container, so the budget is the
   * cluster's), telling {@code observer} of every exchange, 429 and pacing wait.
   */
  public static GraphClients create(
      GraphSettings settings, BucketSource buckets, GraphObserver observer) {
    X509TrustManager trust =
        settings.trustStore() == null
            ? null
            : OutboundTls.trustManager(settings.trustStore(), settings.trustStorePassword());
    SSLContext tls = trust == null ? null : OutboundTls.context(trust);
    ExecutorService msalThreads = msalThreads();
    ConfidentialClientApplication app = msal(settings, tls, msalThreads);
    OkHttpClient.Builder http =
        GraphClientFactory.create()
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout());
    GraphSettings.Pacing pacing = settings.pacing();
    http.addInterceptor(GraphObserver.before(observer));
    if (!pacing.off()) {
      // after the SDK's middleware, so each attempt, retries included, is spaced; a request that
      // would queue longer than a read may take fails instead
      http.addInterceptor(
          new GraphBudget(
              pacing.tenantSize(),
              pacing.share(),
              settings.readTimeout(),
              settings.graphBaseUrl(),
              GraphBudget.SYSTEM,
              buckets));
    }
    http.addInterceptor(GraphObserver.after(observer));
    if (tls != null) {
      http.sslSocketFactory(tls.getSocketFactory(), trust);
    }
    return new GraphClients(
        settings, new MsalAccessTokenProvider(app, settings), http.build(), msalThreads);
  }

  /**
   * MSAL answers every token request (every Graph call, most of them from its cache) through a
   * CompletableFuture on this executor. Without one it uses CompletableFuture's default, which on a
   * machine of fewer than three cores starts a new thread for each task: a thread born and gone per
   * Graph request.
   */
  private static ExecutorService msalThreads() {
    return Executors.newFixedThreadPool(
        2,
        r -> {
          Thread t = new Thread(r, "msal-token");
          t.setDaemon(true);
          return t;
        });
  }

  private static ConfidentialClientApplication msal(
      GraphSettings settings, SSLContext tls, ExecutorService executor) {
    try {
      ConfidentialClientApplication.Builder b =
          ConfidentialClientApplication.builder(settings.clientId(), credential(settings))
              .authority(settings.authority())
              .instanceDiscovery(settings.instanceDiscovery())
              .connectTimeoutForDefaultHttpClient((int) settings.connectTimeout().toMillis())
              .readTimeoutForDefaultHttpClient((int) settings.readTimeout().toMillis())
              .executorService(executor);
      if (tls != null) {
        b.sslSocketFactory(tls.getSocketFactory());
      }
      instanceMetadataForPortedAuthority(settings).ifPresent(b::aadInstanceDiscoveryResponse);
      return b.build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(
          "entra.authority-host does not make a valid authority: " + settings.authority(), e);
    }
  }

  /**
   * A certificate when one is configured (Microsoft's recommendation for apps), else the client
   * secret.
   */
  private static IClientCredential credential(GraphSettings settings) {
    if (settings.clientCertificate() == null) {
      return ClientCredentialFactory.createFromSecret(settings.clientSecret());
    }
    try (InputStream pkcs12 = Files.newInputStream(settings.clientCertificate())) {
      return ClientCredentialFactory.createFromCertificate(
          pkcs12,
          settings.clientCertificatePassword() == null ? "" : settings.clientCertificatePassword());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read entra.client-certificate " + settings.clientCertificate(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "entra.client-certificate "
              + settings.clientCertificate()
              + " is not a usable PKCS#12 key and certificate: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * MSAL files a token under the authority's host without its port but looks it up with the port,
   * so against an authority such as https://localhost:8443 it never finds a cached token and asks
   * Entra on every Graph call. Instance metadata naming both spellings as one environment makes the
   * cache work there too. Entra's real hosts have no port and need none of this.
   */
  private static Optional<String> instanceMetadataForPortedAuthority(GraphSettings settings) {
    URI authority = URI.create(settings.authorityHost());
    if (settings.instanceDiscovery() || authority.getPort() < 0) {
      return Optional.empty();
    }
    String host = authority.getHost().toLowerCase(Locale.ROOT);
    String hostAndPort = host + ":" + authority.getPort();
    return Optional.of(
        jakarta.json.Json.createObjectBuilder()
            .add(
                "tenant_discovery_endpoint",
                settings.authority() + "v2.0/.well-known/openid-configuration")
            .add("api-version", "1.1")
            .add(
                "metadata",
                jakarta.json.Json.createArrayBuilder()
                    .add(
                        jakarta.json.Json.createObjectBuilder()
                            .add("preferred_network", host)
                            .add("preferred_cache", hostAndPort)
                            .add(
                                "aliases",
                                jakarta.json.Json.createArrayBuilder().add(hostAndPort).add(host))))
            .build()
            .toString());
  }

  public GraphServiceClient graph() {
    return graph;
  }

  public GraphSettings settings() {
    return settings;
  }

  /**
   * Gets a token now (from MSAL's cache when it still has a valid one): the readiness check's proof
   * that the credentials, the authority and TLS all work. Throws {@link GraphTokenException}
   * otherwise.
   */
  public GraphToken acquireToken() {
    return tokens.acquire();
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    msalThreads.shutdown();
  }
}
