package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.IncodeWebhooks;
import io.recoveryportal.sandbox.Mailbox;
import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Helpdesk-initiated verification end to end, in the shared portal against the sandbox: the agent
 * (Hana, role Helpdesk) signs in through the sandbox's Entra and sends a link; the employee's
 * browser opens it from the sandbox mailbox and finishes on the sandbox's Incode session page;
 * Incode's webhooks reach the portal's webhook with OAuth client credentials, and the agent's page,
 * left open, changes by itself.
 */
class HelpdeskIT {

  /** Webhook, result fetch, judging, then the page's next poll (every 3 s). */
  private static final Duration PAGE_CHANGES = Duration.ofSeconds(30);

  private static final String AGENT = "hana.helpdesk@contoso.com";

  private static WebDriver agent;
  private static WebDriver other;
  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();
  private final Directory directory = sandbox.directory();
  private final IncodeWebhooks webhooks = sandbox.incode().webhooks();

  @BeforeAll
  static void openBrowsers() {
    // both visit the sandbox's Entra (self-signed certificate): the agent, and a reviewer in one
    // test
    agent = Browser.start(true);
    agent.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    other = Browser.start(true);
    other.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @AfterAll
  static void closeBrowsers() {
    for (WebDriver d : new WebDriver[] {agent, other}) {
      if (d != null) {
        d.quit();
      }
    }
  }

  @AfterEach
  void deliveryBackToNormal() throws InterruptedException {
    webhooks.duplicates(false);
    webhooks.order(IncodeWebhooks.Order.AS_EMITTED);
    assertTrue(webhooks.awaitIdle(Duration.ofSeconds(30)), "webhook deliveries settle");
  }

  private void signIn(WebDriver browser, String upn, String next) {
    browser.manage().deleteAllCookies();
    browser.get(portal.baseUrl() + "/staff/signin?next=" + next);
    Browser.awaitUrl(browser, sandbox.entraAuthorityHost());
    browser.findElement(By.id("user-" + id(upn))).click();
    browser.findElement(By.cssSelector("button[value=signin]")).click();
    Browser.awaitUrl(browser, portal.baseUrl() + next);
  }

  private String id(String upn) {
    return directory.findByUpn(upn).orElseThrow().id();
  }

  /**
   * The agent sends a link from the helpdesk page and lands on the request's page; returns its id.
   */
  private String send(String email, String ticket, String need) {
    if (agent.manage().getCookieNamed(TestEnvironment.SESSION_COOKIE) == null) {
      signIn(agent, AGENT, "/helpdesk/index.xhtml");
    }
    agent.get(portal.baseUrl() + "/helpdesk/index.xhtml");
    Browser.awaitHeading(agent, "Verify a caller");
    Axe.once(agent, "helpdesk: verify a caller");
    agent.findElement(By.id("helpdesk:email")).sendKeys(email);
    agent.findElement(By.id("helpdesk:ticket")).sendKeys(ticket);
    agent.findElement(By.cssSelector("input[name='helpdesk:need'][value='" + need + "']")).click();
    agent.findElement(By.id("helpdesk:send")).click();
    Browser.awaitUrl(agent, portal.baseUrl() + "/helpdesk/request.xhtml?id=");
    String url = agent.getCurrentUrl();
    return url.substring(url.indexOf("id=") + 3);
  }

  /**
   * What the sandbox mailbox got for {@code email} about {@code ticket} with the subject's {@code
   * words}.
   */
  private Mailbox.Message mail(String email, String ticket, String words)
      throws InterruptedException {
    return sandbox
        .mailbox()
        .await(
            m -> m.to().contains(email) && m.subject().contains(words) && m.text().contains(ticket),
            Duration.ofSeconds(15))
        .orElseThrow(() -> new AssertionError("no mail '" + words + "' for " + email));
  }

  private String verificationLink(String email, String ticket) throws InterruptedException {
    return mail(email, ticket, "identity check").links().stream()
        .filter(l -> l.startsWith(sandbox.incodeIssuer() + "/s/"))
        .findFirst()
        .orElseThrow();
  }

  /** The employee opens the link and finishes the session on the sandbox's Incode page. */
  private void verify(String link, String outcome) {
    other.get(link);
    Browser.awaitHeading(other, "Incode: Identity verification requested by your helpdesk");
    other.findElement(By.id("outcome-" + outcome)).click();
    other.findElement(By.cssSelector("button[value=finish]")).click();
    Browser.awaitHeading(other, "Incode: verification finished");
  }

  /**
   * Marks the agent's page: the mark survives only as long as the browser has not loaded another
   * page.
   */
  private void markPage() {
    ((JavascriptExecutor) agent).executeScript("window.helpdeskMark = 'still the same page';");
  }

  private void assertNotReloaded() {
    assertEquals(
        "still the same page",
        ((JavascriptExecutor) agent).executeScript("return window.helpdeskMark;"),
        "the page changed without a reload or a navigation");
  }

  private String awaitStatus(String prefix) {
    return Browser.textOf(agent, By.id("status"), t -> t.startsWith(prefix), PAGE_CHANGES);
  }

  private String status(String requestId) {
    agent.get(portal.baseUrl() + "/helpdesk/request.xhtml?id=" + requestId);
    return Browser.textOf(agent, By.id("status"), t -> !t.isBlank());
  }

  private HttpResponse<String> webhook(String authorization, String body) {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(portal.baseUrl() + Sandbox.PORTAL_INCODE_WEBHOOK))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      r.header("Authorization", authorization);
    }
    return Http.send(r.build());
  }

  private HttpResponse<String> token(String clientId, String secret) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return Http.send(
        HttpRequest.newBuilder(URI.create(portal.baseUrl() + Sandbox.PORTAL_INCODE_WEBHOOK_TOKEN))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", "Basic " + basic)
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build());
  }

  private String webhookSecret() {
    return sandbox.portalConfig(portal.baseUrl()).get("incode.webhook.client-secret");
  }

  private String interviewOf(String email) {
    return sandbox.incode().b2b().sessions().stream()
        .filter(s -> s.loginHint().equals(email))
        .reduce((a, b) -> b)
        .orElseThrow()
        .interviewId();
  }

  private static String event(String event, String interviewId) {
    return "{\"event\":\""
        + event
        + "\",\"interviewId\":\""
        + interviewId
        + "\",\"timestamp\":"
        + System.currentTimeMillis()
        + "}";
  }

  @Test
  void theAgentsPageTurnsToSuccessWithoutAReloadAndTheEmployeeResetsFromTheEmailedLink()
      throws Exception {
    String email = "jose.garcia@contoso.com";
    String request = send(email, "INC0100001", "mfa");
    assertTrue(
        awaitStatus("Link sent - ")
            .matches("Link sent - \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC"));
    assertTrue(
        agent
            .findElement(By.id("reload"))
            .getAttribute("href")
            .endsWith("/helpdesk/request.xhtml?id=" + request),
        "without scripts, a plain link shows the latest status");
    assertTrue(
        agent.findElement(By.id("reset-box")).getAttribute("class").contains("is-hidden"),
        "no reset before Success");

    String link = verificationLink(email, "INC0100001");
    assertFalse(agent.getPageSource().contains(link), "the agent never sees the employee's link");
    assertFalse(
        Files.readString(TestEnvironment.target().resolve("it-portal.log")).contains(link),
        "nor does the portal's log");
    // scripts run on the helpdesk pages only, from the portal itself
    String session = agent.manage().getCookieNamed(TestEnvironment.SESSION_COOKIE).getValue();
    String helpdeskCsp =
        Http.send(
                HttpRequest.newBuilder(
                        URI.create(portal.baseUrl() + "/helpdesk/request.xhtml?id=" + request))
                    .header("Cookie", TestEnvironment.SESSION_COOKIE + "=" + session)
                    .GET()
                    .build())
            .headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow();
    assertTrue(
        helpdeskCsp.contains("script-src 'self'") && helpdeskCsp.contains("connect-src 'self'"),
        helpdeskCsp);
    assertFalse(
        Http.get(portal.baseUrl() + "/")
            .headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow()
            .contains("script-src"));

    markPage();
    other.manage().deleteAllCookies();
    verify(link, "VERIFIED");
    assertTrue(awaitStatus("Success - ").startsWith("Success - "));
    assertNotReloaded();
    assertTrue(
        agent.findElement(By.id("stage-IN_PROGRESS")).getText().startsWith("In Progress: "),
        "the timeline has each stage");
    assertTrue(agent.findElement(By.id("next-step")).getText().contains("Identity confirmed"));
    assertFalse(
        agent.findElement(By.id("reset-box")).getAttribute("class").contains("is-hidden"),
        "the reset button appears by itself");
    Browser.screenshot(agent, "helpdesk-success");
    Axe.check(agent, "helpdesk request: success");

    // the agent sends the reset; the employee resets from the emailed link; the pass shows on their
    // screen only
    agent.findElement(By.id("reset:send")).click();
    assertTrue(
        Browser.textOf(agent, By.id("message-text"), t -> !t.isBlank()).contains("on its way"));
    Mailbox.Message resetMail = mail(email, "INC0100001", "succeeded");
    String resetLink =
        resetMail.links().stream()
            .filter(l -> l.contains("/reset-link.xhtml?token="))
            .findFirst()
            .orElseThrow();
    assertFalse(
        agent.getPageSource().contains(resetLink.substring(resetLink.indexOf("token=") + 6)),
        "nor the reset link");

    other.manage().deleteAllCookies();
    other.get(resetLink);
    Browser.awaitHeading(other, "Your identity is confirmed");
    Axe.check(other, "helpdesk reset link");
    assertTrue(
        directory.writes().stream()
            .noneMatch(
                w -> w.userId().equals(id(email)) && w.operation().name().contains("TEMPORARY")),
        "opening the link (a mail scanner might) resets nothing");
    other.findElement(By.id("continue:go")).click();
    Browser.awaitHeading(other, "Reset your sign-in methods");
    other.findElement(By.id("mfa:reset")).click();
    String pass = Browser.textOf(other, By.id("tap"), t -> !t.isBlank());
    Axe.check(other, "helpdesk reset: Temporary Access Pass shown");
    assertEquals(directory.temporaryAccessPass(id(email)).orElseThrow(), pass);
    Browser.awaitHeading(other, "You are back in");

    assertTrue(
        Browser.textOf(
                agent, By.id("reset-status"), t -> t.contains("finished the reset"), PAGE_CHANGES)
            .contains("finished"));
    assertFalse(agent.getPageSource().contains(pass), "the pass never reaches the agent");
    other.get(resetLink);
    Browser.awaitHeading(other, "This link has already been used or has expired");

    agent.get(portal.baseUrl() + "/helpdesk/index.xhtml");
    assertTrue(
        agent.findElement(By.id("request-" + request)).getText().contains("Success"),
        "the agent's list shows it");
    Axe.check(agent, "helpdesk: verify a caller, with requests");
  }

  @Test
  void duplicateAndOutOfOrderWebhooksLeaveOneCorrectStatus() throws Exception {
    String email = "mariajose.fernandez@contoso.com";
    webhooks.duplicates(true);
    webhooks.order(
        IncodeWebhooks.Order
            .REVERSED); // held until the session ends, then newest first: FINISHED ... STARTED
    send(email, "INC0100002", "password");
    String link = verificationLink(email, "INC0100002");
    String interview = interviewOf(email);
    markPage();
    other.manage().deleteAllCookies();
    verify(link, "VERIFIED");
    awaitStatus("Success - ");
    assertTrue(webhooks.awaitIdle(Duration.ofSeconds(30)));
    List<IncodeWebhooks.Attempt> deliveries =
        webhooks.attempts().stream().filter(a -> a.interviewId().equals(interview)).toList();
    assertEquals(
        List.of(
            "ONBOARDING_FINISHED",
            "ONBOARDING_FINISHED",
            "SESSION_SUCCEEDED",
            "SESSION_SUCCEEDED",
            "SESSION_STARTED",
            "SESSION_STARTED"),
        deliveries.stream()
            .filter(a -> a.attempt() == 1)
            .map(IncodeWebhooks.Attempt::event)
            .toList(),
        "each event twice, newest first");
    assertTrue(
        deliveries.stream().allMatch(IncodeWebhooks.Attempt::delivered),
        "every copy answered 200 with JSON: " + deliveries);
    // the late "started" neither undid the result nor was lost from the timeline
    Thread.sleep(4000); // one more poll of the page after the last delivery
    assertTrue(agent.findElement(By.id("status")).getText().startsWith("Success - "));
    assertTrue(
        Browser.textOf(agent, By.id("stages"), t -> t.contains("In Progress")).contains("Success"));
    assertNotReloaded();
    assertEquals(
        0,
        agent.findElements(By.cssSelector("#stages li")).stream()
            .filter(li -> li.getText().startsWith("Failed"))
            .count());
  }

  @Test
  void aWebhookWithABadTokenIsRefusedAndChangesNothingAndAFailedVerificationShowsFailed()
      throws Exception {
    String email = "adam.admin@contoso.com";
    String request = send(email, "INC0100003", "password");
    String link = verificationLink(email, "INC0100003");
    String interview = interviewOf(email);

    // forged notifications: no credentials, a made-up bearer, a token from wrong client credentials
    assertEquals(401, webhook(null, event("SESSION_STARTED", interview)).statusCode());
    assertEquals(
        401,
        webhook("Bearer not-a-token-we-issued", event("SESSION_SUCCEEDED", interview))
            .statusCode());
    assertEquals(401, token(Sandbox.WEBHOOK_CLIENT_ID, "guessed-secret").statusCode());
    assertEquals(401, token("someone-else", webhookSecret()).statusCode());
    assertTrue(status(request).startsWith("Link sent - "), "nothing changed");

    // with the real credentials: a bad body is 400, an unknown event is stored and ignored, never a
    // 500
    HttpResponse<String> issued = token(Sandbox.WEBHOOK_CLIENT_ID, webhookSecret());
    assertEquals(200, issued.statusCode(), issued::body);
    String bearer =
        "Bearer " + issued.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    HttpResponse<String> bad = webhook(bearer, "{\"event\": 42");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    HttpResponse<String> unknown = webhook(bearer, event("IDENTITY_ENROLLED", interview));
    assertEquals(200, unknown.statusCode());
    assertTrue(unknown.body().contains("UNKNOWN_EVENT"), unknown.body());
    // a genuine ending before the employee finished: Incode has no result yet, so nothing is shown,
    // and Incode retries
    assertEquals(503, webhook(bearer, event("SESSION_SUCCEEDED", interview)).statusCode());
    assertTrue(
        status(request).startsWith("Link sent - "),
        "a notification is a hint: no result, no Success");
    agent.findElement(By.id("check:now")).click();
    assertTrue(
        Browser.textOf(agent, By.id("message-text"), t -> !t.isBlank()).contains("no result yet"),
        "asked Incode directly");

    markPage();
    other.manage().deleteAllCookies();
    verify(link, "FAIL");
    awaitStatus("Failed - ");
    assertNotReloaded();
    assertTrue(agent.findElement(By.id("next-step")).getText().contains("do not proceed"));
    assertTrue(agent.findElement(By.id("reset-box")).getAttribute("class").contains("is-hidden"));
    Browser.screenshot(agent, "helpdesk-failed");
    Axe.check(agent, "helpdesk request: failed");
    assertEquals(0, directory.writes().stream().filter(w -> w.userId().equals(id(email))).count());
  }

  @Test
  void privilegedDisabledUnknownAndOwnAccountsAreRefusedWithTheirReason() {
    String[][] refused = {
      {"morgan.reed@contoso.com", "directory role"},
      {"helen.park@contoso.com", "protected group"},
      {"liam.carter@contoso.com", "disabled"},
      {"no.such.person@contoso.com", "No account"},
      {AGENT, "your own account"}
    };
    int sessionsBefore = sandbox.incode().b2b().sessions().size();
    for (String[] r : refused) {
      signInIfNeeded();
      agent.get(portal.baseUrl() + "/helpdesk/index.xhtml");
      agent.findElement(By.id("helpdesk:email")).sendKeys(r[0]);
      agent.findElement(By.cssSelector("input[name='helpdesk:need'][value='password']")).click();
      agent.findElement(By.id("helpdesk:send")).click();
      String reason = Browser.textOf(agent, By.id("refused-text"), t -> !t.isBlank());
      assertTrue(reason.contains(r[1]), r[0] + ": " + reason);
      assertTrue(agent.getCurrentUrl().contains("/helpdesk/index.xhtml"), "no request page");
    }
    Browser.screenshot(agent, "helpdesk-refused");
    Axe.check(agent, "helpdesk: refused");
    assertEquals(
        sessionsBefore,
        sandbox.incode().b2b().sessions().size(),
        "no Incode session was asked for");

    // and a form without an address says so, next to the field
    agent.get(portal.baseUrl() + "/helpdesk/index.xhtml");
    agent.findElement(By.id("helpdesk:send")).click();
    assertTrue(
        Browser.textOf(agent, By.id("error-summary"), t -> !t.isBlank())
            .contains("work email address"));
    assertEquals("true", agent.findElement(By.id("helpdesk:email")).getAttribute("aria-invalid"));
    assertEquals(
        "error-summary",
        agent.switchTo().activeElement().getAttribute("id"),
        "focus moves to the summary");
    assertTrue(
        agent.findElement(By.cssSelector("#error-summary a[href='#helpdesk:email']")).isDisplayed(),
        "linked to the field");
    Axe.check(agent, "helpdesk: verify a caller with an error");
  }

  private void signInIfNeeded() {
    if (agent.manage().getCookieNamed(TestEnvironment.SESSION_COOKIE) == null) {
      signIn(agent, AGENT, "/helpdesk/index.xhtml");
    }
  }

  @Test
  void aMismatchGoesToTheReviewQueueAndTheApprovalTurnsThePageToSuccess() throws Exception {
    String email = "michael.brown@contoso.com";
    String request = send(email, "INC0100004", "password");
    String link = verificationLink(email, "INC0100004");
    markPage();
    other.manage().deleteAllCookies();
    verify(link, "NAME_TYPO");
    awaitStatus("Pending Review - ");
    String next = agent.findElement(By.id("next-step")).getText();
    String ref = next.replaceAll(".*\\(case (RC-[A-Z0-9]+)\\).*", "$1");
    assertTrue(ref.startsWith("RC-"), next);

    signIn(other, "rita.reviewer@contoso.com", "/review/index.xhtml");
    // the helpdesk area, its status JSON included, is not a reviewer's, nor anyone's signed out
    String rita = other.manage().getCookieNamed(TestEnvironment.SESSION_COOKIE).getValue();
    assertEquals(
        404, Http.statusWithSession(portal.baseUrl() + "/helpdesk/status?id=" + request, rita));
    assertEquals(
        404,
        Http.statusWithSession(portal.baseUrl() + "/helpdesk/request.xhtml?id=" + request, rita));
    assertEquals(
        404, Http.statusWithSession(portal.baseUrl() + "/helpdesk/status?id=" + request, null));
    assertEquals(404, Http.statusWithSession(portal.baseUrl() + "/helpdesk/index.xhtml", null));
    other.get(portal.baseUrl() + "/review/case.xhtml?ref=" + ref);
    Browser.awaitHeading(other, "Case " + ref);
    assertTrue(other.findElement(By.id("kind")).getText().startsWith("helpdesk"));
    other.findElement(By.id("claim:take")).click();
    Browser.textOf(other, By.id("message-text"), t -> t.startsWith("The case is yours"));
    other.findElement(By.cssSelector("input[name='decide:choice'][value='APPROVE']")).click();
    other
        .findElement(By.id("decide:reason"))
        .sendKeys("one-letter typo on the passport scan; manager confirmed by phone");
    other.findElement(By.id("decide:record")).click();
    assertTrue(
        Browser.textOf(other, By.id("message-text"), t -> t.startsWith("Approved"))
            .startsWith("Approved"));

    awaitStatus("Success - ");
    assertNotReloaded();
    assertTrue(
        agent.findElements(By.cssSelector("#stages li")).stream()
            .anyMatch(li -> li.getText().startsWith("Pending Review")));
    assertEquals(
        0,
        directory.writes().stream().filter(w -> w.userId().equals(id(email))).count(),
        "an approval resets nothing");
  }
}
