package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Faces actions only by POST. A GET that carries a form's fields and its view state used to run the
 * action: a GET changed a password (which then sat in URLs, history and proxy logs) and a GET
 * claimed a review case. Every form of every page, as its buttons would send it, is refused when it
 * comes as a GET; the password form and a case's claim are also tried with a real session and view
 * state, and nothing happens until the same form is posted.
 */
class PostOnlyIT {

  private static final Pattern FORM =
      Pattern.compile("<h:form id=\"([^\"]+)\"(.*?)</h:form>", Pattern.DOTALL);
  private static final Pattern BUTTON = Pattern.compile("<h:commandButton id=\"([^\"]+)\"");

  private static WebDriver browser;
  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();
  private final Directory directory = sandbox.directory();

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

  @BeforeEach
  void freshBrowserState() {
    browser.manage().deleteAllCookies();
  }

  /** One button of one Faces form, as found in the page's source. */
  record FormButton(String page, String form, String button) {
    @Override
    public String toString() {
      return page + " " + form + ":" + button;
    }
  }

  /** Every command button of every Faces form in webapp/, templates aside. */
  static Stream<FormButton> everyForm() throws IOException {
    Path webapp = Path.of("webapp");
    List<FormButton> found = new ArrayList<>();
    try (Stream<Path> pages = Files.walk(webapp)) {
      for (Path p :
          pages
              .filter(
                  f -> f.toString().endsWith(".xhtml") && !f.startsWith(webapp.resolve("WEB-INF")))
              .toList()) {
        String page = "/" + webapp.relativize(p).toString().replace('\\', '/');
        Matcher form = FORM.matcher(Files.readString(p));
        while (form.find()) {
          Matcher button = BUTTON.matcher(form.group(2));
          while (button.find()) {
            found.add(new FormButton(page, form.group(1), button.group(1)));
          }
        }
      }
    }
    assertTrue(found.size() >= 16, "the pages' forms were found: " + found);
    return found.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyForm")
  void aFormSentAsAGetIsRefused(FormButton f) {
    // a real session and view state (the start page's), so only the method is wrong
    browser.get(portal.baseUrl() + "/");
    String viewState =
        browser.findElement(By.name("jakarta.faces.ViewState")).getAttribute("value");
    String query =
        f.form()
            + "="
            + f.form()
            + "&"
            + enc(f.form() + ":" + f.button())
            + "=x&jakarta.faces.ViewState="
            + enc(viewState);
    for (String method : List.of("GET", "HEAD")) {
      HttpResponse<String> r =
          Http.send(
              HttpRequest.newBuilder(URI.create(portal.baseUrl() + f.page() + "?" + query))
                  .header("Cookie", cookies())
                  .method(method, HttpRequest.BodyPublishers.noBody())
                  .timeout(Duration.ofSeconds(30))
                  .build());
      assertEquals(405, r.statusCode(), method + " " + f);
      assertEquals("GET, HEAD, POST", r.headers().firstValue("Allow").orElse(""));
      if ("GET".equals(method)) {
        assertTrue(r.body().contains("That is not how this page works"), r.body());
      }
    }
  }

  @Test
  void thePasswordFormSentAsAGetChangesNothingAndThePostStillWorks() {
    // an account no other test disables (RecoveryFlowIT's "this wasn't me" locks jane's)
    String id = directory.findByUpn("thomas.muller@contoso.com").orElseThrow().id();
    browser.get(portal.baseUrl() + "/?email=thomas.muller@contoso.com&action=password");
    browser.findElement(By.id("start:continue")).click();
    browser.findElement(By.id("back:verify")).click();
    Browser.awaitUrl(browser, sandbox.incodeIssuer());
    browser.findElement(By.id("outcome-VERIFIED")).click();
    browser.findElement(By.cssSelector("button[value=finish]")).click();
    Browser.awaitHeading(browser, "Choose a new password");
    long writes = writesFor(id);

    String chosen = "amber lantern quarry 58 orbit";
    browser.findElement(By.id("password:new")).sendKeys(chosen);
    browser.findElement(By.id("password:confirm")).sendKeys(chosen);
    HttpResponse<String> r = getOf("password", "password:save");
    assertEquals(405, r.statusCode(), r.body());
    assertEquals(writes, writesFor(id), "no password was written");
    assertFalse(
        chosen.equals(
            directory.lastPasswordSet(id).map(Directory.PasswordSet::password).orElse(null)));

    // the form is still there, and works as a POST
    browser.findElement(By.id("password:save")).click();
    Browser.awaitHeading(browser, "You are back in");
    assertEquals(chosen, directory.lastPasswordSet(id).orElseThrow().password());
  }

  @Test
  void aCaseClaimedByAGetIsNotClaimed() {
    browser.get(portal.baseUrl() + "/?email=adam.admin@contoso.com&action=mfa");
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
    browser
        .findElement(
            By.id("user-" + directory.findByUpn("rita.reviewer@contoso.com").orElseThrow().id()))
        .click();
    browser.findElement(By.cssSelector("button[value=signin]")).click();
    Browser.awaitUrl(browser, portal.baseUrl() + "/");
    // by the way: a staff area's folder without its slash sends a reviewer on, and is a 404 for
    // everyone else
    String session = browser.manage().getCookieNamed(TestEnvironment.SESSION_COOKIE).getValue();
    assertEquals(302, Http.statusWithSession(portal.baseUrl() + "/review", session));
    assertEquals(404, Http.statusWithSession(portal.baseUrl() + "/admin", session));
    assertEquals(404, Http.statusWithSession(portal.baseUrl() + "/review", null));
    browser.get(portal.baseUrl() + "/review/case.xhtml?ref=" + ref);
    Browser.awaitHeading(browser, "Case " + ref);

    assertEquals(405, getOf("claim", "claim:take").statusCode());
    browser.navigate().refresh();
    Browser.awaitHeading(browser, "Case " + ref);
    assertTrue(
        browser
            .findElement(By.id("claim-box"))
            .getText()
            .contains("Claim the case before you decide it"),
        "still unclaimed after the GET");

    browser.findElement(By.id("claim:take")).click();
    Browser.textOf(browser, By.id("message-text"), t -> t.startsWith("The case is yours"));
    browser.findElement(By.cssSelector("input[name='decide:choice'][value='DENY']")).click();
    browser.findElement(By.id("decide:reason")).sendKeys("test of a decision sent by GET");
    assertEquals(405, getOf("decide", "decide:record").statusCode());
    browser.navigate().refresh();
    assertEquals(
        "escalated",
        Browser.textOf(browser, By.id("status"), t -> !t.isBlank()),
        "not decided by the GET");
    // close the case the proper way, so the queue is left as it was found
    browser.findElement(By.cssSelector("input[name='decide:choice'][value='DENY']")).click();
    browser.findElement(By.id("decide:reason")).sendKeys("closing the test case");
    browser.findElement(By.id("decide:record")).click();
    Browser.textOf(browser, By.id("message-text"), t -> t.startsWith("Denied"));
  }

  /**
   * The form as the browser would submit it with this button, sent as a GET with the browser's
   * cookies.
   */
  private HttpResponse<String> getOf(String formId, String buttonId) {
    String query =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "var f = document.getElementById(arguments[0]); var p = new URLSearchParams(new FormData(f));"
                        + "var b = document.getElementById(arguments[1]); p.append(b.name, b.value); return p.toString();",
                    formId,
                    buttonId);
    assertTrue(query.contains("jakarta.faces.ViewState="), query);
    String action =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript("return document.getElementById(arguments[0]).action;", formId);
    return Http.send(
        HttpRequest.newBuilder(URI.create(action + (action.contains("?") ? "&" : "?") + query))
            .header("Cookie", cookies())
            .GET()
            .timeout(Duration.ofSeconds(30))
            .build());
  }

  private String cookies() {
    return browser.manage().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }

  private long writesFor(String id) {
    return directory.writes().stream().filter(w -> w.userId().equals(id)).count();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
