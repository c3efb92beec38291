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

/**
 * Health, metrics, error pages and headers of the real portal.war in Payara Micro, against the
 * sandbox. Health and metrics are served on the management listener only ({@link
 * PortalProcess#managementUrl()}).
 */
class OperationsIT {

  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();

  @Test
  void readinessIsUpAgainstTheSandboxWithEveryCheckNamed() {
    HttpResponse<String> r = Http.get(portal.managementUrl() + "/health/ready");
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
      HttpResponse<String> r = Http.get(portal.managementUrl() + "/health/ready");
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(
          r.body().matches("(?s).*\"name\":\"incode-discovery\",\"status\":\"DOWN\".*"), r.body());
      assertTrue(
          r.body().contains("Incode discovery at " + sandbox.incodeIssuer() + " failed"), r.body());
      assertTrue(
          r.body().contains("Connection refused") || r.body().contains("ConnectException"),
          r.body());
      // liveness must not follow an outage of someone else's service
      assertEquals(200, Http.get(portal.managementUrl() + "/health/live").statusCode());
    } finally {
      sandbox.resume();
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    int status;
    do {
      status = Http.get(portal.managementUrl() + "/health/ready").statusCode();
    } while (status != 200 && Instant.now().isBefore(deadline) && pause());
    assertEquals(200, status, "readiness came back once the sandbox was back");
  }

  @Test
  void metricsAreServed() {
    HttpResponse<String> r = Http.get(portal.managementUrl() + "/metrics");
    assertEquals(200, r.statusCode());
    assertTrue(
        r.body().contains("jvm_uptime"),
        "base metrics present: " + r.body().substring(0, Math.min(400, r.body().length())));
    assertTrue(
        r.body().contains("recovery_start_submitted"), "the portal's own counter is registered");
  }

  @Test
  void healthAndMetricsAreServedOnTheManagementListenerOnly() {
    // they name the Incode issuer, the database and counters: not for the internet
    for (String path :
        List.of(
            "/health",
            "/health/ready",
            "/health/live",
            "/health/started",
            "/metrics",
            "/metrics/application")) {
      HttpResponse<String> r = Http.get(portal.baseUrl() + path);
      assertEquals(404, r.statusCode(), path);
      assertTrue(r.body().contains("Page not found"), path + ": " + r.body());
      assertNoInternals(r);
    }
    assertEquals(200, Http.get(portal.managementUrl() + "/health/live").statusCode());
    // and the management listener serves nothing of the portal itself
    for (String path : List.of("/", "/index.xhtml", "/recover.xhtml", "/verify/callback")) {
      HttpResponse<String> r = Http.get(portal.managementUrl() + path);
      assertEquals(404, r.statusCode(), path);
      assertNoInternals(r);
    }
  }

  @Test
  void unknownPagesAndFoldersGetThePortalsOwnNotFoundPage() {
    // the staff areas' folders and every other folder, without their slash, like any unknown path:
    // no 301 that
    // shows they exist; /WEB-INF however asked for, no 401 with a Basic challenge and no 403
    for (String path :
        List.of(
            "/nope",
            "/review/secret.xhtml",
            "/review",
            "/admin",
            "/helpdesk",
            "/staff",
            "/verify",
            "/error",
            "/resources",
            "/resources/css",
            "/WEB-INF/web.xml",
            "/WEB-INF/templates/layout.xhtml",
            "/WEB-INF",
            "/META-INF/MANIFEST.MF",
            "/jakarta.faces.resource/..%2fWEB-INF%2fweb.xml",
            "/jakarta.faces.resource/..%2fWEB-INF%2fweb.xml.xhtml",
            "/jakarta.faces.resource/%2e%2e/WEB-INF/web.xml")) {
      HttpResponse<String> r = Http.get(portal.baseUrl() + path);
      assertEquals(404, r.statusCode(), path);
      assertTrue(r.body().contains("Page not found"), path + ": " + r.body());
      assertTrue(
          r.headers().firstValue("WWW-Authenticate").isEmpty(), path + " asks for credentials");
      assertTrue(
          r.headers().firstValue("Content-Security-Policy").isPresent(),
          path + " lacks the portal's headers");
      assertNoInternals(r);
    }
  }

  @Test
  void aStalePostGetsThePlainExpiredPageNotAStackTrace() {
    HttpResponse<String> r =
        Http.send(
            HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/index.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "start=start&start%3Aemail=jane.smith%40contoso.com&start%3Acontinue=Continue"
                            + "&jakarta.faces.ViewState=-123456789%3A-987654321"))
                .build());
    assertEquals(302, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Location").orElse("").endsWith("/error/expired.html"));
    HttpResponse<String> page = Http.get(portal.baseUrl() + "/error/expired.html");
    assertTrue(page.body().contains("This page has expired"), page.body());
    assertNoInternals(r);
  }

  @Test
  void methodsOtherThanGetHeadAndPostAreRefusedWithThePortalsPage() {
    // OPTIONS too: it listed PUT, DELETE, TRACE and OPTIONS, which the portal does not serve
    for (String method : List.of("PUT", "DELETE", "TRACE", "OPTIONS", "PATCH")) {
      for (String path :
          List.of("/", "/index.xhtml", "/review/index.xhtml", "/verify/callback", "/nope")) {
        HttpResponse<String> r =
            Http.send(
                HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .build());
        assertEquals(405, r.statusCode(), method + " " + path);
        assertEquals(
            "GET, HEAD, POST", r.headers().firstValue("Allow").orElse(""), method + " " + path);
        assertTrue(
            r.body().contains("That is not how this page works"),
            method + " " + path + ": " + r.body());
        assertTrue(
            r.headers().firstValue("Content-Security-Policy").isPresent(), method + " " + path);
        assertNoInternals(r);
      }
    }
  }

  @Test
  void everyPageCarriesStrictHeaders() {
    HttpResponse<String> r = Http.get(portal.baseUrl() + "/");
    assertEquals(200, r.statusCode());
    String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(
        csp.contains("form-action 'self' " + sandbox.httpBase()),
        "the identity provider may receive the post-redirect: " + csp);
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
    assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
    assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
    // the start page keeps nothing between requests (a stateless view): no session, only the
    // browser's form key;
    // a page that keeps a session (staff sign-in holds the pending sign-in there) names it with the
    // __Host- prefix
    // (ASVS 3.3.1), and browsers accept both only with Secure, Path=/ and no Domain
    List<String> cookies = r.headers().allValues("Set-Cookie");
    assertFalse(
        cookies.stream().anyMatch(c -> c.startsWith(TestEnvironment.SESSION_COOKIE + "=")),
        cookies.toString());
    String formKey =
        cookies.stream().filter(c -> c.startsWith("__Host-formkey=")).findFirst().orElseThrow();
    String session =
        Http.get(portal.baseUrl() + "/staff/signin").headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(TestEnvironment.SESSION_COOKIE + "="))
            .findFirst()
            .orElseThrow();
    for (String cookie : List.of(formKey, session)) {
      assertTrue(
          cookie.contains("HttpOnly")
              && cookie.contains("Secure")
              && cookie.toLowerCase().contains("samesite=lax")
              && cookie.contains("Path=/;")
              && !cookie.toLowerCase().contains("domain="),
          cookie);
    }
    assertNoInternals(r);
    // error pages carry them too
    assertNotNull(
        Http.get(portal.baseUrl() + "/nope")
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse(null));
  }

  @Test
  void theLogNeverContainsTheSecretsItWasGiven() {
    Http.get(portal.managementUrl() + "/health/ready");
    String log = String.join("\n", portal.output());
    assertFalse(
        log.contains(sandbox.credentials().incodeClientSecret()), "Incode secret in the log");
    assertFalse(
        log.contains(sandbox.credentials().portalClientSecret()), "Entra secret in the log");
  }

  private static void assertNoInternals(HttpResponse<String> r) {
    String b = r.body();
    for (String leak :
        List.of(
            "Exception",
            "at io.recoveryportal",
            "at jakarta.",
            "Payara",
            "GlassFish",
            "Mojarra",
            "Stack")) {
      assertFalse(b.contains(leak), "response shows '" + leak + "': " + b);
    }
    assertTrue(r.headers().firstValue("X-Powered-By").isEmpty(), "X-Powered-By header present");
    assertTrue(
        r.headers().firstValue("Server").map(s -> !s.contains("Payara")).orElse(true),
        "Server header names Payara");
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
