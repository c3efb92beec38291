package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * Staff sign-in in a real browser: the portal (uber jar) against the sandbox's Entra over HTTPS.
 * The staff area answers 404 to anyone without the role; the status is read with the browser's own
 * session cookie.
 */
class StaffSignInIT {

  private static final String REVIEW = "/review/index.xhtml";

  private static WebDriver browser;
  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();
  private final Directory directory = sandbox.directory();

  @BeforeAll
  static void openBrowser() {
    // the sandbox's Entra has a self-signed certificate; only this test browser is told to accept
    // it
    browser = Browser.start(true);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void freshBrowserState() {
    browser.manage().deleteAllCookies();
  }

  /**
   * Starts at /staff/signin, picks the account on Entra's page, and waits to be back on the portal.
   */
  private void signInAs(String upn, String next) {
    browser.get(portal.baseUrl() + "/staff/signin" + (next == null ? "" : "?next=" + next));
    awaitUrl(sandbox.entraAuthorityHost());
    browser.findElement(By.id("user-" + directory.findByUpn(upn).orElseThrow().id())).click();
    browser.findElement(By.cssSelector("button[value=signin]")).click();
    awaitUrl(portal.baseUrl() + "/");
  }

  private void awaitHeading(String expected) {
    Browser.awaitHeading(browser, expected);
  }

  private void awaitUrl(String prefix) {
    Browser.awaitUrl(browser, prefix);
  }

  private String sessionCookie() {
    Cookie c = browser.manage().getCookieNamed(TestEnvironment.SESSION_COOKIE);
    return c == null ? null : c.getValue();
  }

  private int statusWith(String sessionId, String path) {
    return Http.statusWithSession(portal.baseUrl() + path, sessionId);
  }

  @Test
  void signedOutTheReviewPageDoesNotExist() {
    assertEquals(404, statusWith(null, REVIEW));
    assertEquals(404, statusWith(null, "/review/"));
    assertEquals(404, statusWith(null, "/admin/index.xhtml"));
    browser.get(portal.baseUrl() + REVIEW);
    awaitHeading("Page not found");
    assertEquals(
        portal.baseUrl() + REVIEW, browser.getCurrentUrl(), "no redirect to a sign-in page");
    Axe.check(browser, "error page 404");
  }

  @Test
  void aReviewerSignsInWithANewSessionAndSignsOut() {
    browser.get(portal.baseUrl() + "/staff/signin?next=" + REVIEW);
    awaitUrl(sandbox.entraAuthorityHost());
    String beforeSignIn = sessionCookie();
    assertNotNull(beforeSignIn, "the pending sign-in lives in a session");
    browser
        .findElement(
            By.id("user-" + directory.findByUpn("rita.reviewer@contoso.com").orElseThrow().id()))
        .click();
    browser.findElement(By.cssSelector("button[value=signin]")).click();
    awaitUrl(portal.baseUrl() + REVIEW);
    awaitHeading("Review queue");
    assertEquals("Rita Ramos", browser.findElement(By.id("staff-name")).getText());
    Browser.screenshot(browser, "staff-review-signed-in");
    Axe.check(browser, "review queue");
    String signedIn = sessionCookie();
    assertNotEquals(beforeSignIn, signedIn, "a new session id on sign-in");
    assertEquals(404, statusWith(beforeSignIn, REVIEW), "the old id is worthless");
    assertEquals(200, statusWith(signedIn, REVIEW));
    assertEquals(404, statusWith(signedIn, "/admin/index.xhtml"), "a reviewer is no admin");

    browser.findElement(By.id("signout-button")).click();
    awaitHeading("You are signed out");
    Axe.check(browser, "staff: signed out");
    assertEquals(404, statusWith(signedIn, REVIEW), "the session really ended on the server");
    browser.get(portal.baseUrl() + REVIEW);
    awaitHeading("Page not found");
  }

  @Test
  void helpdeskIsNotAReviewer() {
    signInAs("hana.helpdesk@contoso.com", REVIEW);
    awaitHeading("Page not found");
    assertEquals(404, statusWith(sessionCookie(), REVIEW));
  }

  @Test
  void aSignOutWithoutTheFormsTokenChangesNothing() {
    signInAs("sam.senior@contoso.com", REVIEW);
    awaitHeading("Review queue");
    String session = sessionCookie();
    var forged =
        HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/staff/signout"))
            .header("Cookie", TestEnvironment.SESSION_COOKIE + "=" + session)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("token=guess"))
            .build();
    assertEquals(404, Http.send(forged).statusCode());
    assertEquals(200, statusWith(session, REVIEW), "still signed in");
  }

  @Test
  void nextCannotLeaveThePortal() {
    signInAs("rita.reviewer@contoso.com", "https://evil.example");
    awaitHeading("Review queue");
    assertEquals(portal.baseUrl() + REVIEW, browser.getCurrentUrl());
    browser.manage().deleteAllCookies();
    signInAs("rita.reviewer@contoso.com", "//evil.example/review");
    awaitHeading("Review queue");
    assertTrue(browser.getCurrentUrl().startsWith(portal.baseUrl() + "/"), browser.getCurrentUrl());
  }

  @Test
  void aPersonWithoutARoleIsToldSoAndGetsNoSession() {
    signInAs("jane.smith@contoso.com", REVIEW);
    awaitHeading("Your account has no role on this portal");
    Axe.check(browser, "staff sign-in problem: no role");
    assertEquals(404, statusWith(sessionCookie(), REVIEW));
    assertTrue(browser.findElement(By.id("try-again")).isDisplayed());
  }
}
