package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.Directory;
import io.recoveryportal.sandbox.Faults;
import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The portal as a cluster: two portal processes (the uber jar) forming one Payara Data Grid on
 * loopback, one PostgreSQL database, a sandbox of their own, and a {@link Balancer} in front with
 * sticky sessions and X-Forwarded-For (both nodes trust it as their proxy). Starting Payara costs
 * 30-40 s on two cores, so the cases share the processes and run in order: node A is killed in the
 * fourth, and a third node joins in the fifth.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final Duration HOUSEKEEPING = Duration.ofSeconds(3);
  private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(15);
  private static final String NEW_PASSWORD_FORM = "Choose a new password";
  private static final String DONE = "You are back in";

  private static Sandbox sandbox;
  private static Directory directory;
  private static Balancer balancer;
  private static DataSource database;
  private static Map<String, String> config;
  private static final List<Integer> gridPorts = new ArrayList<>();
  private static final String clusterName = "cluster-it-" + UUID.randomUUID();
  private static final long RUN = System.currentTimeMillis();
  private static PortalProcess a;
  private static PortalProcess b;
  private static PortalProcess c;
  private static Instant killedAt;

  @BeforeAll
  static void start() throws Exception {
    Path target = TestEnvironment.target();
    Path work = Files.createDirectories(target.resolve("it-cluster"));
    sandbox =
        Sandbox.start(Sandbox.Options.ephemeral(Path.of("config/sandbox/directory.json"), work));
    directory = sandbox.directory();
    balancer = new Balancer();
    sandbox.registerPortal(balancer.url());
    String db = "cluster_" + System.currentTimeMillis();
    try (Connection conn = TestEnvironment.postgres().getPostgresDatabase().getConnection();
        Statement s = conn.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    database = TestEnvironment.postgres().getDatabase("postgres", db);
    config = sandbox.portalConfig(balancer.url());
    config.put("db.url", TestEnvironment.postgres().getJdbcUrl("postgres", db));
    config.put("db.datasource-class", "org.postgresql.ds.PGSimpleDataSource");
    config.put("db.user", "postgres");
    config.put("db.password", "cluster-it");
    config.put("portal.trusted-proxies", "127.0.0.1/32, ::1/128");
    config.put("recovery.rate.per-ip-per-hour", "5");
    config.put("recovery.rate.per-account-per-day", "100");
    config.put("recovery.response-floor-ms", "0");
    config.put("review.housekeeping-interval", HOUSEKEEPING.toString());
    config.put("graph.read-timeout", "PT3S");
    config.put("recovery.reset.claim-timeout", CLAIM_TIMEOUT.toString());
    config.put("recovery.reset.reconcile-interval", "PT2S");
    for (int i = 0; i < 3; i++) {
      gridPorts.add(PortalProcess.freePort());
    }
    // A first until its Data Grid member is up, then B, so B finds A instead of founding a cluster
    // of its own
    CompletableFuture<PortalProcess> startA = CompletableFuture.supplyAsync(() -> node("a", 0));
    awaitGrid("a");
    PortalProcess nodeB = node("b", 1);
    a = startA.get(5, TimeUnit.MINUTES);
    b = nodeB;
    balancer.node("a", a);
    balancer.node("b", b);
    await(
        () -> a.output().stream().anyMatch(l -> l.contains("DG Size: 2")),
        Duration.ofSeconds(60),
        "A and B form one Data Grid");
    System.out.println(
        "[it] cluster nodes ready in " + a.readyMillis() + " and " + b.readyMillis() + " ms");
  }

  private static final Map<String, CountDownLatch> gridUp =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static void awaitGrid(String name) throws InterruptedException {
    gridUp.computeIfAbsent(name, n -> new CountDownLatch(1)).await(3, TimeUnit.MINUTES);
  }

  /**
   * Node {@code name}: the uber jar, a member of the Data Grid at the {@code index}th grid port.
   */
  private static PortalProcess node(String name, int index) {
    try {
      Path log = TestEnvironment.target().resolve("it-cluster-" + name + ".log");
      CountDownLatch up = gridUp.computeIfAbsent(name, n -> new CountDownLatch(1));
      OutputStream file = Files.newOutputStream(log);
      PrintStream echo =
          new PrintStream(file, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
              super.println(line);
              // Payara's own summary of the Data Grid (it keeps Hazelcast's member list out of the
              // log)
              if (line.contains("Payara Data Grid State:")) {
                up.countDown();
              }
            }
          };
      String members = String.join(",", gridPorts.stream().map(p -> "127.0.0.1:" + p).toList());
      List<String> jvm = new ArrayList<>(TestEnvironment.jvmOptions());
      return PortalProcess.start(
          TestEnvironment.target().resolve("portal-micro.jar"),
          null,
          // a root directory of its own each run: Payara deploys again what an earlier run left in
          // a reused one
          TestEnvironment.target().resolve("it-cluster/payara-" + name + "-" + RUN),
          PortalProcess.freePort(),
          config,
          jvm,
          List.of(
              "--clustermode",
              "tcpip:" + members,
              "--startport",
              Integer.toString(gridPorts.get(index)),
              "--interfaces",
              "127.0.0.1",
              "--clustername",
              clusterName,
              "--name",
              name),
          echo,
          Duration.ofMinutes(5));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() {
    for (PortalProcess p : new PortalProcess[] {a, b, c}) {
      if (p != null) {
        p.close();
      }
    }
    if (balancer != null) {
      balancer.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static void await(BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(100);
    }
  }

  private static FlowDriver personOn(String node, String clientAddress) {
    balancer.newBrowsersTo(node);
    balancer.clientAddress(clientAddress);
    return new FlowDriver(balancer.url());
  }

  private static String id(String upn) {
    return directory.findByUpn(upn).orElseThrow().id();
  }

  /**
   * Every answer a node gave: the portal never answered 5xx (the balancer's own 502 for a dead node
   * is not one).
   */
  private static void noServerErrorFromANode() {
    List<Balancer.Hop> errors = balancer.hops().stream().filter(h -> h.status() >= 500).toList();
    assertTrue(errors.isEmpty(), "answers of 5xx from the nodes: " + errors);
  }

  @Test
  @Order(1)
  void aRecoveryStartedOnOneNodeWhoseCallbackLandsOnTheOtherCompletes() {
    FlowDriver jane = personOn("a", "198.51.100.11");
    balancer.send("/verify/callback", "b");
    try {
      assertEquals(
          NEW_PASSWORD_FORM,
          jane.verify("jane.smith@contoso.com", "password", "VERIFIED").heading());
    } finally {
      balancer.clearOverrides();
    }
    assertEquals(DONE, jane.setPassword("granite willow 70 kettle").heading());
    List<Balancer.Hop> hops = balancer.hops();
    assertTrue(
        hops.stream()
            .anyMatch(
                h ->
                    h.method().equals("POST")
                        && h.path().equals("/index.xhtml")
                        && h.node().equals("a")),
        "Continue on A: " + hops);
    assertTrue(
        hops.stream()
            .anyMatch(h -> h.path().startsWith("/verify/callback") && h.node().equals("b")),
        "the callback on B");
    assertTrue(
        hops.stream()
            .anyMatch(
                h ->
                    h.method().equals("POST")
                        && h.path().equals("/recover.xhtml")
                        && h.node().equals("b")),
        "the new password on B");
    assertEquals(
        "granite willow 70 kettle",
        directory.lastPasswordSet(id("jane.smith@contoso.com")).orElseThrow().password());
    noServerErrorFromANode();
  }

  @Test
  @Order(2)
  void theQueueSeenFromOneNodeShowsACaseOpenedOnTheOtherAndAClaimOnOneBlocksTheOther() {
    FlowDriver bob = personOn("a", "198.51.100.12");
    assertEquals(
        "Your request needs a review",
        bob.verify("bob.wilson@contoso.com", "password", "VERIFIED").heading());
    java.util.regex.Matcher ref =
        java.util.regex.Pattern.compile("id=\"case-reference\"[^>]*>([^<]+)<")
            .matcher(bob.lastPage());
    assertTrue(ref.find(), "a case reference on the page");
    String reference = ref.group(1).strip();

    WebDriver rita = Browser.start(true);
    WebDriver sam = Browser.start(true);
    try {
      balancer.newBrowsersTo("a");
      signIn(rita, "rita.reviewer@contoso.com");
      balancer.newBrowsersTo("b");
      signIn(sam, "sam.senior@contoso.com");
      sam.get(balancer.url() + "/review/index.xhtml");
      Browser.awaitHeading(sam, "Review queue");
      assertFalse(
          sam.findElements(By.id("case-" + reference)).isEmpty(),
          "B's queue lists the case opened on A");

      rita.get(balancer.url() + "/review/case.xhtml?ref=" + reference);
      Browser.awaitHeading(rita, "Case " + reference);
      rita.findElement(By.id("claim:take")).click();
      Browser.textOf(rita, By.id("message-text"), t -> t.startsWith("The case is yours"));

      sam.get(balancer.url() + "/review/case.xhtml?ref=" + reference);
      Browser.awaitHeading(sam, "Case " + reference);
      Browser.screenshot(sam, "cluster-case-claimed-on-the-other-node");
      // B knows of A's claim from the database: its page offers no claim, and says why
      assertFalse(
          sam.findElement(By.id("claim:take")).isEnabled(),
          "B offers no claim of a case claimed on A");
      String told = sam.findElement(By.tagName("main")).getText();
      assertTrue(
          told.contains("Another reviewer is working on this case right now"),
          "B says the case is claimed: " + told);
      List<String> nodesOfCasePages =
          balancer.hops().stream()
              .filter(h -> h.path().startsWith("/review/case"))
              .map(Balancer.Hop::node)
              .distinct()
              .toList();
      assertEquals(
          2,
          nodesOfCasePages.size(),
          "the case pages were served by both nodes: " + nodesOfCasePages);
    } finally {
      rita.quit();
      sam.quit();
    }
    noServerErrorFromANode();
  }

  private static void signIn(WebDriver browser, String upn) {
    browser.get(balancer.url() + "/staff/signin?next=/review/index.xhtml");
    Browser.awaitUrl(browser, sandbox.entraAuthorityHost());
    browser.findElement(By.id("user-" + id(upn))).click();
    browser.findElement(By.cssSelector("button[value=signin]")).click();
    Browser.awaitUrl(browser, balancer.url() + "/");
  }

  /** What the limit of 5 a client address gets shows on the start page. */
  private static boolean refused(FlowDriver person) {
    return person.lastPage().contains("too many attempts");
  }

  @Test
  @Order(3)
  void thePerAddressLimitOfFiveHoldsAcrossTheTwoNodes() {
    String address = "203.0.113.50";
    for (int i = 0; i < 5; i++) {
      FlowDriver person = personOn(i % 2 == 0 ? "a" : "b", address);
      person.verify("limit-" + i + "@contoso.com", "password", "FAIL");
      assertFalse(refused(person), "try " + (i + 1) + " is admitted");
    }
    for (String node : List.of("a", "b")) {
      FlowDriver sixth = personOn(node, address);
      sixth.verify("limit-6@contoso.com", "password", "FAIL");
      assertTrue(refused(sixth), "the sixth try is refused on " + node);
    }
    FlowDriver other = personOn("b", "203.0.113.51");
    other.verify("limit-7@contoso.com", "password", "FAIL");
    assertFalse(
        refused(other),
        "another client address is not limited: the balancer's address is not the client's");
    noServerErrorFromANode();
  }

  /**
   * Node A dies (SIGKILL) with two people on it: one on the new-password form A rendered, one whose
   * password change A had claimed and sent to Graph (applied, answer late). Both finish on B: the
   * first sends the form A rendered and B takes it (a stateless view); the second's reset is
   * finished by B's reconciliation once the claim is old.
   */
  @Test
  @Order(4)
  void nodeAKilledInThePeoplesFlowsAfterTheCallbackTheyFinishOnB() throws Exception {
    FlowDriver thomas = personOn("a", "198.51.100.21");
    assertEquals(
        NEW_PASSWORD_FORM,
        thomas.verify("thomas.muller@contoso.com", "password", "VERIFIED").heading());
    FlowDriver an = personOn("a", "198.51.100.22");
    assertEquals(
        NEW_PASSWORD_FORM, an.verify("an.nguyen@contoso.com", "password", "VERIFIED").heading());
    sandbox.faults().faultNextWrites(Faults.WriteFault.LATE, 120_000, 1, "PATCH");
    String ansPassword = "saffron glacier tulip 60";
    CompletableFuture<FlowDriver.Result> inFlight =
        CompletableFuture.supplyAsync(() -> an.setPassword(ansPassword));
    await(
        () -> directory.lastPasswordSet(id("an.nguyen@contoso.com")).isPresent(),
        Duration.ofSeconds(20),
        "Graph applied An's change");
    int answersBefore = balancer.hops().size();

    killedAt = Instant.now();
    long t0 = System.nanoTime();
    a.kill();
    FlowDriver.Result died = inFlight.get(30, TimeUnit.SECONDS);
    assertTrue(died.heading() == null, "An's request died with node A: " + died);

    // Thomas sends the form A rendered: the new-password page is a stateless view (no view state
    // kept by the
    // node that rendered it; the form key is the browser's cookie), so B takes it as it is
    FlowDriver.Result sent = thomas.setPassword("meadow copper violin 90");
    long firstAnswerFromB = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(DONE, sent.heading(), "B takes the form A rendered: " + sent);
    long thomasDone = firstAnswerFromB;

    // An's reset, claimed by A, is finished by B from what the directory shows
    FlowDriver.Result page = an.look();
    List<String> seen = new ArrayList<>();
    long until = System.nanoTime() + CLAIM_TIMEOUT.plusSeconds(40).toNanos();
    while (!DONE.equals(page.heading()) && System.nanoTime() < until) {
      seen.add(page.heading());
      Thread.sleep(500);
      page = an.look();
    }
    long anDone = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(DONE, page.heading(), "headings seen meanwhile: " + seen);
    assertTrue(
        seen.stream()
            .allMatch(
                h ->
                    h.equals("We are checking whether your change was saved")
                        || h.equals("We are still working on it")),
        "while in doubt the page says so: " + seen);
    assertEquals(
        ansPassword,
        directory.lastPasswordSet(id("an.nguyen@contoso.com")).orElseThrow().password());
    assertTrue(
        directory
            .account(id("an.nguyen@contoso.com"))
            .orElseThrow()
            .signInSessionsValidFromDateTime()
            .isAfter(killedAt.minusSeconds(1)),
        "B revoked An's sessions");
    assertTrue(
        balancer.hops().subList(answersBefore, balancer.hops().size()).stream()
            .allMatch(h -> h.node().equals("b") || h.status() == -1),
        "after the kill only B answers");
    noServerErrorFromANode();
    System.out.println(
        "[it] failover after SIGKILL of node A: first page from B "
            + firstAnswerFromB
            + " ms, Thomas done "
            + thomasDone
            + " ms, An's claimed reset finished by B "
            + anDone
            + " ms (claim timeout "
            + CLAIM_TIMEOUT.toSeconds()
            + " s)");
  }

  @Test
  @Order(5)
  void aNodeJoiningLateSeesTheSharedLimits() throws Exception {
    c = node("c", 2);
    balancer.node("c", c);
    await(
        () -> c.output().stream().anyMatch(l -> l.matches(".*DG Size: [2-9].*")),
        Duration.ofSeconds(60),
        "C joins B");
    FlowDriver seventh = personOn("c", "203.0.113.50");
    seventh.verify("limit-8@contoso.com", "password", "FAIL");
    assertTrue(refused(seventh), "C refuses the address A and B used up");
    assertTrue(
        balancer.hops().stream().anyMatch(h -> h.node().equals("c") && h.method().equals("POST")),
        "C answered");
    noServerErrorFromANode();
    System.out.println("[it] late node C ready in " + c.readyMillis() + " ms");
  }

  /**
   * Over the whole class: the review housekeeping ran once per interval across the cluster, also
   * after A died.
   */
  @Test
  @Order(6)
  void theReviewHousekeepingRanOncePerIntervalAcrossTheCluster() throws Exception {
    List<Instant> rounds = new ArrayList<>();
    List<String> nodes = new ArrayList<>();
    try (Connection conn = database.getConnection();
        Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select occurred_at, detail from audit_event where event_type = 'JOB_RUN' "
                    + "and actor_kind = 'SYSTEM' and actor_id = 'review-housekeeping' order by occurred_at")) {
      while (rs.next()) {
        rounds.add(rs.getTimestamp(1).toInstant());
        nodes.add(rs.getString(2));
      }
    }
    assertTrue(rounds.size() >= 5, "rounds: " + rounds);
    for (int i = 1; i < rounds.size(); i++) {
      long gap = Duration.between(rounds.get(i - 1), rounds.get(i)).toMillis();
      assertTrue(
          gap >= HOUSEKEEPING.toMillis() - 5,
          "round " + i + " came " + gap + " ms after the one before");
    }
    Duration span = Duration.between(rounds.get(0), rounds.get(rounds.size() - 1));
    // a round every interval plus at most a tick (a quarter of it) and some scheduling noise on two
    // busy cores
    assertTrue(
        rounds.size() - 1 >= span.toMillis() / (HOUSEKEEPING.toMillis() * 2),
        rounds.size() + " rounds in " + span);
    String nodeB = "node " + b.pid() + "@";
    List<String> afterKill = new ArrayList<>();
    for (int i = 0; i < rounds.size(); i++) {
      if (rounds.get(i).isAfter(killedAt.plusSeconds(1))) {
        afterKill.add(nodes.get(i));
      }
    }
    assertFalse(afterKill.isEmpty(), "rounds went on after A died");
    assertTrue(
        afterKill.stream()
            .allMatch(
                n -> n.startsWith(nodeB) || (c != null && n.startsWith("node " + c.pid() + "@"))),
        "after the kill, rounds by B (or C): " + afterKill);
    System.out.println(
        "[it] review housekeeping: "
            + rounds.size()
            + " rounds in "
            + span.toSeconds()
            + " s, by "
            + nodes.stream().distinct().toList());
  }
}
