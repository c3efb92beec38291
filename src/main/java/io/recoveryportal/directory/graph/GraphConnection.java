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
                config.trustStore().map(Path::of).orElse(null), config.trustStorePassword().orElse(null),
                duration("graph.connect-timeout"), duration("graph.read-timeout"),
                config.value("entra.client-certificate").map(Path::of).orElse(null),
                config.value("entra.client-certificate-password").orElse(null), maxRequestsPerSecond());
    }

    /** An ISO-8601 duration ("PT30S"), or null for the default. */
    private java.time.Duration duration(String key) {
        try {
            return config.value(key).map(String::strip).map(java.time.Duration::parse).orElse(null);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT30S", e);
        }
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
