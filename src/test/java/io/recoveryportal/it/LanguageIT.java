package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.i18n.Texts;
import io.recoveryportal.sandbox.Mailbox;
import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The portal in other languages, on the shared portal: the switcher's choice kept by its cookie,
 * the browser's Accept-Language otherwise, Arabic written right to left with the layout mirrored
 * (screenshots of the start page and the password form in target/screenshots/), the error pages in
 * the request's language, and a reset notice in the directory user's preferredLanguage.
 */
class LanguageIT {

  private static final Locale AR = Locale.forLanguageTag("ar");
  private static final Locale DE = Locale.forLanguageTag("de");
  private static WebDriver browser;
  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();

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
  void arabicIsChosenOnThePageKeptAndWrittenRightToLeft() {
    // the browser asks for English (headless Chromium's en-US); the switcher's link chooses Arabic
    browser.get(portal.baseUrl() + "/");
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
    browser.findElement(By.cssSelector("nav.languages a[hreflang='ar']")).click();
    Browser.awaitHeading(browser, Texts.text(AR, "start.title"));
    assertEquals("ar", browser.findElement(By.tagName("html")).getAttribute("lang"));
    assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
    assertStartEdgeOnTheRight(By.tagName("h1"));
    assertStartEdgeOnTheRight(By.cssSelector("label[for='start:email']"));
    Browser.screenshot(browser, "start-page-ar");
    Axe.check(browser, "start page (Arabic)");

    // kept for the rest of the visit, without the parameter: the cookie
    browser.get(portal.baseUrl() + "/?email=jane.smith%40contoso.com&action=password");
    Browser.awaitHeading(browser, Texts.text(AR, "start.title"));
    // a validation message in Arabic too
    browser.findElement(By.id("start:email")).clear();
    browser.findElement(By.id("start:continue")).click();
    Browser.textOf(
        browser, By.tagName("main"), t -> t.contains(Texts.text(AR, "start.email.required")));
    Axe.check(browser, "start page with an error (Arabic)");

    // the password form after a clean identity check, in Arabic
    browser.get(portal.baseUrl() + "/?email=jane.smith%40contoso.com&action=password");
    browser.findElement(By.id("start:continue")).click();
    // the confirmation, waited for (once it was not there yet when asked for): on a timeout the
    // message says what the page showed instead
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
        .withMessage(
            () -> "the confirmation, not: " + browser.findElement(By.tagName("main")).getText())
        .until(d -> !d.findElements(By.id("back:verify")).isEmpty());
    browser.findElement(By.id("back:verify")).click();
    Browser.awaitUrl(browser, sandbox.incodeIssuer());
    browser.findElement(By.id("outcome-VERIFIED")).click();
    browser.findElement(By.cssSelector("button[value=finish]")).click();
    Browser.awaitUrl(browser, portal.baseUrl() + "/recover");
    Browser.awaitHeading(browser, Texts.text(AR, "recover.password.title"));
    assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
    assertStartEdgeOnTheRight(By.cssSelector("label[for='password:new']"));
    Browser.screenshot(browser, "recover-password-ar");
    Axe.check(browser, "password form (Arabic)");

    // back to English with the same switcher
    browser.findElement(By.cssSelector("nav.languages a[hreflang='en']")).click();
    Browser.awaitHeading(browser, "Choose a new password");
    assertEquals("ltr", browser.findElement(By.tagName("html")).getAttribute("dir"));

    // an error page in Arabic, as the servlet renders it
    browser.get(portal.baseUrl() + "/?lang=ar");
    browser.get(portal.baseUrl() + "/no-such-page");
    assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
    Axe.check(browser, "404 (Arabic)");
  }

  /** The element's text begins at the right edge of the main column, as Arabic is read. */
  private void assertStartEdgeOnTheRight(By by) {
    @SuppressWarnings("unchecked")
    Map<String, Object> r =
        (Map<String, Object>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "var e = arguments[0], main = document.getElementById('main');"
                        + "var range = document.createRange(); range.selectNodeContents(e);"
                        + "var t = range.getBoundingClientRect(), m = main.getBoundingClientRect(), s = getComputedStyle(main);"
                        + "return {textLeft: t.left, textRight: t.right, mainLeft: m.left + parseFloat(s.paddingLeft),"
                        + " mainRight: m.right - parseFloat(s.paddingRight)};",
                    browser.findElement(by));
    double textLeft = ((Number) r.get("textLeft")).doubleValue();
    double textRight = ((Number) r.get("textRight")).doubleValue();
    double mainLeft = ((Number) r.get("mainLeft")).doubleValue();
    double mainRight = ((Number) r.get("mainRight")).doubleValue();
    assertTrue(Math.abs(mainRight - textRight) < 3, by + " ends at the column's right edge: " + r);
    assertTrue(textLeft - mainLeft > 20, by + " leaves the left side free: " + r);
  }

  @Test
  void theBrowsersLanguageOtherwiseAndTheErrorPagesToo() {
    HttpResponse<String> start =
        Http.send(
            HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/"))
                .header("Accept-Language", "de-AT,de;q=0.9,en;q=0.5")
                .build());
    assertEquals(200, start.statusCode());
    assertTrue(start.body().contains("<html lang=\"de\" dir=\"ltr\""), start.body());
    assertTrue(start.body().contains(Texts.text(DE, "start.title")), start.body());
    assertEquals("de", start.headers().firstValue("Content-Language").orElse(""));

    // the cookie's choice beats the header
    HttpResponse<String> chosen =
        Http.send(
            HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/"))
                .header("Accept-Language", "de")
                .header("Cookie", "__Host-lang=ar")
                .build());
    assertTrue(chosen.body().contains("<html lang=\"ar\" dir=\"rtl\""), chosen.body());

    // the switcher sets the cookie: Secure, HttpOnly, SameSite=Lax, the whole site
    HttpResponse<String> switched = Http.get(portal.baseUrl() + "/?lang=pt-BR");
    String cookie =
        switched.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("__Host-lang="))
            .findFirst()
            .orElse("");
    assertTrue(
        cookie.startsWith("__Host-lang=pt-BR;")
            && cookie.contains("Secure")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && cookie.contains("Path=/"),
        cookie);

    // the error pages, rendered without Faces, in the request's language and with the portal's
    // headers
    HttpResponse<String> missing =
        Http.send(
            HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/no-such-page"))
                .header("Accept-Language", "ar")
                .build());
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("<html lang=\"ar\" dir=\"rtl\">"), missing.body());
    assertTrue(missing.body().contains(Texts.text(AR, "error.404.heading")), missing.body());
    assertTrue(missing.headers().firstValue("Content-Security-Policy").isPresent());
    HttpResponse<String> refused =
        Http.send(
            HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/index.xhtml"))
                .header("Accept-Language", "de")
                .method("PUT", HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(405, refused.statusCode());
    assertTrue(refused.body().contains(Texts.text(DE, "error.405.heading")), refused.body());
  }

  @Test
  void theResetNoticeIsInTheDirectoryUsersPreferredLanguage() throws Exception {
    // thomas.muller's preferredLanguage is de-DE in the sandbox's directory; his browser asks for
    // English
    String upn = "thomas.muller@contoso.com";
    String address = sandbox.directory().findByUpn(upn).orElseThrow().mail();
    FlowDriver.Result r = new FlowDriver(portal.baseUrl()).mfaFlow(upn, "VERIFIED");
    assertFalse(r.serverError(), r.toString());
    Mailbox.Message notice =
        sandbox
            .mailbox()
            .await(
                m -> m.to().contains(address) && m.text().contains("/report.xhtml?token="),
                Duration.ofSeconds(15))
            .orElseThrow();
    String subject =
        io.recoveryportal.notification.MailTemplates.render(
                io.recoveryportal.notification.MailTemplate.RESET_NOTICE,
                DE,
                Map.of("what", "", "account", "", "when", "", "reportLink", "", "linkDays", ""))
            .subject();
    assertEquals(subject, notice.subject());
    assertTrue(notice.text().contains(Texts.text(DE, "what.mfa")), notice.text());
    // the moment as German writes it ("27. November 2026, 14:05 UTC"), never the English "27
    // November 2026"
    Instant sent = notice.date();
    assertTrue(
        notice.text().contains(Texts.day(sent, DE))
            || notice.text().contains(Texts.day(sent.minusSeconds(60), DE)),
        notice.text());
    assertFalse(
        notice.text().contains(Texts.day(sent, Locale.forLanguageTag("en"))),
        "no English date in a German mail");
  }
}
