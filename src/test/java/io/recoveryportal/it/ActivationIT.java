package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.Mailbox;
import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * New-hire activation end to end: an administrator invites through the admin page (signed in at the
 * sandbox's Entra), the invitation arrives in the sandbox mailbox, the new hire verifies at the
 * sandbox's Incode, and the sandbox's Graph shows the account enabled with a Temporary Access Pass.
 * The shared portal runs with invitation links that last {@link
 * TestEnvironment#INVITATION_LIFETIME}, so expiry can be seen for real.
 */
class ActivationIT {

  private static WebDriver newHire;
  private static WebDriver admin;
  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();
  private final Directory directory = sandbox.directory();

  @BeforeAll
  static void openBrowsers() {
    newHire = Browser.start();
    newHire.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    admin = Browser.start(true);
    admin.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @AfterAll
  static void closeBrowsers() {
    for (WebDriver d : new WebDriver[] {newHire, admin}) {
      if (d != null) {
        d.quit();
      }
    }
  }

  @BeforeEach
  void freshBrowserState() {
    newHire.manage().deleteAllCookies();
  }

  private void signIn(WebDriver browser, String upn, String next) {
    browser.manage().deleteAllCookies();
    browser.get(portal.baseUrl() + "/staff/signin?next=" + next);
    Browser.awaitUrl(browser, sandbox.entraAuthorityHost());
    browser.findElement(By.id("user-" + directory.findByUpn(upn).orElseThrow().id())).click();
    browser.findElement(By.cssSelector("button[value=signin]")).click();
    Browser.awaitUrl(browser, portal.baseUrl() + "/");
  }

  private void openInvitations() {
    signIn(admin, "adam.admin@contoso.com", "/admin/invitations.xhtml");
    Browser.awaitHeading(admin, "New-hire invitations");
    Axe.once(admin, "admin: invitations");
  }

  /** Invites through the single form and returns the link mailed to the personal address. */
  private String invite(String upn) throws InterruptedException {
    String personal = directory.findByUpn(upn).orElseThrow().otherMails().get(0);
    java.util.Set<String> before = knownLinks();
    admin.findElement(By.id("one:upn")).sendKeys(upn);
    admin.findElement(By.id("one:personal")).sendKeys(personal);
    admin.findElement(By.id("one:invite")).click();
    String result = Browser.textOf(admin, By.id("row-1"), t -> t.contains(upn));
    assertTrue(result.contains("Invited"), result);
    return linkTo(personal, before);
  }

  /** Every activation link mailed so far (the mailbox is not in arrival order). */
  private java.util.Set<String> knownLinks() {
    return sandbox.mailbox().messages().stream()
        .flatMap(m -> m.links().stream())
        .filter(l -> l.contains("/activate.xhtml?token="))
        .collect(java.util.stream.Collectors.toSet());
  }

  /** The activation link in a message to {@code personal} that is not among {@code known}. */
  private String linkTo(String personal, java.util.Set<String> known) throws InterruptedException {
    Mailbox.Message m =
        sandbox
            .mailbox()
            .await(
                x ->
                    x.to().contains(personal)
                        && x.subject().startsWith("Activate")
                        && x.links().stream()
                            .anyMatch(
                                l -> l.contains("/activate.xhtml?token=") && !known.contains(l)),
                Duration.ofSeconds(10))
            .orElseThrow();
    assertEquals(
        java.util.List.of(personal), m.to(), "the invitation goes to the personal address only");
    return m.links().stream()
        .filter(l -> l.contains("/activate.xhtml?token=") && !known.contains(l))
        .findFirst()
        .orElseThrow();
  }

  /** Opens the link, starts, and finishes at the sandbox's Incode with {@code outcome}. */
  private void verify(String link, String outcome) {
    newHire.get(link);
    Browser.awaitHeading(newHire, "Activate your work account");
    Axe.once(newHire, "activation: start");
    newHire.findElement(By.id("activate:start")).click();
    Browser.awaitUrl(newHire, sandbox.incodeIssuer());
    newHire.findElement(By.id("outcome-" + outcome)).click();
    newHire.findElement(By.cssSelector("button[value=finish]")).click();
    Browser.awaitUrl(newHire, portal.baseUrl() + "/recover");
  }

  @Test
  void anInvitedNewHireVerifiesAndTheAccountIsEnabledWithATemporaryAccessPass() throws Exception {
    String id = directory.findByUpn("sofia.rossi@contoso.com").orElseThrow().id();
    assertFalse(directory.account(id).orElseThrow().accountEnabled());
    openInvitations();
    String link = invite("sofia.rossi@contoso.com");

    verify(link, "VERIFIED");
    Browser.awaitHeading(newHire, "Activate your account");
    assertFalse(
        directory.account(id).orElseThrow().accountEnabled(),
        "nothing is enabled before the new hire asks");
    newHire.findElement(By.id("activation:activate")).click();
    String shown = Browser.textOf(newHire, By.id("tap"), t -> !t.isBlank());
    Browser.awaitHeading(newHire, "Your account is active");
    Browser.screenshot(newHire, "activation-done");
    Axe.check(newHire, "activation: done, pass shown");
    assertTrue(
        newHire
            .findElement(By.id("activated-text"))
            .getText()
            .contains("We have told your manager"),
        "sofia's manager was sent the notice");
    assertTrue(
        directory.account(id).orElseThrow().accountEnabled(),
        "the sandbox's Graph shows the account enabled");
    assertEquals(
        directory.temporaryAccessPass(id).orElseThrow(), shown, "with the pass the page showed");

    String manager = directory.findByUpn("helen.park@contoso.com").orElseThrow().mail();
    // one message per recipient: the manager and the new hire's personal address
    for (String to : new String[] {manager, "sofia.rossi.personal@example.net"}) {
      Mailbox.Message told =
          sandbox
              .mailbox()
              .await(
                  m -> m.subject().startsWith("Work account activated") && m.to().contains(to),
                  Duration.ofSeconds(10))
              .orElseThrow();
      assertFalse(told.text().contains(shown), "the pass is never mailed");
    }

    // the same link again: a clear page, nothing changes
    newHire.manage().deleteAllCookies();
    newHire.get(link);
    Browser.awaitHeading(newHire, "This link has already been used");
    Axe.check(newHire, "activation: used link");
    admin.get(portal.baseUrl() + "/admin/invitations.xhtml");
    assertTrue(
        Browser.textOf(
                admin, By.xpath("//tr[td[contains(., 'sofia.rossi@contoso.com')]]"), t -> true)
            .contains("used"));
  }

  @Test
  void aResentLinkReplacesTheOldOneAndAnExpiredLinkSaysSo() throws Exception {
    openInvitations();
    String first = invite("noah.kim@contoso.com");
    java.util.Set<String> before = knownLinks();
    admin
        .findElement(
            By.xpath(
                "//tr[td[contains(., 'noah.kim@contoso.com')] and td[@class='state' and .='pending']]"
                    + "//input[@data-action='resend']"))
        .click();
    Browser.textOf(admin, By.id("message-text"), t -> t.startsWith("A new link was sent"));
    // the new link lives INVITATION_LIFETIME from its resend, which the portal had made by now
    java.time.Instant resent = java.time.Instant.now();
    String second = linkTo("noah.kim.personal@example.net", before);
    assertFalse(first.equals(second));

    newHire.get(first);
    Browser.awaitHeading(newHire, "A newer link has replaced this one");
    Axe.check(newHire, "activation: replaced link");
    newHire.get(second);
    Browser.awaitHeading(newHire, "Activate your work account");

    // the IT portal's links live for TestEnvironment.INVITATION_LIFETIME: wait out what is left of
    // it
    long left =
        java.time.Duration.between(
                java.time.Instant.now(),
                resent.plus(TestEnvironment.INVITATION_LIFETIME).plusSeconds(1))
            .toMillis();
    Thread.sleep(Math.max(0, left));
    newHire.get(second);
    Browser.awaitHeading(newHire, "This link has expired");
    Axe.check(newHire, "activation: expired link");
    assertTrue(
        newHire
            .findElement(By.tagName("main"))
            .getText()
            .contains("Nothing about your account was changed"));
  }

  @Test
  void aMismatchGoesToReviewAndTheApprovalCompletesTheActivation() throws Exception {
    String id = directory.findByUpn("lena.schmidt@contoso.com").orElseThrow().id();
    // HR has not named lena's manager yet: nobody may be said to have been told
    String manager = directory.findById(id).orElseThrow().managerId();
    directory.setManager(id, null);
    try {
      mismatchGoesToReviewAndTheApprovalCompletes(id);
    } finally {
      directory.setManager(id, manager);
    }
  }

  private void mismatchGoesToReviewAndTheApprovalCompletes(String id) throws Exception {
    openInvitations();
    String link = invite("lena.schmidt@contoso.com");
    verify(link, "VERIFIED");
    Browser.awaitHeading(newHire, "Your request needs a review");
    String ref = newHire.findElement(By.id("case-reference")).getText();
    assertFalse(directory.account(id).orElseThrow().accountEnabled());

    WebDriver reviewer = admin;
    signIn(reviewer, "rita.reviewer@contoso.com", "/review/index.xhtml?kind=ACTIVATION");
    Browser.awaitHeading(reviewer, "Review queue");
    assertTrue(reviewer.findElement(By.id("case-" + ref)).getText().contains("activation"));
    reviewer.get(portal.baseUrl() + "/review/case.xhtml?ref=" + ref);
    Browser.awaitHeading(reviewer, "Case " + ref);
    assertTrue(reviewer.findElement(By.id("row-given-name")).getText().contains("MAGDALENA"));
    reviewer.findElement(By.id("claim:take")).click();
    Browser.textOf(reviewer, By.id("message-text"), t -> t.startsWith("The case is yours"));
    reviewer.findElement(By.cssSelector("input[name='decide:choice'][value='APPROVE']")).click();
    reviewer
        .findElement(By.id("decide:reason"))
        .sendKeys("Lena is short for Magdalena; HR confirms");
    reviewer.findElement(By.id("decide:record")).click();
    Browser.textOf(reviewer, By.id("message-text"), t -> t.startsWith("Approved"));

    Browser.awaitHeading(newHire, "Activate your account", Duration.ofSeconds(35));
    newHire.findElement(By.id("activation:activate")).click();
    Browser.awaitHeading(newHire, "Your account is active");
    assertTrue(directory.account(id).orElseThrow().accountEnabled());
    assertTrue(directory.temporaryAccessPass(id).isPresent());
    String done = newHire.findElement(By.id("activated-text")).getText();
    assertFalse(
        done.contains("manager"), "no manager was told, so the page does not say so: " + done);
    assertTrue(
        sandbox
            .mailbox()
            .await(
                m ->
                    m.subject().startsWith("Work account activated")
                        && m.to().contains("lena.schmidt.personal@example.net"),
                Duration.ofSeconds(10))
            .isPresent(),
        "the new hire's own notice still goes out");
  }

  @Test
  void aCsvWithGoodAndBadRowsGetsARowByRowReport() throws Exception {
    openInvitations();
    Path csv = Files.createTempFile("invitations", ".csv");
    Files.writeString(
        csv,
        String.join(
                "\n",
                "upn,personal_email",
                "omar.haddad@contoso.com,omar.haddad.personal@example.net",
                "thomas.muller@contoso.com,thomas@example.net",
                "nobody.here@contoso.com,nobody@example.net",
                "liam.carter@contoso.com,liam@example.net",
                "not-an-address,someone@example.net",
                "omar.haddad@contoso.com,omar.haddad.personal@example.net",
                "morgan.reed@contoso.com")
            + "\n");
    java.util.Set<String> before = knownLinks();
    admin.findElement(By.id("bulk:file")).sendKeys(csv.toAbsolutePath().toString());
    admin.findElement(By.id("bulk:upload")).click();
    String summary =
        Browser.textOf(admin, By.id("message-text"), t -> t.contains("row(s) invited"));
    assertTrue(summary.startsWith("1 of 7 row(s) invited"), summary);
    Browser.screenshot(admin, "activation-csv-report");
    Axe.check(admin, "admin: invitations, CSV report");
    assertTrue(admin.findElement(By.id("row-2")).getText().contains("Invited"));
    assertTrue(admin.findElement(By.id("row-3")).getText().contains("already enabled"));
    assertTrue(admin.findElement(By.id("row-4")).getText().contains("no account"));
    assertTrue(admin.findElement(By.id("row-5")).getText().contains("employeeHireDate"));
    assertTrue(admin.findElement(By.id("row-6")).getText().contains("not an email address"));
    assertTrue(admin.findElement(By.id("row-7")).getText().contains("pending invitation"));
    assertTrue(admin.findElement(By.id("row-8")).getText().contains("two columns"));

    // omar starts in 45 days: his link explains when it will work
    newHire.get(linkTo("omar.haddad.personal@example.net", before));
    Browser.awaitHeading(newHire, "It is a little early to activate your account");
    Axe.check(newHire, "activation: too early");
    assertFalse(newHire.findElement(By.id("opens-on")).getText().isBlank());
  }

  @Test
  void invitationsAreForAdministratorsAndHrOnly() {
    signIn(admin, "rita.reviewer@contoso.com", "/review/index.xhtml");
    Browser.awaitHeading(admin, "Review queue");
    String session = admin.manage().getCookieNamed(TestEnvironment.SESSION_COOKIE).getValue();
    assertEquals(
        404, Http.statusWithSession(portal.baseUrl() + "/admin/invitations.xhtml", session));
  }
}
