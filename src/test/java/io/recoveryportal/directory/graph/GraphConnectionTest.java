package io.recoveryportal.directory.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.config.PortalConfig;
import io.recoveryportal.lookup.WorkEmail;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adapters as CDI wires them: {@link GraphConnection} and {@link PortalConfig} built from the configuration the
 * sandbox hands a portal, including {@code graph.max-requests-per-second}, whose spacing must show on the wire.
 */
class GraphConnectionTest {

    @RegisterExtension
    static final GraphSandbox tenant = new GraphSandbox();

    /** PortalConfig over a map, as MicroProfile Config would answer. */
    private static PortalConfig config(Map<String, String> values) {
        return new PortalConfig() {
            @Override
            public Optional<String> value(String key) {
                return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
            }
        };
    }

    private static GraphConnection connection(PortalConfig config) {
        GraphConnection connection = new GraphConnection();
        connection.config = config;
        return connection;
    }

    @Test
    void configuredRateSpacesTheRequests() {
        Map<String, String> values = new HashMap<>(tenant.sandbox.portalConfig("http://localhost:8080"));
        values.put("graph.max-requests-per-second", "4");
        PortalConfig config = config(values);
        GraphConnection connection = connection(config);
        try {
            assertEquals(4.0, connection.clients().settings().maxRequestsPerSecond());
            GraphDirectory directory = new GraphDirectory(connection, config);
            WorkEmail jane = WorkEmail.parse("jane.smith@contoso.com").orElseThrow();
            connection.clients().acquireToken(); // into MSAL's cache, outside the measurement
            long started = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                assertEquals(1, directory.findByEmail(jane).size());
            }
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            // 8 requests at 4 a second, 4 at once: the last goes 1 s after the first.
            assertTrue(elapsedMillis >= 990, "paced: " + elapsedMillis + " ms");
        } finally {
            connection.close();
        }
    }

    @Test
    void aRateThatIsNotANumberIsNamedByItsKey() {
        Map<String, String> values = new HashMap<>(tenant.sandbox.portalConfig("http://localhost:8080"));
        values.put("graph.max-requests-per-second", "fast");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> connection(config(values)).clients());
        assertTrue(e.getMessage().startsWith("graph.max-requests-per-second"), e.getMessage());
        values.put("graph.max-requests-per-second", "0");
        e = assertThrows(IllegalArgumentException.class, () -> connection(config(values)).clients());
        assertTrue(e.getMessage().startsWith("graph.max-requests-per-second"), e.getMessage());
    }
}
