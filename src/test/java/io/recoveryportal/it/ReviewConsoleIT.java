package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.Mailbox;
import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Manual review end to end, with two real browsers: the employee's, waiting on their status page,
 * and the reviewer's, signed in through the sandbox's Entra. Everything runs in the portal's own
 * process against the sandbox; the employee's page moves on by itself when the reviewer decides.
 */
class ReviewConsoleIT {

  /** The employee's page looks again every 10 s; allow two rounds and a slow machine. */
  private static final Duration PAGE_MOVES_ON = Duration.ofSeconds(35);

  private static WebDriver employee;
  private static WebDriver reviewer;
  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();
  private final Directory directory = sandbox.directory();

  @BeforeAll
  static void openBrowsers() {
    employee = Browser.start();
    employee.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    // the sandbox's Entra has a self-signed certificate; only the reviewer's browser goes there
    reviewer = Browser.start(true);
    reviewer.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @AfterAll
  static void closeBrowsers() {
    for (WebDriver d : new WebDriver[] {employee, reviewer}) {
      if (d != null) {
        d.quit();
      }
    }
  }

  @BeforeEach
  void freshBrowserState() {
    employee.manage().deleteAllCookies();
    reviewer.manage().deleteAllCookies();
  }

  /**
   * The employee starts, verifies at the sandbox's Incode with {@code outcome}, and lands on the
   * review page.
   */
  private String escalate(String email, String need, String outcome) {
    employee.get(portal.baseUrl() + "/?email=" + email + "&action=" + need);
    employee.findElement(By.id("start:continue")).click();
    employee.findElement(By.id("back:verify")).click();
    Browser.awaitUrl(employee, sandbox.incodeIssuer());
    employee.findElement(By.id("outcome-" + outcome)).click();
    employee.findElement(By.cssSelector("button[value=finish]")).click();
    Browser.awaitHeading(employee, "Your request needs a review");
    return employee.findElement(By.id("case-reference")).getText();
  }

  private void signIn(String upn) {
    reviewer.manage().deleteAllCookies();
    reviewer.get(portal.baseUrl() + "/staff/signin?next=/review/index.xhtml");
    Browser.awaitUrl(reviewer, sandbox.entraAuthorityHost());
    reviewer.findElement(By.id("user-" + directory.findByUpn(upn).orElseThrow().id())).click();
    reviewer.findElement(By.cssSelector("button[value=signin]")).click();
    Browser.awaitUrl(reviewer, portal.baseUrl() + "/");
  }

  private void openCase(String ref) {
    reviewer.get(portal.baseUrl() + "/review/case.xhtml?ref=" + ref);
    Browser.awaitHeading(reviewer, "Case " + ref);
  }

  private String claimAndDecide(String decision, String reason) {
    reviewer.findElement(By.id("claim:take")).click();
    Browser.textOf(reviewer, By.id("message-text"), t -> t.startsWith("The case is yours"));
    reviewer
        .findElement(By.cssSelector("input[name='decide:choice'][value='" + decision + "']"))
        .click();
    reviewer.findElement(By.id("decide:reason")).sendKeys(reason);
    reviewer.findElement(By.id("decide:record")).click();
    return Browser.textOf(reviewer, By.id("message-text"), t -> !t.startsWith("The case is yours"));
  }

  private String id(String upn) {
    return directory.findByUpn(upn).orElseThrow().id();
  }

  private int statusWith(String sessionId, String path) {
    return Http.statusWithSession(portal.baseUrl() + path, sessionId);
  }

  @Test
  void aNameMismatchIsApprovedByAReviewerAndTheWaitingPageCompletesThePasswordReset()
      throws Exception {
    String ref = escalate("bob.wilson@contoso.com", "password", "VERIFIED");
    Mailbox.Message announced =
        sandbox
            .mailbox()
            .await(m -> m.subject().contains(ref), Duration.ofSeconds(15))
            .orElseThrow();
    assertEquals(java.util.List.of(Sandbox.REVIEWERS_ADDRESS), announced.to());
    assertTrue(
        announced.text().contains("Name rule")
            && announced.text().contains("/review/case.xhtml?ref=" + ref),
        announced.text());
    assertFalse(
        announced.text().toUpperCase().contains("ROBERT"),
        "no personal data in the reviewers' mailbox");

    signIn("rita.reviewer@contoso.com");
    Browser.awaitHeading(reviewer, "Review queue");
    assertTrue(reviewer.findElement(By.id("case-" + ref)).getText().contains("Name rule"));
    reviewer.findElement(By.linkText(ref)).click();
    Browser.awaitHeading(reviewer, "Case " + ref);

    // the evidence side by side: the directory's "Bob" against the document's "ROBERT", both marked
    String givenRow = reviewer.findElement(By.id("row-given-name")).getText();
    assertTrue(
        givenRow.contains("Bob") && givenRow.contains("ROBERT") && givenRow.contains("FAIL"),
        givenRow);
    assertFalse(
        reviewer.findElements(By.cssSelector("#row-given-name mark.differs")).isEmpty(),
        "the differing names are marked");
    assertTrue(reviewer.findElement(By.id("row-birthdate")).getText().contains("PASS"));
    assertEquals(
        directory.findByUpn("bob.wilson@contoso.com").orElseThrow().department(),
        reviewer.findElement(By.id("department")).getText(),
        "the directory side is read from Graph");
    assertTrue(reviewer.findElement(By.id("incode-status")).getText().contains("OK"));
    assertTrue(
        reviewer
            .findElement(By.id("dashboard-link"))
            .getAttribute("href")
            .startsWith("https://dashboard.example/sessions/"),
        "the interview links to the configured dashboard");
    Browser.screenshot(reviewer, "review-case");
    Axe.check(reviewer, "review case");

    // decisions need a reason
    reviewer.findElement(By.id("claim:take")).click();
    Browser.textOf(reviewer, By.id("message-text"), t -> t.startsWith("The case is yours"));
    Axe.check(reviewer, "review case claimed");
    reviewer.findElement(By.cssSelector("input[name='decide:choice'][value='APPROVE']")).click();
    reviewer.findElement(By.id("decide:record")).click();
    assertTrue(
        Browser.textOf(reviewer, By.id("message-text"), t -> t.contains("reason"))
            .contains("reason"));
    Axe.check(reviewer, "review case: decision refused");
    reviewer.findElement(By.cssSelector("input[name='decide:choice'][value='APPROVE']")).click();
    reviewer
        .findElement(By.id("decide:reason"))
        .sendKeys("Robert is Bob; HR record and manager confirm");
    reviewer.findElement(By.id("decide:record")).click();
    assertTrue(
        Browser.textOf(reviewer, By.id("message-text"), t -> t.startsWith("Approved"))
            .startsWith("Approved"));
    Axe.check(reviewer, "review case decided");
    assertEquals(
        0,
        directory.writes().stream()
            .filter(w -> w.userId().equals(id("bob.wilson@contoso.com")))
            .count(),
        "the reviewer's approval writes nothing: the employee finishes their own recovery");

    // the employee's page, left open, moves on by itself
    Browser.awaitHeading(employee, "Choose a new password", PAGE_MOVES_ON);
    String chosen = "cobalt window orchard 41 meadow";
    employee.findElement(By.id("password:new")).sendKeys(chosen);
    employee.findElement(By.id("password:confirm")).sendKeys(chosen);
    employee.findElement(By.id("password:save")).click();
    Browser.awaitHeading(employee, "You are back in");
    assertEquals(
        chosen, directory.lastPasswordSet(id("bob.wilson@contoso.com")).orElseThrow().password());
    assertTrue(
        sandbox
            .mailbox()
            .await(
                m -> m.subject().contains("approved") && m.to().contains("bob.wilson@contoso.com"),
                Duration.ofSeconds(10))
            .isPresent(),
        "the employee is told of the approval");
  }

  @Test
  void aFourEyesCaseNeedsTwoApproversTheSecondSenior() {
    String ref = escalate("an.nguyen@contoso.com", "mfa", "MANUAL_REVIEW");
    signIn("rita.reviewer@contoso.com");
    openCase(ref);
    assertTrue(reviewer.findElement(By.id("risk")).getText().startsWith("High"));
    String first = claimAndDecide("APPROVE", "document and selfie consistent");
    assertTrue(first.contains("second approval"), first);
    // the first approver cannot give the second
    reviewer.findElement(By.id("claim:take")).click();
    assertTrue(
        Browser.textOf(reviewer, By.id("message-text"), t -> t.contains("approved it already"))
            .contains("second approver"));
    Browser.awaitHeading(employee, "Your request needs a review");

    signIn("sam.senior@contoso.com");
    openCase(ref);
    assertTrue(reviewer.findElement(By.id("decisions")).getText().contains("Rita Ramos"));
    assertTrue(claimAndDecide("APPROVE", "second look: consistent").startsWith("Approved"));
    Browser.awaitHeading(employee, "Reset your sign-in methods", PAGE_MOVES_ON);
  }

  @Test
  void aReviewerCannotDecideACaseAboutTheirOwnAccount() {
    String ref = escalate("rita.reviewer@contoso.com", "password", "MANUAL_REVIEW");
    signIn("rita.reviewer@contoso.com");
    openCase(ref);
    assertTrue(reviewer.findElement(By.id("obstacle-text")).getText().contains("your own account"));
    assertTrue(reviewer.findElements(By.id("claim:take")).isEmpty(), "no claim button");
    assertTrue(reviewer.findElements(By.id("decide:record")).isEmpty(), "no decision form");
  }

  @Test
  void staffWithoutTheReviewerRoleGet404OnEveryReviewPage() {
    String ref = escalate("sarah.oconnor@contoso.com", "password", "MANUAL_REVIEW");
    for (String upn : new String[] {"hana.helpdesk@contoso.com", "adam.admin@contoso.com"}) {
      signIn(upn);
      Cookie session = reviewer.manage().getCookieNamed(TestEnvironment.SESSION_COOKIE);
      assertEquals(404, statusWith(session.getValue(), "/review/index.xhtml"), upn);
      assertEquals(404, statusWith(session.getValue(), "/review/case.xhtml?ref=" + ref), upn);
      reviewer.get(portal.baseUrl() + "/review/case.xhtml?ref=" + ref);
      Browser.awaitHeading(reviewer, "Page not found");
    }
  }

  @Test
  void aDenialReachesTheEmployeeWithoutItsReason() throws Exception {
    String ref = escalate("claire.dubois-martin@contoso.com", "password", "MANUAL_REVIEW");
    signIn("rita.reviewer@contoso.com");
    openCase(ref);
    String reason = "selfie does not match the document photo";
    assertTrue(claimAndDecide("DENY", reason).startsWith("Denied"));
    Browser.awaitHeading(employee, "We could not approve your request", PAGE_MOVES_ON);
    Axe.check(employee, "request denied");
    assertTrue(employee.findElement(By.tagName("main")).getText().contains(ref));
    Mailbox.Message told =
        sandbox
            .mailbox()
            .await(
                m -> m.to().contains("claire.dubois-martin@contoso.com") && m.text().contains(ref),
                Duration.ofSeconds(10))
            .orElseThrow();
    assertTrue(told.text().contains("contact"), told.text());
    assertFalse(
        told.text().contains(reason) || told.text().contains("selfie"),
        "no reason is given to the claimant");
    assertEquals(
        0,
        directory.writes().stream()
            .filter(w -> w.userId().equals(id("claire.dubois-martin@contoso.com")))
            .count());
  }

  @Test
  void aReturningEmployeeWithAnApprovedCaseSkipsASecondReview() {
    String ref = escalate("priya.patel@contoso.com", "password", "VERIFIED");
    signIn("rita.reviewer@contoso.com");
    // the queue filters by reason: priya's directory has no birthdate
    reviewer.get(portal.baseUrl() + "/review/index.xhtml");
    new Select(reviewer.findElement(By.id("reason"))).selectByValue("MISSING_ATTRIBUTE");
    reviewer.findElement(By.id("apply")).click();
    Browser.awaitUrl(reviewer, portal.baseUrl() + "/review/index.xhtml?");
    assertTrue(reviewer.findElement(By.id("cases")).getText().contains(ref));
    Axe.check(reviewer, "review queue, filtered");
    assertTrue(
        reviewer.findElements(By.cssSelector("#cases tbody tr")).stream()
            .allMatch(r -> r.getText().contains("Missing")),
        "only cases of that reason");
    openCase(ref);
    assertTrue(
        claimAndDecide("APPROVE", "birthdate not in HR system; ID checked by phone")
            .startsWith("Approved"));
    long openBefore = missingAttributeCases();

    // the employee comes back from another browser (no cookie at all): the full check, as for every
    // address (no
    // verification of hers ended in a match, so no browser of hers is remembered), then straight to
    // the reset
    employee.manage().deleteAllCookies();
    employee.get(portal.baseUrl() + "/?email=priya.patel@contoso.com&action=password");
    employee.findElement(By.id("start:continue")).click();
    employee.findElement(By.id("back:verify")).click();
    Browser.awaitUrl(employee, sandbox.incodeIssuer());
    assertTrue(employee.findElement(By.tagName("h1")).getText().contains("Identity verification"));
    employee.findElement(By.id("outcome-VERIFIED")).click();
    employee.findElement(By.cssSelector("button[value=finish]")).click();
    Browser.awaitHeading(employee, "Choose a new password");

    assertEquals(openBefore, missingAttributeCases(), "no second case was opened");
  }

  private long missingAttributeCases() {
    reviewer.get(portal.baseUrl() + "/review/index.xhtml?reason=MISSING_ATTRIBUTE");
    Browser.awaitHeading(reviewer, "Review queue");
    return reviewer.findElements(By.cssSelector("#cases tbody tr")).size();
  }

  @Test
  void aCaseWhoseDirectoryCouldNotBeReadSaysNotKnownInsteadOfStatingFacts() {
    String ref = escalate("sam.senior@contoso.com", "password", "MANUAL_REVIEW");
    signIn("rita.reviewer@contoso.com");
    // Graph fails for longer than the SDK retries while the case page reads the directory
    sandbox.faults().failNext(503, 40, "0");
    try {
      openCase(ref);
    } finally {
      sandbox.faults().reset();
    }
    assertTrue(
        reviewer.findElement(By.id("directory-problem")).getText().contains("could not be read"));
    // it used to say "none named" and "no": facts the portal did not have
    assertEquals("not known", reviewer.findElement(By.id("manager")).getText());
    assertEquals("not known", reviewer.findElement(By.id("account-enabled")).getText());
    assertEquals("not known", reviewer.findElement(By.id("last-password-change")).getText());
    Axe.check(reviewer, "review case, directory not read");
  }

  @Test
  void aReasonLongerThanTheFieldAllowsIsRefusedInWordsNotWithAnError() {
    String ref = escalate("sam.senior@contoso.com", "mfa", "MANUAL_REVIEW");
    signIn("rita.reviewer@contoso.com");
    openCase(ref);
    reviewer.findElement(By.id("claim:take")).click();
    Browser.textOf(reviewer, By.id("message-text"), t -> t.startsWith("The case is yours"));
    reviewer.findElement(By.cssSelector("input[name='decide:choice'][value='APPROVE']")).click();
    // only the browser's maxlength stood between a long reason and a database error (HTTP 500)
    WebElement reason = reviewer.findElement(By.id("decide:reason"));
    ((org.openqa.selenium.JavascriptExecutor) reviewer)
        .executeScript(
            "arguments[0].removeAttribute('maxlength'); arguments[0].value = 'x'.repeat(2001);",
            reason);
    reviewer.findElement(By.id("decide:record")).click();
    String message =
        Browser.textOf(reviewer, By.id("message-text"), t -> !t.startsWith("The case is yours"));
    assertTrue(message.contains("at most 2,000 characters"), message);
    assertEquals("escalated", reviewer.findElement(By.id("status")).getText());
    assertEquals("Case " + ref, reviewer.findElement(By.tagName("h1")).getText());
  }
}
