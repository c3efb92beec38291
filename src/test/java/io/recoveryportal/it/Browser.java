package io.recoveryportal.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver. Both paths are
 * given so Selenium Manager never tries to download a browser (there is no internet here).
 */
final class Browser {

  private Browser() {}

  static WebDriver start() {
    return start(false);
  }

  /**
   * @param acceptSelfSignedCertificates for tests that visit the sandbox's Entra, whose HTTPS
   *     certificate is self-signed: this browser only. The portal's own outbound TLS still trusts
   *     only the sandbox's certificate.
   */
  static WebDriver start(boolean acceptSelfSignedCertificates) {
    try {
      Path profile = Files.createTempDirectory("chrome-profile");
      ChromeOptions o = new ChromeOptions();
      o.setBinary(System.getProperty("chrome.binary", "/usr/bin/chromium"));
      o.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--window-size=1200,1000",
          "--user-data-dir=" + profile);
      if (acceptSelfSignedCertificates) {
        o.addArguments("--ignore-certificate-errors");
      }
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(
                  new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
              .usingAnyFreePort()
              .build();
      return new ChromeDriver(service, o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the page's heading (after a click the old page can still be there for a moment). */
  static void awaitHeading(WebDriver driver, String expected) {
    awaitHeading(driver, expected, Duration.ofSeconds(15));
  }

  /**
   * The same, for a page that changes by itself (the employee's page refreshes while a case waits).
   */
  static void awaitHeading(WebDriver driver, String expected, Duration timeout) {
    textOf(driver, By.tagName("h1"), expected::equals, timeout);
  }

  /**
   * Redirect chains (portal → provider → callback → page) can outlast Selenium's own wait for a
   * click.
   */
  static void awaitUrl(WebDriver driver, String prefix) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .withMessage(() -> "waiting for " + prefix + ", at " + driver.getCurrentUrl())
        .until(
            d ->
                d.getCurrentUrl().startsWith(prefix)
                    && "complete"
                        .equals(
                            ((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /**
   * The text of an element once it satisfies {@code until}. After a click the old page can linger
   * for a moment, so elements are looked up again until the new page is there (or 15 s have
   * passed).
   */
  static String textOf(WebDriver driver, By by, Predicate<String> until) {
    return textOf(driver, by, until, Duration.ofSeconds(15));
  }

  static String textOf(WebDriver driver, By by, Predicate<String> until, Duration timeout) {
    String[] last = {null};
    new WebDriverWait(driver, timeout)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .withMessage(() -> "waiting for " + by + "; last text: " + last[0])
        .until(d -> until.test(last[0] = text(d, by)));
    return last[0];
  }

  /**
   * Chromium's way of saying "stale" when the page is replaced between finding an element and
   * reading it ("Node with given id does not belong to the document") is a plain
   * WebDriverException: treated as stale here.
   */
  private static String text(WebDriver driver, By by) {
    try {
      return driver.findElement(by).getText();
    } catch (NoSuchElementException | StaleElementReferenceException e) {
      throw e;
    } catch (WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        throw new StaleElementReferenceException("the page changed while it was read", e);
      }
      throw e;
    }
  }

  /** Saves what the browser shows to target/screenshots/NAME.png, for people to look at. */
  static void screenshot(WebDriver driver, String name) {
    try {
      Path dir = TestEnvironment.target().resolve("screenshots");
      Files.createDirectories(dir);
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
