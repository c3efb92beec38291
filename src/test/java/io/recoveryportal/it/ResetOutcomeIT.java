package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.Directory.Operation;
import io.recoveryportal.sandbox.Faults;
import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Resets whose outcome the portal cannot read from Graph's answer, and resets under load, end to
 * end: a portal of its own (the uber jar on a file H2 database, so it can be killed and started
 * again on the same data) against a sandbox of its own (so its writes, faults and mailbox touch no
 * other test). The portal waits 3 s for Graph, trusts a claim for 20 s and reconciles every 2 s, so
 * that what takes minutes in production takes seconds here.
 */
class ResetOutcomeIT {

  private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(20);
  private static Sandbox sandbox;
  private static Directory directory;
  private static Map<String, String> config;
  private static Path root;
  private static int port;
  private static PrintStream log;
  private static PortalProcess portal;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    Path target = TestEnvironment.target();
    sandbox =
        Sandbox.start(
            Sandbox.Options.ephemeral(
                Path.of("config/sandbox/directory.json"),
                Files.createDirectories(target.resolve("it-reset-outcome"))));
    directory = sandbox.directory();
    port = PortalProcess.freePort();
    String base = "http://localhost:" + port;
    sandbox.registerPortal(base);
    config = sandbox.portalConfig(base);
    // WRITE_DELAY=0: every commit reaches the file at once, so a killed process keeps its claims
    // (H2's default
    // writes half a second later, and a kill loses what it had not written)
    config.put(
        "db.url",
        "jdbc:h2:file:"
            + target.resolve("it-reset-outcome/portal-" + System.currentTimeMillis())
            + ";WRITE_DELAY=0");
    config.put("graph.read-timeout", "PT3S");
    config.put("recovery.reset.claim-timeout", CLAIM_TIMEOUT.toString());
    config.put("recovery.reset.reconcile-interval", "PT2S");
    config.put("recovery.response-floor-ms", "0");
    config.put("recovery.rate.per-account-per-day", "1000");
    config.put("recovery.rate.per-ip-per-hour", "1000");
    root = target.resolve("it-reset-outcome/payara");
    log =
        new PrintStream(
            Files.newOutputStream(target.resolve("it-reset-outcome-portal.log")),
            true,
            StandardCharsets.UTF_8);
    portal = startPortal();
    browser = Browser.start();
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  private static PortalProcess startPortal() throws IOException, InterruptedException {
    PortalProcess p =
        PortalProcess.start(
            TestEnvironment.target().resolve("portal-micro.jar"),
            null,
            root,
            port,
            config,
            TestEnvironment.jvmOptions(),
            log,
            Duration.ofMinutes(4));
    System.out.println("[it] reset-outcome portal ready in " + p.readyMillis() + " ms");
    return p;
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (portal != null) {
      portal.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    if (log != null) {
      log.close();
    }
  }

  @BeforeEach
  void freshBrowser() {
    browser.manage().deleteAllCookies();
  }

  @AfterEach
  void noFaults() {
    sandbox.faults().reset();
  }

  private void startAndVerify(String email) {
    browser.get(portal.baseUrl() + "/?email=" + email + "&action=password");
    browser.findElement(By.id("start:continue")).click();
    browser.findElement(By.id("back:verify")).click();
    Browser.awaitUrl(browser, sandbox.incodeIssuer());
    browser.findElement(By.id("outcome-VERIFIED")).click();
    browser.findElement(By.cssSelector("button[value=finish]")).click();
    Browser.awaitUrl(browser, portal.baseUrl() + "/recover");
    Browser.awaitHeading(browser, "Choose a new password");
  }

  private void choose(String password) {
    browser.findElement(By.id("password:new")).sendKeys(password);
    browser.findElement(By.id("password:confirm")).sendKeys(password);
    browser.findElement(By.id("password:save")).click();
  }

  private String id(String upn) {
    return directory.findByUpn(upn).orElseThrow().id();
  }

  private long passwordWrites(String upn) {
    return directory.writes().stream()
        .filter(w -> w.userId().equals(id(upn)) && w.operation() == Operation.SET_PASSWORD)
        .count();
  }

  /**
   * The password was set, the sessions revoked after it, and the notice reached the account's
   * addresses.
   */
  private void assertFinished(String upn, String chosen) throws InterruptedException {
    Directory.Account account = directory.account(id(upn)).orElseThrow();
    assertEquals(chosen, directory.lastPasswordSet(id(upn)).orElseThrow().password());
    assertNotNull(account.signInSessionsValidFromDateTime(), "sessions revoked");
    assertFalse(
        account.signInSessionsValidFromDateTime().isBefore(account.lastPasswordChangeDateTime()),
        "revoked after the change");
    String address = upn;
    // found by its "this wasn't me" link, not its words: the notice is in the account's
    // preferredLanguage
    assertTrue(
        sandbox
            .mailbox()
            .await(
                m -> m.text().contains("/report.xhtml?token=") && m.to().contains(address),
                Duration.ofSeconds(15))
            .isPresent(),
        "the notice went out");
  }

  @Test
  void aPasswordChangeAnsweredAfterThePortalStoppedWaitingIsFinishedAndReportedDone()
      throws Exception {
    String upn = "thomas.muller@contoso.com";
    startAndVerify(upn);
    // Graph applies the change at once and answers after 8 s; the portal waits 3 s
    int served = sandbox.faults().writeFaultsServed();
    sandbox.faults().faultNextWrites(Faults.WriteFault.LATE, 8000, 1, "PATCH");
    String chosen = "granite willow 70 kettle";
    choose(chosen);
    Browser.awaitHeading(browser, "You are back in");
    assertEquals(served + 1, sandbox.faults().writeFaultsServed());
    assertEquals(1, passwordWrites(upn), "found in the directory, not written again");
    assertFinished(upn, chosen);
  }

  @Test
  void aPasswordChangeWhoseConnectionDroppedIsFinishedAndReportedDone() throws Exception {
    String upn = "jose.garcia@contoso.com";
    startAndVerify(upn);
    // every copy OkHttp may resend is applied and dropped too
    sandbox.faults().faultNextWrites(Faults.WriteFault.DROP, 0, 5, "PATCH");
    String chosen = "meadow copper violin 90";
    choose(chosen);
    Browser.awaitHeading(browser, "You are back in");
    assertFinished(upn, chosen);
  }

  @Test
  void aChangeThatWentUnansweredAndNeverArrivedIsCheckedAndThenOfferedAgain() throws Exception {
    String upn = "claire.dubois-martin@contoso.com";
    startAndVerify(upn);
    sandbox.faults().faultNextWrites(Faults.WriteFault.ERROR, 0, 1, "PATCH");
    choose("harbour lantern quartz 11");
    Browser.awaitHeading(browser, "We are checking whether your change was saved");
    Browser.screenshot(browser, "reset-checking");
    assertFalse(
        browser.getPageSource().contains("Nothing was changed"),
        "never told 'nothing was changed' unread");
    // the page refreshes itself; the reconciliation calls it once the claim is old and the
    // directory shows nothing
    Browser.awaitHeading(browser, "Choose a new password", CLAIM_TIMEOUT.plusSeconds(40));
    assertTrue(browser.findElement(By.id("earlier-not-saved")).getText().contains("was not saved"));
    assertEquals(0, passwordWrites(upn));
    String chosen = "orchard pepper nimbus 40";
    choose(chosen);
    Browser.awaitHeading(browser, "You are back in");
    assertFinished(upn, chosen);
  }

  /**
   * The portal dies (SIGKILL) after Graph applied the change and before its answer: started again
   * on the same database, the reconciliation finds the attempt left RESETTING, reads the directory,
   * revokes the sessions and sends the notice, and the person's page, looked at again, says it is
   * done.
   */
  @Test
  void aPortalKilledBetweenTheWriteAndTheAnswerFinishesTheResetAfterARestart() throws Exception {
    String upn = "an.nguyen@contoso.com";
    FlowDriver person = new FlowDriver(portal.baseUrl());
    assertEquals("Choose a new password", person.verify(upn, "password", "VERIFIED").heading());
    sandbox.faults().faultNextWrites(Faults.WriteFault.LATE, 120_000, 1, "PATCH");
    String chosen = "saffron glacier tulip 60";
    CompletableFuture<FlowDriver.Result> submitted =
        CompletableFuture.supplyAsync(() -> person.setPassword(chosen));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (directory.lastPasswordSet(id(upn)).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(
        chosen,
        directory.lastPasswordSet(id(upn)).orElseThrow().password(),
        "Graph applied the change");
    Instant killedAt = Instant.now();
    portal.kill();
    assertTrue(
        submitted
            .handle((r, e) -> r == null || r.serverError() || r.heading() == null)
            .get(30, TimeUnit.SECONDS),
        "the person's request died with the portal");
    assertTrue(
        directory.account(id(upn)).orElseThrow().signInSessionsValidFromDateTime() == null,
        "nothing revoked yet");

    portal = startPortal();
    FlowDriver.Result page = person.look();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLAIM_TIMEOUT.toSeconds() + 40);
    List<String> seen = new ArrayList<>();
    while (!"You are back in".equals(page.heading()) && System.nanoTime() < until) {
      seen.add(page.heading());
      assertFalse(page.serverError(), page.toString());
      Thread.sleep(1000);
      page = person.look();
    }
    assertEquals("You are back in", page.heading(), "headings seen meanwhile: " + seen);
    assertTrue(
        seen.stream()
            .allMatch(
                h ->
                    h.equals("We are checking whether your change was saved")
                        || h.equals("We are still working on it")),
        "while in doubt the page says so: " + seen);
    assertEquals(1, passwordWrites(upn));
    assertFinished(upn, chosen);
    assertTrue(
        directory
            .account(id(upn))
            .orElseThrow()
            .signInSessionsValidFromDateTime()
            .isAfter(killedAt.minusSeconds(1)));
  }

  /**
   * 20 people at once over three accounts, over HTTP: no 5xx, every flow ends on a clear page
   * (done, or told that another reset of the account was under way), and exactly one password write
   * per flow that ended done.
   */
  @Test
  void twentyConcurrentFlowsOverThreeAccountsGiveNoServerErrorAndOneWritePerReset()
      throws Exception {
    List<String> accounts =
        List.of(
            "sarah.oconnor@contoso.com",
            "mariajose.fernandez@contoso.com",
            "michael.brown@contoso.com");
    Map<String, Long> before = new java.util.HashMap<>();
    accounts.forEach(a -> before.put(a, passwordWrites(a)));
    List<Callable<FlowDriver.Result>> flows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String upn = accounts.get(i % accounts.size());
      String password = "lantern meadow quarry " + (10 + i) + " orbit";
      flows.add(() -> new FlowDriver(portal.baseUrl()).passwordFlow(upn, "VERIFIED", password));
    }
    List<FlowDriver.Result> results = FlowDriver.concurrently(flows);
    Map<String, Long> done = new java.util.HashMap<>();
    for (int i = 0; i < results.size(); i++) {
      FlowDriver.Result r = results.get(i);
      assertFalse(r.serverError(), "flow " + i + ": " + r);
      boolean finished = "You are back in".equals(r.heading());
      boolean toldBusy =
          "Choose a new password".equals(r.heading())
              && r.problem() != null
              && r.problem().contains("Another reset of this account");
      assertTrue(finished || toldBusy, "flow " + i + " ended on a clear page: " + r);
      if (finished) {
        done.merge(accounts.get(i % accounts.size()), 1L, Long::sum);
      }
    }
    for (String a : accounts) {
      assertTrue(
          done.getOrDefault(a, 0L) >= 1, "one flow at least won the reset of " + a + ": " + done);
      assertEquals(
          done.getOrDefault(a, 0L),
          passwordWrites(a) - before.get(a),
          "one password write per finished flow for " + a);
    }
    System.out.println(
        "[it] 20 concurrent flows: "
            + done
            + " finished; step times (ms) of flow 0: "
            + results.get(0).millis());
  }
}
