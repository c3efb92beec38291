package io.recoveryportal.directory.graph;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * The portal's way into Microsoft Graph: one MSAL4J confidential client (and so one token cache) and one Graph
 * SDK client on OkHttp with the SDK's default middleware, whose retry handler honours Retry-After on 429, 503
 * and 504. Build one per application and close it on shutdown.
 */
public final class GraphClients implements AutoCloseable {

    private final GraphSettings settings;
    private final MsalAccessTokenProvider tokens;
    private final OkHttpClient http;
    private final GraphServiceClient graph;

    private GraphClients(GraphSettings settings, MsalAccessTokenProvider tokens, OkHttpClient http) {
        this.settings = settings;
        this.tokens = tokens;
        this.http = http;
        // The base URL must be on the adapter before the client is built: the client copies it once.
        this.graph = new GraphServiceClient(new BaseGraphRequestAdapter(
                new BaseBearerTokenAuthenticationProvider(tokens), settings.graphBaseUrl(), http));
    }

    public static GraphClients create(GraphSettings settings) {
        X509TrustManager trust = settings.trustStore() == null ? null : trustManager(settings);
        SSLContext tls = trust == null ? null : tlsTrusting(trust);
        ConfidentialClientApplication app = msal(settings, tls);
        OkHttpClient.Builder http = GraphClientFactory.create()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout());
        if (tls != null) {
            http.sslSocketFactory(tls.getSocketFactory(), trust);
        }
        return new GraphClients(settings, new MsalAccessTokenProvider(app, settings), http.build());
    }

    private static ConfidentialClientApplication msal(GraphSettings settings, SSLContext tls) {
        try {
            ConfidentialClientApplication.Builder b = ConfidentialClientApplication
                    .builder(settings.clientId(), ClientCredentialFactory.createFromSecret(settings.clientSecret()))
                    .authority(settings.authority())
                    .instanceDiscovery(settings.instanceDiscovery())
                    .connectTimeoutForDefaultHttpClient((int) settings.connectTimeout().toMillis())
                    .readTimeoutForDefaultHttpClient((int) settings.readTimeout().toMillis());
            if (tls != null) {
                b.sslSocketFactory(tls.getSocketFactory());
            }
            instanceMetadataForPortedAuthority(settings).ifPresent(b::aadInstanceDiscoveryResponse);
            return b.build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("entra.authority-host does not make a valid authority: " + settings.authority(), e);
        }
    }

    /**
     * MSAL files a token under the authority's host without its port but looks it up with the port, so against
     * an authority such as https://localhost:8443 it never finds a cached token and asks Entra on every Graph
     * call. Instance metadata naming both spellings as one environment makes the cache work there too. Entra's
     * real hosts have no port and need none of this.
     */
    private static Optional<String> instanceMetadataForPortedAuthority(GraphSettings settings) {
        URI authority = URI.create(settings.authorityHost());
        if (settings.instanceDiscovery() || authority.getPort() < 0) {
            return Optional.empty();
        }
        String host = authority.getHost().toLowerCase(Locale.ROOT);
        String hostAndPort = host + ":" + authority.getPort();
        return Optional.of("{\"tenant_discovery_endpoint\":\"" + settings.authority() + "v2.0/.well-known/openid-configuration\","
                + "\"api-version\":\"1.1\",\"metadata\":[{\"preferred_network\":\"" + host + "\","
                + "\"preferred_cache\":\"" + hostAndPort + "\",\"aliases\":[\"" + hostAndPort + "\",\"" + host + "\"]}]}");
    }

    /** TLS that trusts exactly the configured trust store; host names are still verified. */
    private static SSLContext tlsTrusting(X509TrustManager trust) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trust}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS", e);
        }
    }

    private static X509TrustManager trustManager(GraphSettings settings) {
        char[] password = settings.trustStorePassword() == null ? null : settings.trustStorePassword().toCharArray();
        try {
            KeyStore store = KeyStore.getInstance(settings.trustStore().toFile(), password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return Arrays.stream(tmf.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                    .map(X509TrustManager.class::cast).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No X.509 trust manager for " + settings.trustStore()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trust store " + settings.trustStore(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the trust store " + settings.trustStore(), e);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    public GraphServiceClient graph() {
        return graph;
    }

    public GraphSettings settings() {
        return settings;
    }

    /**
     * Gets a token now (from MSAL's cache when it still has a valid one): the readiness check's proof that the
     * credentials, the authority and TLS all work. Throws {@link GraphTokenException} otherwise.
     */
    public GraphToken acquireToken() {
        return tokens.acquire();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
