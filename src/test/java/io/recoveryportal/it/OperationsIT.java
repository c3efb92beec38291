package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Health, metrics, error pages and headers of the real portal.war in Payara Micro, against the sandbox. */
class OperationsIT {

    private final PortalProcess portal = TestEnvironment.portal();
    private final Sandbox sandbox = TestEnvironment.sandbox();

    @Test
    void readinessIsUpAgainstTheSandboxWithEveryCheckNamed() {
        HttpResponse<String> r = Http.get(portal.baseUrl() + "/health/ready");
        assertEquals(200, r.statusCode(), r.body());
        for (String check : List.of("\"database\"", "\"incode-discovery\"", "\"graph-token\"")) {
            assertTrue(r.body().contains(check), check + " missing from " + r.body());
        }
        assertFalse(r.body().contains("\"DOWN\""), r.body());
    }

    @Test
    void readinessGoesDownNamingTheCauseWhileTheSandboxIsStoppedAndRecovers() throws Exception {
        sandbox.suspend();
        try {
            HttpResponse<String> r = Http.get(portal.baseUrl() + "/health/ready");
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.body().matches("(?s).*\"name\":\"incode-discovery\",\"status\":\"DOWN\".*"), r.body());
            assertTrue(r.body().contains("Incode discovery at " + sandbox.incodeIssuer() + " failed"), r.body());
            assertTrue(r.body().contains("Connection refused") || r.body().contains("ConnectException"), r.body());
            // liveness must not follow an outage of someone else's service
            assertEquals(200, Http.get(portal.baseUrl() + "/health/live").statusCode());
        } finally {
            sandbox.resume();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status;
        do {
            status = Http.get(portal.baseUrl() + "/health/ready").statusCode();
        } while (status != 200 && Instant.now().isBefore(deadline) && pause());
        assertEquals(200, status, "readiness came back once the sandbox was back");
    }

    @Test
    void metricsAreServed() {
        HttpResponse<String> r = Http.get(portal.baseUrl() + "/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("jvm_uptime"), "base metrics present: " + r.body().substring(0, Math.min(400, r.body().length())));
        assertTrue(r.body().contains("recovery_start_submitted"), "the portal's own counter is registered");
    }

    @Test
    void unknownPagesGetThePortalsOwnNotFoundPage() {
        for (String path : List.of("/nope", "/review/secret.xhtml", "/WEB-INF/web.xml", "/WEB-INF/templates/layout.xhtml")) {
            HttpResponse<String> r = Http.get(portal.baseUrl() + path);
            // the container answers 403 for WEB-INF itself; the page says the same as a 404 either way
            assertTrue(r.statusCode() == 404 || path.startsWith("/WEB-INF") && r.statusCode() == 403, path + " got " + r.statusCode());
            assertTrue(r.body().contains("Page not found"), path + ": " + r.body());
            assertNoInternals(r);
        }
    }

    @Test
    void aStalePostGetsThePlainExpiredPageNotAStackTrace() {
        HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/index.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("start=start&start%3Aemail=jane.smith%40contoso.com&start%3Acontinue=Continue"
                        + "&jakarta.faces.ViewState=-123456789%3A-987654321"))
                .build());
        assertEquals(302, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/error/expired.html"));
        HttpResponse<String> page = Http.get(portal.baseUrl() + "/error/expired.html");
        assertTrue(page.body().contains("This page has expired"), page.body());
        assertNoInternals(r);
    }

    @Test
    void methodsOtherThanGetAndPostAreRefused() {
        for (String method : List.of("PUT", "DELETE", "TRACE")) {
            HttpResponse<String> r = Http.send(HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build());
            assertTrue(r.statusCode() == 403 || r.statusCode() == 405 || r.statusCode() == 404, method + " got " + r.statusCode());
            assertNoInternals(r);
        }
    }

    @Test
    void everyPageCarriesStrictHeaders() {
        HttpResponse<String> r = Http.get(portal.baseUrl() + "/");
        assertEquals(200, r.statusCode());
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("form-action 'self' " + sandbox.httpBase()), "the identity provider may receive the post-redirect: " + csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        String cookie = r.headers().firstValue("Set-Cookie").orElse("");
        if (!cookie.isEmpty()) {
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.toLowerCase().contains("samesite=lax"), cookie);
        }
        assertNoInternals(r);
        // error pages carry them too
        assertNotNull(Http.get(portal.baseUrl() + "/nope").headers().firstValue("Content-Security-Policy").orElse(null));
    }

    @Test
    void theLogNeverContainsTheSecretsItWasGiven() {
        Http.get(portal.baseUrl() + "/health/ready");
        String log = String.join("\n", portal.output());
        assertFalse(log.contains(sandbox.credentials().incodeClientSecret()), "Incode secret in the log");
        assertFalse(log.contains(sandbox.credentials().portalClientSecret()), "Entra secret in the log");
    }

    private static void assertNoInternals(HttpResponse<String> r) {
        String b = r.body();
        for (String leak : List.of("Exception", "at io.recoveryportal", "at jakarta.", "Payara", "GlassFish", "Mojarra", "Stack")) {
            assertFalse(b.contains(leak), "response shows '" + leak + "': " + b);
        }
        assertTrue(r.headers().firstValue("X-Powered-By").isEmpty(), "X-Powered-By header present");
        assertTrue(r.headers().firstValue("Server").map(s -> !s.contains("Payara")).orElse(true), "Server header names Payara");
    }

    private static boolean pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
