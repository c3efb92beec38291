package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Accessibility beyond what the other browser tests' axe checks see: a password (and sign-in
 * method) recovery and a reviewer's decision done with Tab, Shift-Tab, Space and Enter only, the
 * focus visible at every step and moved to the error summary when a form is refused; the main pages
 * at 320 CSS pixels wide (400 % zoom of a 1280 px window) without sideways scrolling, each
 * screenshotted; and axe on the static error pages. Typing into a focused field is typing, not
 * navigation; the sandbox's Incode and Entra pages stand in for other companies' pages and are
 * driven as the other tests drive them.
 */
class AccessibilityIT {

  private static final int NARROW = 320;

  private static ChromeDriver browser;
  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();
  private final Directory directory = sandbox.directory();

  @BeforeAll
  static void openBrowser() {
    // the reviewer signs in on the sandbox's Entra, whose certificate is self-signed
    browser = (ChromeDriver) Browser.start(true);
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

  @Test
  void aRecoveryDoneWithTheKeyboardOnly() {
    browser.get(portal.baseUrl() + "/?action=both");
    Browser.awaitHeading(browser, "Get back into your work account");
    reflow("start-page");

    // the first Tab reaches the skip link, which takes the keyboard past the header
    tab();
    assertEquals("skip-link", focused().getAttribute("class"));
    tabTo("start:email");
    type("thomas.muller@contoso.com");
    // the need comes pre-filled from Entra's "forgot my password" link (?action=both): Tab stops at
    // the chosen
    // radio, and Shift-Tab from Continue comes back to it
    tabTo("start:need:2");
    assertTrue(focused().isSelected(), "the pre-filled need is chosen");
    tabTo("start:continue");
    shiftTab();
    assertEquals("start:need:2", focused().getAttribute("id"));
    tabTo("start:continue");
    press(Keys.ENTER);
    Browser.textOf(browser, By.id("confirm-email"), "thomas.muller@contoso.com"::equals);
    tabTo("back:verify");
    press(Keys.ENTER);

    Browser.awaitUrl(browser, sandbox.incodeIssuer());
    browser.findElement(By.id("outcome-VERIFIED")).click();
    browser.findElement(By.cssSelector("button[value=finish]")).click();
    Browser.awaitHeading(browser, "Choose a new password");
    reflow("password-form");

    // refused: the focus goes to the summary, whose link leads to the field
    tabTo("password:new");
    type("Password123!");
    tabTo("password:confirm");
    type("Password123!");
    tabTo("password:save");
    press(Keys.ENTER);
    Browser.textOf(browser, By.id("problem-text"), t -> t.length() > 10);
    assertEquals(
        "problem", focused().getAttribute("id"), "the refused form's summary has the focus");
    assertFocusVisible();
    assertEquals("true", browser.findElement(By.id("password:new")).getAttribute("aria-invalid"));
    assertEquals(
        "#password:new",
        browser.findElement(By.cssSelector("#problem-text a")).getDomAttribute("href"));
    Axe.check(browser, "password form with an error, focus on the summary");
    reflow("password-form-error");

    String chosen = "kettle orchard lantern 57 meadow";
    tabTo("password:new");
    type(chosen);
    tabTo("password:confirm");
    type(chosen);
    tabTo("password:save");
    press(Keys.ENTER);
    Browser.awaitHeading(browser, "Reset your sign-in methods");
    assertEquals(
        chosen,
        directory.lastPasswordSet(id("thomas.muller@contoso.com")).orElseThrow().password());

    tabTo("mfa:reset");
    press(Keys.ENTER);
    String pass = Browser.textOf(browser, By.id("tap"), t -> !t.isBlank());
    assertEquals(
        directory.temporaryAccessPass(id("thomas.muller@contoso.com")).orElseThrow(), pass);
    assertEquals(
        "all",
        ((JavascriptExecutor) browser)
            .executeScript("return getComputedStyle(document.getElementById('tap')).userSelect"),
        "one click selects the whole pass to copy");
    reflow("temporary-access-pass");

    // with scripts, a copy button too: the pass reaches the clipboard, and the status region says
    // so (the test's
    // browser may read the clipboard back: a permission a person's browser would ask for)
    browser.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of(
            "origin",
            portal.baseUrl(),
            "permissions",
            List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    tabTo("copy-tap");
    press(Keys.ENTER);
    assertEquals("Copied.", Browser.textOf(browser, By.id("copy-status"), t -> !t.isBlank()));
    assertEquals(
        pass,
        browser.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, function (e) { done('clipboard not readable: ' + e); });"));
    Axe.check(browser, "Temporary Access Pass copied");
  }

  @Test
  void aReviewersDecisionDoneWithTheKeyboardOnly() {
    // the employee's part is not what this test is about: clicked, as the other tests do
    browser.get(portal.baseUrl() + "/?email=sarah.oconnor@contoso.com&action=password");
    browser.findElement(By.id("start:continue")).click();
    browser.findElement(By.id("back:verify")).click();
    Browser.awaitUrl(browser, sandbox.incodeIssuer());
    browser.findElement(By.id("outcome-MANUAL_REVIEW")).click();
    browser.findElement(By.cssSelector("button[value=finish]")).click();
    Browser.awaitHeading(browser, "Your request needs a review");
    String ref = browser.findElement(By.id("case-reference")).getText();

    browser.manage().deleteAllCookies();
    browser.get(portal.baseUrl() + "/staff/signin?next=/review/index.xhtml");
    Browser.awaitUrl(browser, sandbox.entraAuthorityHost());
    browser.findElement(By.id("user-" + id("rita.reviewer@contoso.com"))).click();
    browser.findElement(By.cssSelector("button[value=signin]")).click();
    Browser.awaitHeading(browser, "Review queue");
    reflow("review-queue");

    tabUntil("the case's link", e -> ref.equals(e.getText()) && "a".equals(e.getTagName()));
    press(Keys.ENTER);
    Browser.awaitHeading(browser, "Case " + ref);
    reflow("review-case");

    tabTo("claim:take");
    press(Keys.ENTER);
    Browser.textOf(browser, By.id("message-text"), t -> t.startsWith("The case is yours"));

    // recorded without a choice: refused, the focus on the message, which links to the choice
    tabTo("decide:record");
    press(Keys.ENTER);
    Browser.textOf(browser, By.id("message-text"), t -> !t.startsWith("The case is yours"));
    assertEquals("message", focused().getAttribute("id"), "the refusal has the focus");
    assertFocusVisible();
    assertEquals(
        "#decide:choice:0",
        browser.findElement(By.cssSelector("#message-text a")).getDomAttribute("href"));
    Axe.check(browser, "review case: no choice, focus on the message");

    // Tab enters the group at its first choice, Approve, which Space chooses; Shift-Tab from the
    // reason comes back to it
    tabTo("decide:choice:0");
    press(Keys.SPACE);
    assertTrue(focused().isSelected(), "Space chose Approve");
    tabTo("decide:reason");
    shiftTab();
    assertEquals("decide:choice:0", focused().getAttribute("id"));
    tabTo("decide:reason");
    type("Keyboard-only check: HR record and manager confirm");
    tabTo("decide:record");
    press(Keys.ENTER);
    // a MANUAL_REVIEW case needs two approvers: this is the first
    String recorded =
        Browser.textOf(
            browser,
            By.id("message-text"),
            t -> t.startsWith("Your approval is recorded") || t.startsWith("Approved"));
    assertTrue(recorded.startsWith("Your approval is recorded"), recorded);
  }

  /**
   * The error pages as they are served: the 404 is asked for, the others are read at the addresses
   * the container's error pages name (i18n/ErrorPageServlet writes them from the bundle).
   */
  @Test
  void theErrorPagesPassAxe() throws IOException {
    browser.get(portal.baseUrl() + "/no-such-page");
    Browser.awaitHeading(browser, "Page not found");
    Axe.check(browser, "error page 404, served");
    reflow("error-404");
    // the others as the error servlet writes them (the container shows them for its own errors), at
    // their own
    // addresses
    for (String page : List.of("400", "404", "405", "413", "500", "expired")) {
      browser.get(portal.baseUrl() + "/error/" + page + ".html");
      assertTrue(
          browser.findElement(By.tagName("h1")).getText().length() > 0, "error page " + page);
      Axe.check(browser, "error page " + page);
    }
  }

  // ---- keyboard ----

  private WebElement focused() {
    return browser.switchTo().activeElement();
  }

  private void tab() {
    new Actions(browser).sendKeys(Keys.TAB).perform();
    assertFocusVisible();
  }

  private void shiftTab() {
    new Actions(browser).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    assertFocusVisible();
  }

  private void press(CharSequence key) {
    new Actions(browser).sendKeys(key).perform();
  }

  private void type(String text) {
    new Actions(browser).sendKeys(text).perform();
  }

  /**
   * Tabs forward until the element of {@code id} has the focus, checking the focus is visible at
   * every stop.
   */
  private void tabTo(String id) {
    tabUntil(id, e -> id.equals(e.getAttribute("id")));
  }

  private void tabUntil(String what, Predicate<WebElement> reached) {
    for (int i = 0; i < 100; i++) {
      tab();
      if (reached.test(focused())) {
        return;
      }
    }
    fail("100 Tabs did not reach " + what + " on " + browser.getCurrentUrl());
  }

  /**
   * The focused element shows an outline or a ring: its computed style, not a class the test
   * trusts.
   */
  private void assertFocusVisible() {
    @SuppressWarnings("unchecked")
    List<Object> s =
        (List<Object>)
            browser.executeScript(
                "var e = document.activeElement, c = getComputedStyle(e);"
                    + " return [e.outerHTML.substring(0, 120), c.outlineStyle, c.outlineWidth, c.boxShadow];");
    boolean outline = !"none".equals(s.get(1)) && !"0px".equals(s.get(2));
    boolean ring = !"none".equals(s.get(3));
    assertTrue(outline || ring, "no visible focus on " + s);
  }

  // ---- reflow ----

  /**
   * The page as a 320 CSS pixel wide window shows it (WCAG 1.4.10: 400 % zoom): nothing wider than
   * the window, so no sideways scrolling; a screenshot to target/screenshots/reflow-320-NAME.png.
   * Data tables scroll inside their own region, the exception the criterion makes for them.
   */
  private void reflow(String name) {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", NARROW, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    try {
      JavascriptExecutor js = browser;
      new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(5))
          .until(d -> ((Number) js.executeScript("return window.innerWidth")).intValue() == NARROW);
      long scrollWidth =
          ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
      long clientWidth =
          ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
      Browser.screenshot(browser, "reflow-320-" + name);
      assertTrue(
          scrollWidth <= clientWidth,
          name
              + " at "
              + NARROW
              + " px scrolls sideways: "
              + scrollWidth
              + " > "
              + clientWidth
              + "; too wide: "
              + js.executeScript(
                  "var w = [], max = document.documentElement.clientWidth;"
                      + " document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                      + " if (r.right > max && !e.closest('.table-scroll')) w.push(e.outerHTML.substring(0, 80) + ' ' + r.right); });"
                      + " return w.slice(0, 5);"));
    } finally {
      browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  private String id(String upn) {
    return directory.findByUpn(upn).orElseThrow().id();
  }
}
