package io.recoveryportal.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * The sandbox's control endpoint, for testers and tests. POST only:
 * <ul>
 * <li>{@code /control/graph/fail?status=429&count=3&retryAfter=1}: the next N Graph calls fail (429 or 503);</li>
 * <li>{@code /control/graph/latency?ms=500}: every Graph call is slowed;</li>
 * <li>{@code /control/graph/reset}: no more faults or latency;</li>
 * <li>{@code /control/graph/directory/reset}: the directory back to its seed (methods, passwords, write log);</li>
 * <li>{@code /control/incode/rotate-keys} and {@code /control/entra/rotate-keys}: a new signing key;</li>
 * <li>{@code /control/incode/tamper?mode=...}: the next Incode ID token is tampered (see {@link IncodeProvider.Tamper}).</li>
 * </ul>
 * GET {@code /control} describes the current state as JSON.
 */
final class ControlApi implements HttpHandler {

    private final Sandbox sandbox;

    ControlApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if ("GET".equals(ex.getRequestMethod()) && ("/control".equals(path) || "/control/".equals(path))) {
            Faults.Failure f = sandbox.faults().pending();
            Http.json(ex, 200, Json.of(
                    "graph", Json.of("pendingFailure", f == null ? null : Json.of("status", f.status(), "remaining", f.remaining(), "retryAfter", f.retryAfter()),
                            "latencyMs", sandbox.faults().latency(), "faultsServed", sandbox.faults().injectedCount()),
                    "incode", Json.of("currentKeyId", sandbox.incode().keys().currentKeyId(), "pendingTamper", sandbox.incode().pendingTamper().name()),
                    "entra", Json.of("currentKeyId", sandbox.entraKeys().currentKeyId())));
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            Http.text(ex, 405, "POST only");
            return;
        }
        Map<String, String> q = Http.query(ex);
        q.putAll(Http.form(ex));
        try {
            switch (path) {
                case "/control/graph/fail" -> sandbox.faults().failNext(
                        Integer.parseInt(q.getOrDefault("status", "429")),
                        Integer.parseInt(q.getOrDefault("count", "1")), q.get("retryAfter"));
                case "/control/graph/latency" -> sandbox.faults().latency(Long.parseLong(q.getOrDefault("ms", "0")));
                case "/control/graph/reset" -> sandbox.faults().reset();
                case "/control/graph/directory/reset" -> sandbox.directory().reset();
                case "/control/incode/rotate-keys" -> sandbox.incode().keys().rotate();
                case "/control/entra/rotate-keys" -> sandbox.entraKeys().rotate();
                case "/control/incode/tamper" -> sandbox.incode().tamperNext(IncodeProvider.Tamper.valueOf(q.getOrDefault("mode", "NONE").toUpperCase()));
                default -> {
                    Http.text(ex, 404, "unknown control " + path);
                    return;
                }
            }
        } catch (IllegalArgumentException e) {
            Http.text(ex, 400, "bad control request: " + e.getMessage());
            return;
        }
        Http.json(ex, 200, Json.of("ok", true));
    }
}
