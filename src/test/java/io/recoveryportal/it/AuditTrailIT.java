package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The audit pages of the shared portal, for the new Auditor role (Ava Albrecht in the sandbox): a
 * failed verification found by the account's work email, the account's history with the attempt,
 * the CSV export of the same search over HTTP with the auditor's session, the chain check saying
 * the chain is intact, the auditor's own search in the trail; and the doors: an auditor gets 404 on
 * the admin and review areas, a reviewer and a signed-out browser get 404 on the audit area.
 */
class AuditTrailIT {

  private static WebDriver browser;
  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();

  @BeforeAll
  static void openBrowser() {
    browser = Browser.start(true);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String signIn(String upn, String next) {
    browser.manage().deleteAllCookies();
    browser.get(portal.baseUrl() + "/staff/signin?next=" + next);
    Browser.awaitUrl(browser, sandbox.entraAuthorityHost());
    browser.findElement(By.id("user-" + id(upn))).click();
    browser.findElement(By.cssSelector("button[value=signin]")).click();
    Browser.awaitUrl(browser, portal.baseUrl() + "/");
    return browser.manage().getCookieNamed(TestEnvironment.SESSION_COOKIE).getValue();
  }

  private String id(String upn) {
    return sandbox.directory().findByUpn(upn).orElseThrow().id();
  }

  private HttpResponse<String> getWithSession(String path, String session) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Cookie", TestEnvironment.SESSION_COOKIE + "=" + session)
            .GET()
            .build());
  }

  @Test
  void anAuditorFindsAnAccountsAttemptExportsItAndChecksTheChain() {
    FlowDriver.Result failed =
        new FlowDriver(portal.baseUrl()).verify("priya.patel@contoso.com", "password", "FAIL");
    assertEquals("We could not verify you", failed.heading(), failed.toString());
    String priya = id("priya.patel@contoso.com");

    String session = signIn("ava.auditor@contoso.com", "/audit/index.xhtml");
    browser.get(
        portal.baseUrl()
            + "/audit/index.xhtml?account=priya.patel@contoso.com&type=VERIFICATION_FAILED");
    Browser.awaitHeading(browser, "Audit trail");
    String events = browser.findElement(By.id("events")).getText();
    assertTrue(events.contains("VERIFICATION_FAILED") && events.contains(priya), events);
    assertFalse(events.contains("RECOVERY_STARTED"), "the type filter applies");
    Browser.screenshot(browser, "audit-search");
    Axe.check(browser, "audit: search results");

    browser.findElement(By.id("history-link")).click();
    Browser.awaitHeading(browser, "An account's history");
    assertEquals(priya, browser.findElement(By.id("account-id")).getText());
    assertTrue(
        browser.findElement(By.id("attempts")).getText().contains("FAILED"),
        "the failed attempt is listed");
    assertTrue(
        browser.findElement(By.id("events")).getText().contains("RECOVERY_STARTED"),
        "all its events");
    Browser.screenshot(browser, "audit-account");
    Axe.check(browser, "audit: an account's history");

    HttpResponse<String> csv =
        getWithSession("/audit/export.csv?account=" + priya + "&type=VERIFICATION_FAILED", session);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    String body = csv.body().replace("\uFEFF", "");
    assertTrue(body.startsWith("\"chain_seq\",\"id\",\"occurred_at\",\"event_type\""), body);
    assertTrue(
        body.contains("\"VERIFICATION_FAILED\"") && body.contains("\"" + priya + "\""), body);
    assertEquals(
        400,
        getWithSession("/audit/export.csv?from=yesterday", session).statusCode(),
        "a date it cannot read: 400, no file");

    browser.get(portal.baseUrl() + "/audit/chain.xhtml");
    browser.findElement(By.id("check:run")).click();
    String result =
        Browser.textOf(browser, By.id("result-text"), t -> t.startsWith("The audit chain is"));
    assertTrue(result.startsWith("The audit chain is intact"), result);
    Browser.screenshot(browser, "audit-chain");
    Axe.check(browser, "audit: chain checked");

    // the auditor's own reading is in the trail too
    browser.get(
        portal.baseUrl()
            + "/audit/index.xhtml?staff="
            + id("ava.auditor@contoso.com")
            + "&type=AUDIT_SEARCHED");
    assertTrue(browser.findElement(By.id("events")).getText().contains("AUDIT_SEARCHED"));

    // read-only: nothing else opens for an auditor
    assertEquals(
        404, Http.statusWithSession(portal.baseUrl() + "/admin/invitations.xhtml", session));
    assertEquals(404, Http.statusWithSession(portal.baseUrl() + "/review/index.xhtml", session));
    assertEquals(404, Http.statusWithSession(portal.baseUrl() + "/helpdesk/index.xhtml", session));
  }

  @Test
  void theAuditAreaIsA404ForOthers() {
    assertEquals(404, Http.statusWithSession(portal.baseUrl() + "/audit/index.xhtml", null));
    assertEquals(404, Http.statusWithSession(portal.baseUrl() + "/audit/export.csv", null));
    String reviewer = signIn("rita.reviewer@contoso.com", "/review/index.xhtml");
    assertEquals(404, Http.statusWithSession(portal.baseUrl() + "/audit/index.xhtml", reviewer));
    assertEquals(404, Http.statusWithSession(portal.baseUrl() + "/audit/export.csv", reviewer));
    String admin = signIn("adam.admin@contoso.com", "/admin/invitations.xhtml");
    assertEquals(
        200,
        Http.statusWithSession(portal.baseUrl() + "/audit/index.xhtml", admin),
        "administrators read the trail too");
  }
}
