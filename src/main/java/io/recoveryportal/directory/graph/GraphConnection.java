package io.recoveryportal.directory.graph;

import io.recoveryportal.config.PortalConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;

/**
 * The portal's one connection to Graph, built from configuration on first use and shared: MSAL's token cache
 * lives in it, so a second instance would mean a second token for every call.
 */
@ApplicationScoped
public class GraphConnection {

    @Inject
    PortalConfig config;

    private GraphClients clients;

    public synchronized GraphClients clients() {
        if (clients == null) {
            clients = GraphClients.create(settings());
        }
        return clients;
    }

    GraphSettings settings() {
        return new GraphSettings(config.required("entra.tenant-id"), config.required("entra.client-id"),
                config.value("entra.client-secret").orElse(null), config.authorityHost(), config.graphBaseUrl(),
                config.trustStore().map(Path::of).orElse(null), config.trustStorePassword().orElse(null), null, null,
                config.value("entra.client-certificate").map(Path::of).orElse(null),
                config.value("entra.client-certificate-password").orElse(null), maxRequestsPerSecond());
    }

    private Double maxRequestsPerSecond() {
        String key = "graph.max-requests-per-second";
        try {
            return config.value(key).map(String::strip).map(Double::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of requests per second", e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (clients != null) {
            clients.close();
        }
    }
}
