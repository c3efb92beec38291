package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.PortalProcess;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The start page in a real browser (headless Chromium), as a locked-out employee meets it. */
class StartPageIT {

  private static WebDriver browser;
  private final PortalProcess portal = TestEnvironment.portal();

  @BeforeAll
  static void openBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theFormIsLabelledAndAnswersBadInputInPlainWords() {
    browser.get(portal.baseUrl() + "/");
    assertEquals(
        "Get back into your work account", browser.findElement(By.tagName("h1")).getText());
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    // every input has a label that names it
    WebElement email = browser.findElement(By.id("start:email"));
    assertEquals(
        "Work email address",
        browser.findElement(By.cssSelector("label[for='start:email']")).getText());
    assertEquals("email", email.getAttribute("type"));
    assertTrue(email.getAttribute("aria-describedby").contains("email-hint"));
    for (WebElement radio : browser.findElements(By.cssSelector("input[type=radio]"))) {
      assertFalse(
          browser
              .findElements(By.cssSelector("label[for='" + radio.getAttribute("id") + "']"))
              .isEmpty(),
          radio.getAttribute("id"));
    }
    assertEquals("What do you need?", browser.findElement(By.tagName("legend")).getText());
    Browser.screenshot(browser, "start-page");
    Axe.check(browser, "start page");

    // nothing typed: a summary and a message at the field, in plain words
    browser.findElement(By.id("start:continue")).click();
    String page =
        Browser.textOf(browser, By.tagName("main"), t -> t.contains("There is a problem"));
    assertTrue(page.contains("Enter your work email address."), page);
    assertTrue(page.contains("Choose what you need."), page);
    Axe.check(browser, "start page with two errors");

    // a malformed address is refused and kept for correction
    email = browser.findElement(By.id("start:email"));
    email.clear();
    email.sendKeys("jane.smith@contoso");
    browser.findElement(By.cssSelector("label[for='start:need:0']")).click();
    browser.findElement(By.id("start:continue")).click();
    Browser.textOf(browser, By.id("start:email-error"), t -> t.contains("name@company.com"));
    assertEquals("true", browser.findElement(By.id("start:email")).getAttribute("aria-invalid"));
    assertEquals(
        "jane.smith@contoso", browser.findElement(By.id("start:email")).getAttribute("value"));
    Browser.screenshot(browser, "start-page-error");
    Axe.check(browser, "start page with a malformed address");
  }

  @Test
  void aGoodAddressIsConfirmedWithAWayBackToFixATypo() {
    browser.get(portal.baseUrl() + "/?email=Jane.Smith%40Contoso.com&action=mfa");
    assertEquals(
        "Jane.Smith@Contoso.com", browser.findElement(By.id("start:email")).getAttribute("value"));
    assertTrue(
        browser.findElement(By.id("start:need:1")).isSelected(),
        "?action=mfa pre-selects the MFA choice");
    browser.findElement(By.id("start:continue")).click();
    Browser.textOf(browser, By.id("confirm-email"), "jane.smith@contoso.com"::equals);
    Browser.screenshot(browser, "start-page-confirm");
    Axe.check(browser, "start: confirm");
    browser.findElement(By.id("back:change")).click();
    Browser.textOf(
        browser, By.cssSelector("label[for='start:email']"), "Work email address"::equals);
    assertEquals(
        "jane.smith@contoso.com", browser.findElement(By.id("start:email")).getAttribute("value"));
  }

  @Test
  void theFormWorksFromTheKeyboardAlone() {
    browser.get(portal.baseUrl() + "/");
    // the first Tab reaches the skip link, which jumps to the content
    browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    assertEquals("Skip to main content", browser.switchTo().activeElement().getText());
    WebElement email = browser.findElement(By.id("start:email"));
    email.sendKeys("bob.wilson@contoso.com");
    email.sendKeys(Keys.TAB);
    // arrow keys move through the radio group; space selects
    browser.switchTo().activeElement().sendKeys(Keys.SPACE);
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    Browser.textOf(browser, By.id("confirm-email"), "bob.wilson@contoso.com"::equals);
  }

  @Test
  void unknownActionValuesAreIgnoredNotFatal() {
    browser.get(portal.baseUrl() + "/?action=%3Cscript%3E&email=%3Cb%3Ex");
    List<WebElement> selected = browser.findElements(By.cssSelector("input[type=radio]:checked"));
    assertTrue(selected.isEmpty());
    assertFalse(browser.getPageSource().contains("<b>x"), "input is escaped");
  }

  @Test
  void tooManyAttemptsNameTheRealWaitAndTheConfiguredContact() {
    // the shared portal allows PER_ACCOUNT_PER_DAY verifications a day per address: they come back
    // one at a time,
    // one every 24 / PER_ACCOUNT_PER_DAY hours
    int perDay = TestEnvironment.PER_ACCOUNT_PER_DAY;
    String email = "wait.for.it@contoso.com";
    org.openqa.selenium.support.ui.WebDriverWait wait =
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15));
    for (int i = 0; i <= perDay; i++) {
      browser.manage().deleteAllCookies();
      browser.get(portal.baseUrl() + "/?email=" + email + "&action=password");
      wait.until(d -> d.findElement(By.id("start:continue"))).click();
      wait.until(d -> d.findElement(By.id("back:verify"))).click();
      if (i < perDay) {
        Browser.awaitUrl(browser, TestEnvironment.sandbox().incodeIssuer());
      }
    }
    String notice = Browser.textOf(browser, By.id("notice"), t -> t.contains("too many attempts"));
    assertTrue(
        notice.contains("try again in about " + (24 + perDay - 1) / perDay + " hours"), notice);
    assertFalse(notice.contains("an hour"), "the per-address limit is per day: " + notice);
    assertTrue(notice.contains(TestEnvironment.HELPDESK_CONTACT), notice);
    assertFalse(notice.contains("your IT helpdesk"), notice);
  }
}
