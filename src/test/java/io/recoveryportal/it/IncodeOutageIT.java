package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.CodeFlow;
import io.recoveryportal.sandbox.IncodeProvider;
import io.recoveryportal.sandbox.IncodeProvider.TokenOutage;
import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Incode out of reach when the person comes back from it. Before, every outage at the callback
 * showed "We could not verify you", the page of a failed check, and ended the attempt. Now: while
 * Incode has not taken the code (no connection, a server error), the page says so and "Try again"
 * completes the same callback; once it may have taken the code (a lost answer, a timeout), the page
 * says the service could not be reached and nothing changed, and the person starts again.
 */
class IncodeOutageIT {

  /** An account no other test disables (RecoveryFlowIT's "this wasn't me" locks jane's). */
  private static final String EMPLOYEE = "claire.dubois-martin@contoso.com";

  private static WebDriver browser;
  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();

  @BeforeAll
  static void openBrowser() {
    browser = Browser.start();
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

  @AfterEach
  void incodeBack() {
    sandbox.incode().tokenOutage(TokenOutage.NONE, 0);
    sandbox.incode().slowTokenDelay(Duration.ofSeconds(15));
  }

  /**
   * Start page → Incode's page, where the person has finished: returns the callback Incode sends
   * them to.
   */
  private URI verifiedAtIncode(String email) throws Exception {
    browser.get(portal.baseUrl() + "/?email=" + email + "&action=password");
    browser.findElement(By.id("start:continue")).click();
    browser.findElement(By.id("back:verify")).click();
    Browser.awaitUrl(browser, sandbox.incodeIssuer());
    String pending = browser.findElement(By.name(CodeFlow.FORM_PENDING)).getAttribute("value");
    // the person's "finish" at Incode, sent here so the test can hold the redirect back
    String form =
        CodeFlow.FORM_PENDING
            + "="
            + URLEncoder.encode(pending, StandardCharsets.UTF_8)
            + "&"
            + IncodeProvider.FORM_OUTCOME
            + "=VERIFIED&"
            + IncodeProvider.FORM_ACTION
            + "="
            + IncodeProvider.ACTION_FINISH;
    if (!browser.findElements(By.name(IncodeProvider.FORM_PERSON)).isEmpty()) {
      // an address that is no account: the tester picks whose ID is presented, as on the sandbox's
      // page
      form +=
          "&"
              + IncodeProvider.FORM_PERSON
              + "="
              + sandbox.directory().findByUpn("jane.smith@contoso.com").orElseThrow().id();
    }
    HttpResponse<String> r =
        Http.send(
            HttpRequest.newBuilder(URI.create(sandbox.incodeIssuer() + "/oauth2/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    assertEquals(302, r.statusCode(), r.body());
    return URI.create(r.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aServerErrorAtIncodeOffersTryAgainWhichCompletesTheSameCheck() throws Exception {
    URI callback = verifiedAtIncode(EMPLOYEE);
    sandbox.incode().tokenOutage(TokenOutage.SERVER_ERROR, 1);
    browser.get(callback.toString());
    Browser.awaitHeading(browser, "We could not reach the identity service");
    assertTrue(
        browser
            .findElement(By.tagName("main"))
            .getText()
            .contains("Nothing about your account was changed"));
    Browser.screenshot(browser, "incode-unreachable-retry");
    Axe.check(browser, "Incode unreachable: try again");

    browser.findElement(By.id("retry-button")).click();
    Browser.awaitHeading(browser, "Choose a new password");
  }

  @Test
  void incodeRefusingConnectionsOffersTryAgainAndItWorksOnceIncodeIsBack() throws Exception {
    URI callback = verifiedAtIncode(EMPLOYEE);
    sandbox.suspend();
    try {
      browser.get(callback.toString());
      Browser.awaitHeading(browser, "We could not reach the identity service");
      // still down: the same page again, and the check is still not spent
      org.openqa.selenium.WebElement before = browser.findElement(By.tagName("h1"));
      browser.findElement(By.id("retry-button")).click();
      new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
          .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
      Browser.awaitHeading(browser, "We could not reach the identity service");
    } finally {
      sandbox.resume();
    }
    browser.findElement(By.id("retry-button")).click();
    Browser.awaitHeading(browser, "Choose a new password");
  }

  @Test
  void anAnswerLostAfterIncodeTookTheCodeEndsTheAttemptWithoutBlamingThePerson() throws Exception {
    // an address that is no account: the page is the same whoever it is for
    URI callback = verifiedAtIncode("outage.lost@contoso.com");
    sandbox.incode().tokenOutage(TokenOutage.DROP_CONNECTION, 1);
    browser.get(callback.toString());
    Browser.awaitHeading(browser, "We could not reach the identity service");
    String page = browser.findElement(By.tagName("main")).getText();
    assertTrue(
        page.contains("nothing about your account was changed")
            && page.contains("can no longer be used"),
        page);
    assertTrue(
        browser.findElements(By.id("retry-button")).isEmpty(),
        "no 'Try again' for a code Incode may have spent");
    Browser.screenshot(browser, "incode-unreachable-interrupted");
    Axe.check(browser, "Incode unreachable: interrupted");
  }

  @Test
  void aTimeoutAtIncodeEndsTheAttemptTheSameWay() throws Exception {
    URI callback = verifiedAtIncode("outage.slow@contoso.com");
    // held back longer than the portal's read timeout (incode.read-timeout-ms, 10 s by default)
    sandbox.incode().slowTokenDelay(Duration.ofSeconds(13));
    sandbox.incode().tamperNext(IncodeProvider.Tamper.SLOW_TOKEN_ENDPOINT);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(40));
    browser.get(callback.toString());
    Browser.awaitHeading(browser, "We could not reach the identity service");
    assertTrue(browser.findElements(By.id("retry-button")).isEmpty());
    assertTrue(
        !browser.findElement(By.tagName("main")).getText().contains("We could not verify you"));
  }
}
