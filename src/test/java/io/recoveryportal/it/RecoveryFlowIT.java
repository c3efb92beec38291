package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.CodeFlow;
import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * The employee's recovery end to end in a real browser: the portal (uber jar) with its real Graph,
 * MSAL and Nimbus adapters, against the sandbox's Entra, Graph, Incode and mailbox.
 */
class RecoveryFlowIT {

  private static WebDriver browser;
  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();
  private final Directory directory = sandbox.directory();

  @BeforeAll
  static void openBrowser() {
    browser = Browser.start();
    // form posts and redirect chains finish a moment after Selenium's click returns
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

  /** Start page → confirmation → Incode's page, with the tester's outcome chosen there. */
  private void startAndVerify(String email, String need, String outcome) {
    browser.get(portal.baseUrl() + "/?email=" + email + "&action=" + need);
    browser.findElement(By.id("start:continue")).click();
    browser.findElement(By.id("back:verify")).click();
    awaitUrl(sandbox.incodeIssuer());
    if (outcome == null) {
      browser.findElement(By.cssSelector("button[value=cancel]")).click();
    } else {
      browser.findElement(By.id("outcome-" + outcome)).click();
      browser.findElement(By.cssSelector("button[value=finish]")).click();
    }
    awaitUrl(portal.baseUrl() + "/recover");
  }

  private void awaitHeading(String expected) {
    Browser.awaitHeading(browser, expected);
  }

  private void awaitUrl(String prefix) {
    Browser.awaitUrl(browser, prefix);
  }

  private String userId(String upn) {
    return directory.findByUpn(upn).orElseThrow().id();
  }

  private long writesFor(String upn) {
    String id = userId(upn);
    return directory.writes().stream().filter(w -> w.userId().equals(id)).count();
  }

  @Test
  void passwordResetEndToEnd() throws Exception {
    sandbox.mailbox().clear();
    startAndVerify("jane.smith@contoso.com", "password", "VERIFIED");
    awaitHeading("Choose a new password");
    Browser.screenshot(browser, "recover-password");
    Axe.check(browser, "password form");

    // too weak: refused locally, in plain words, nothing written
    browser.findElement(By.id("password:new")).sendKeys("Password123!");
    browser.findElement(By.id("password:confirm")).sendKeys("Password123!");
    browser.findElement(By.id("password:save")).click();
    assertTrue(browser.findElement(By.id("problem-text")).getText().length() > 10);
    assertEquals(0, writesFor("jane.smith@contoso.com"));
    Axe.check(browser, "password form with an error");

    String chosen = "violet harbour ladder 93 compass";
    browser.findElement(By.id("password:new")).sendKeys(chosen);
    browser.findElement(By.id("password:confirm")).sendKeys(chosen);
    browser.findElement(By.id("password:save")).click();
    awaitHeading("You are back in");
    Browser.screenshot(browser, "recover-password-done");
    Axe.check(browser, "password reset done");

    String id = userId("jane.smith@contoso.com");
    assertEquals(chosen, directory.lastPasswordSet(id).orElseThrow().password());
    assertNotNull(
        directory.account(id).orElseThrow().signInSessionsValidFromDateTime(), "sessions revoked");
    var notices =
        sandbox
            .mailbox()
            .await(m -> m.subject().contains("recovered"), Duration.ofSeconds(10))
            .orElseThrow();
    List<String> to = sandbox.mailbox().messages().stream().flatMap(m -> m.to().stream()).toList();
    assertTrue(
        to.contains("jane.smith@contoso.com") && to.contains("jane.smith.home@example.net"),
        to.toString());
    assertTrue(notices.text().contains("/report.xhtml?token="), notices.text());
    assertFalse(notices.text().contains(chosen), "the password is never mailed");

    // "this wasn't me": opening the link changes nothing (mail scanners follow links); confirming
    // locks the account
    String link =
        notices.links().stream()
            .filter(l -> l.contains("/report.xhtml?token="))
            .findFirst()
            .orElseThrow();
    Cookie device = browser.manage().getCookieNamed("__Host-device");
    assertNotNull(device, "the browser that verified is remembered");
    browser.manage().deleteAllCookies();
    browser.get(link);
    awaitHeading("Was your account recovered without you?");
    Axe.check(browser, "report: confirm");
    assertTrue(
        directory.account(id).orElseThrow().accountEnabled(), "a GET of the link changes nothing");
    browser.findElement(By.id("report:lock")).click();
    awaitHeading("Your account is locked");
    Axe.check(browser, "report: locked");
    assertFalse(directory.account(id).orElseThrow().accountEnabled(), "the account is disabled");
    // single use
    browser.get(link);
    awaitHeading("This link has already been used or has expired");
    Axe.check(browser, "report: used link");

    // and whoever recovered the account cannot skip the document check with the browser they used
    browser
        .manage()
        .addCookie(
            new Cookie.Builder(device.getName(), device.getValue())
                .path("/")
                .isSecure(true)
                .isHttpOnly(true)
                .sameSite("Lax")
                .build());
    assertNotNull(
        browser.manage().getCookieNamed("__Host-device"),
        "the old device cookie is back in the browser");
    startAt("j.smith@contoso.com");
    assertTrue(
        heading().contains("Identity verification"),
        "the reported account's browsers are forgotten: " + heading());
  }

  @Test
  void aResetDuringAThrottlingStormCompletesExactlyOnce() {
    startAndVerify("mariajose.fernandez@contoso.com", "password", "VERIFIED");
    String id = userId("mariajose.fernandez@contoso.com");
    int faultsBefore = sandbox.faults().injectedCount();
    sandbox.faults().failNext(429, 3, "1");
    String chosen = "lantern meadow quarry 58 orbit";
    browser.findElement(By.id("password:new")).sendKeys(chosen);
    browser.findElement(By.id("password:confirm")).sendKeys(chosen);
    browser.findElement(By.id("password:save")).click();
    awaitHeading("You are back in");
    assertEquals(
        3, sandbox.faults().injectedCount() - faultsBefore, "Graph answered 429 three times");
    assertEquals(
        1,
        directory.writes().stream()
            .filter(w -> w.userId().equals(id) && w.operation() == Directory.Operation.SET_PASSWORD)
            .count(),
        "one password write, whatever the retries");
    assertEquals(chosen, directory.lastPasswordSet(id).orElseThrow().password());
  }

  @Test
  void aReturningPersonIsSentToFaceReauthenticationOnlyFromTheBrowserThatVerified() {
    startAndVerify("thomas.muller@contoso.com", "password", "VERIFIED");
    awaitHeading("Choose a new password");
    Cookie device = browser.manage().getCookieNamed("__Host-device");
    assertNotNull(device, "a match leaves a device cookie");
    assertTrue(
        device.isHttpOnly()
            && device.isSecure()
            && "/".equals(device.getPath())
            && "Lax".equals(device.getSameSite()),
        device::toString);
    long days = Duration.between(java.time.Instant.now(), device.getExpiry().toInstant()).toDays();
    assertTrue(
        days >= 29 && days <= 30,
        "the re-verification window, 30 days by default: " + device.getExpiry());

    // the same browser (the attempt is over, the device cookie stays): face re-authentication
    browser.manage().deleteCookieNamed("__Host-attempt");
    startAt("thomas.muller@contoso.com");
    assertTrue(
        heading().contains("Face re-authentication"),
        "this browser proved an earlier match: " + heading());

    // any other browser: the full check, as for every address, although Thomas verified before
    browser.manage().deleteAllCookies();
    startAt("thomas.muller@contoso.com");
    assertTrue(
        heading().contains("Identity verification"),
        "nothing the portal knows shows through: " + heading());
  }

  @Test
  void aCallbackNamingAnotherIssuerIsAFailedVerification() {
    long before = writesFor("mariajose.fernandez@contoso.com");
    startAt("mariajose.fernandez@contoso.com");
    sandbox.incode().tamperNextResponse(CodeFlow.ResponseTamper.WRONG_ISS);
    browser.findElement(By.id("outcome-VERIFIED")).click();
    browser.findElement(By.cssSelector("button[value=finish]")).click();
    awaitUrl(portal.baseUrl() + "/recover");
    awaitHeading("We could not verify you");
    assertEquals(before, writesFor("mariajose.fernandez@contoso.com"));
    assertTrue(browser.manage().getCookieNamed("__Host-device") == null, "no device is remembered");
  }

  /** Start page → confirmation → Incode's page, where the browser stays. */
  private void startAt(String email) {
    browser.get(portal.baseUrl() + "/?email=" + email + "&action=password");
    browser.findElement(By.id("start:continue")).click();
    browser.findElement(By.id("back:verify")).click();
    awaitUrl(sandbox.incodeIssuer());
  }

  private String heading() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  @Test
  void mfaResetShowsTheTemporaryAccessPassOnceAndRemovesTheMethods() {
    startAndVerify("michael.brown@contoso.com", "mfa", "VERIFIED");
    awaitHeading("Reset your sign-in methods");
    Axe.check(browser, "MFA reset form");
    browser.findElement(By.id("mfa:reset")).click();
    String shown = browser.findElement(By.id("tap")).getText();
    Browser.screenshot(browser, "recover-mfa-tap");
    Axe.check(browser, "Temporary Access Pass shown");
    String id = userId("michael.brown@contoso.com");
    assertEquals(directory.temporaryAccessPass(id).orElseThrow(), shown);
    assertTrue(
        directory.methods(id).stream()
            .noneMatch(
                m ->
                    m.type().name().contains("PHONE") || m.type().name().contains("AUTHENTICATOR")),
        directory.methods(id).toString());
    assertTrue(
        directory.methods(id).stream().anyMatch(m -> m.type().name().contains("PASSWORD")),
        "the password method stays");
    // shown once: neither re-sending the form nor coming back to the page shows it again
    browser.navigate().refresh();
    assertTrue(
        browser.findElements(By.id("tap")).isEmpty(), "a re-sent form does not show the pass");
    browser.get(portal.baseUrl() + "/recover.xhtml");
    assertTrue(browser.findElements(By.id("tap")).isEmpty(), "coming back does not show the pass");
    awaitHeading("You are back in");
    assertEquals(
        1,
        directory.writes().stream()
            .filter(w -> w.userId().equals(id) && w.operation().name().contains("TEMPORARY"))
            .count(),
        "one pass issued, whatever was re-sent");
  }

  @Test
  void manualReviewAndNameMismatchBecomeCasesWithoutAnyDirectoryWrite() {
    // other test classes share the sandbox and may have recovered these people before: count from
    // here
    long joseBefore = writesFor("jose.garcia@contoso.com");
    long bobBefore = writesFor("bob.wilson@contoso.com");
    startAndVerify("jose.garcia@contoso.com", "password", "MANUAL_REVIEW");
    awaitHeading("Your request needs a review");
    assertTrue(browser.findElement(By.id("case-reference")).getText().matches("RC-[A-Z2-9]{8}"));
    assertEquals(joseBefore, writesFor("jose.garcia@contoso.com"));

    browser.manage().deleteAllCookies();
    startAndVerify("bob.wilson@contoso.com", "mfa", "VERIFIED");
    awaitHeading("Your request needs a review");
    Browser.screenshot(browser, "recover-review");
    Axe.check(browser, "review pending");
    assertEquals(bobBefore, writesFor("bob.wilson@contoso.com"));
  }

  @Test
  void aFailedVerificationGivesTheFailurePage() {
    long before = writesFor("sarah.oconnor@contoso.com");
    startAndVerify("sarah.oconnor@contoso.com", "password", "FAIL");
    awaitHeading("We could not verify you");
    Axe.check(browser, "verification failed");
    assertEquals(before, writesFor("sarah.oconnor@contoso.com"));
  }

  @Test
  void unknownDisabledAndPrivilegedAddressesLookExactlyLikeAFailureAndWriteNothing() {
    long before = directory.writes().size();
    for (String email :
        List.of(
            "nobody.here@contoso.com",
            "liam.carter@contoso.com",
            "morgan.reed@contoso.com",
            "helen.park@contoso.com")) {
      browser.manage().deleteAllCookies();
      long t0 = System.nanoTime();
      browser.get(portal.baseUrl() + "/?email=" + email + "&action=both");
      browser.findElement(By.id("start:continue")).click();
      browser.findElement(By.id("back:verify")).click();
      awaitUrl(sandbox.incodeIssuer());
      assertTrue(
          (System.nanoTime() - t0) / 1_000_000 >= 1500, "the response floor applies to " + email);
      browser.findElement(By.id("outcome-VERIFIED")).click();
      browser.findElement(By.cssSelector("button[value=finish]")).click();
      awaitUrl(portal.baseUrl() + "/recover");
      awaitHeading("We could not verify you");
    }
    assertEquals(before, directory.writes().size(), "no Graph write for a refused address");
  }

  @Test
  void cancellingAtIncodeEndsCalmly() {
    startAndVerify("claire.dubois-martin@contoso.com", "password", null);
    awaitHeading("You stopped the identity check");
    Axe.check(browser, "identity check cancelled");
  }

  @Test
  void aReplayedCallbackChangesNothing() {
    long before = writesFor("an.nguyen@contoso.com");
    startAndVerify("an.nguyen@contoso.com", "mfa", "VERIFIED");
    int issued = sandbox.incode().issued().size();
    // the callback again (browser history, a shared link): the attempt has moved on, no code is
    // exchanged
    String replay = portal.baseUrl() + "/verify/callback?code=replayed&state=replayed";
    browser.get(replay);
    awaitHeading("Reset your sign-in methods");
    // in another browser (no attempt cookie) the same link leads nowhere
    browser.manage().deleteAllCookies();
    browser.get(replay);
    awaitHeading("This link has already been used or has expired");
    Axe.check(browser, "recover: link problem");
    assertEquals(issued, sandbox.incode().issued().size(), "no token was requested for a replay");
    assertEquals(before, writesFor("an.nguyen@contoso.com"));
  }

  @Test
  void tooManyAttemptsForOneAddressGetACalmPage() {
    String email = "rate.limited@contoso.com";
    for (int i = 0; i < TestEnvironment.PER_ACCOUNT_PER_DAY; i++) {
      browser.manage().deleteAllCookies();
      browser.get(portal.baseUrl() + "/?email=" + email + "&action=password");
      browser.findElement(By.id("start:continue")).click();
      browser.findElement(By.id("back:verify")).click();
      awaitUrl(sandbox.incodeIssuer());
    }
    browser.get(portal.baseUrl() + "/?email=" + email + "&action=password");
    browser.findElement(By.id("start:continue")).click();
    browser.findElement(By.id("back:verify")).click();
    assertTrue(
        browser.findElement(By.id("notice")).getText().contains("too many attempts"),
        browser.getPageSource());
    Axe.check(browser, "start: confirm with the rate-limit notice");
  }
}
