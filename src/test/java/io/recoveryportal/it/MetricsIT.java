package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.sandbox.IncodeProvider.TokenOutage;
import io.recoveryportal.sandbox.PortalProcess;
import io.recoveryportal.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The portal's own metric families, read from /metrics on the management listener of the shared
 * portal before and after sandbox flows of every ending (a match and a password reset under a Graph
 * 429, Incode MANUAL_REVIEW denied by a reviewer, FAIL, a disabled account, a cancel, an Incode
 * token outage, an address over its daily limit): each family is present, and each moved by what
 * the flows did. Counters are compared before and after, so other tests sharing the portal cannot
 * make this one pass or fail.
 */
class MetricsIT {

  private static WebDriver reviewer;
  private final PortalProcess portal = TestEnvironment.portal();
  private final Sandbox sandbox = TestEnvironment.sandbox();

  @BeforeAll
  static void openBrowser() {
    reviewer = Browser.start(true);
    reviewer.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @AfterAll
  static void closeBrowser() {
    if (reviewer != null) {
      reviewer.quit();
    }
  }

  @Test
  void everyFamilyIsPresentAndMovesWithTheFlows() throws Exception {
    Scrape before = scrape();

    // a match and a password reset, with one 429 from Graph on the way
    sandbox.faults().failNext(429, 1, "1");
    FlowDriver.Result reset =
        new FlowDriver(portal.baseUrl())
            .passwordFlow(
                "sarah.oconnor@contoso.com", "VERIFIED", "Metrics-" + System.nanoTime() + "-Ok!");
    assertEquals("You are back in", reset.heading(), "the reset completed: " + reset);
    // Incode asks for a manual review: a case, which a reviewer denies (MANUAL_REVIEW escalates
    // before an approval
    // carried over from another test's case of Priya's could let her through)
    FlowDriver escalating = new FlowDriver(portal.baseUrl());
    FlowDriver.Result escalated =
        escalating.verify("priya.patel@contoso.com", "password", "MANUAL_REVIEW");
    assertEquals("Your request needs a review", escalated.heading(), escalated.toString());
    FlowDriver.Result failed =
        new FlowDriver(portal.baseUrl()).verify("an.nguyen@contoso.com", "password", "FAIL");
    assertEquals("We could not verify you", failed.heading(), failed.toString());
    FlowDriver.Result refused =
        new FlowDriver(portal.baseUrl()).verify("liam.carter@contoso.com", "password", "VERIFIED");
    assertEquals("We could not verify you", refused.heading(), refused.toString());
    FlowDriver.Result cancelled =
        new FlowDriver(portal.baseUrl())
            .verify("michael.brown@contoso.com", "mfa", FlowDriver.CANCEL);
    assertEquals("You stopped the identity check", cancelled.heading(), cancelled.toString());
    sandbox.incode().tokenOutage(TokenOutage.SERVER_ERROR, 1);
    FlowDriver.Result outage =
        new FlowDriver(portal.baseUrl()).verify("jose.garcia@contoso.com", "password", "VERIFIED");
    assertEquals("We could not reach the identity service", outage.heading(), outage.toString());
    String limitedAddress = "metrics.limit." + System.nanoTime() + "@contoso.com";
    for (int i = 0; i <= TestEnvironment.PER_ACCOUNT_PER_DAY; i++) {
      // the last one is refused by the per-address limit
      new FlowDriver(portal.baseUrl()).verify(limitedAddress, "password", "FAIL");
    }

    String ref = caseReference(escalating);
    denyAsReviewer(ref);

    Scrape after = scrape();
    // flows, per kind of attempt
    assertMoved(before, after, "portal_flow_started_total", Map.of("kind", "recovery"), 8);
    assertMoved(before, after, "portal_flow_verified_total", Map.of("kind", "recovery"), 5);
    assertMoved(before, after, "portal_flow_matched_total", Map.of("kind", "recovery"), 1);
    assertMoved(before, after, "portal_flow_escalated_total", Map.of("kind", "recovery"), 1);
    assertMoved(
        before,
        after,
        "portal_flow_reset_total",
        Map.of("kind", "recovery", "credential", "password"),
        1);
    assertMoved(before, after, "portal_flow_failed_total", Map.of("kind", "recovery"), 1);
    assertMoved(
        before,
        after,
        "portal_flow_refused_total",
        Map.of("kind", "recovery", "reason", "ACCOUNT_DISABLED"),
        1);
    assertMoved(
        before,
        after,
        "portal_flow_abandoned_total",
        Map.of("kind", "recovery", "how", "cancelled"),
        1);
    assertPresent(after, "portal_flow_reset_failed_total", Map.of("kind", "recovery"));
    assertPresent(
        after, "portal_flow_abandoned_total", Map.of("kind", "activation", "how", "expired"));
    // review
    assertMoved(
        before,
        after,
        "portal_review_decisions_total",
        Map.of("kind", "recovery", "outcome", "denied"),
        1);
    assertMoved(
        before, after, "portal_review_decision_time_seconds_count", Map.of("kind", "recovery"), 1);
    assertPresent(after, "portal_review_open", Map.of());
    assertPresent(after, "portal_review_overdue", Map.of());
    assertPresent(after, "portal_review_oldest_age_seconds", Map.of());
    // dependencies
    assertMoved(before, after, "portal_graph_request_seconds_count", Map.of("method", "GET"), 5);
    assertMoved(before, after, "portal_graph_request_seconds_count", Map.of("method", "PATCH"), 1);
    assertMoved(
        before, after, "portal_graph_responses_total", Map.of("method", "GET", "status", "200"), 5);
    assertMoved(before, after, "portal_graph_throttled_total", Map.of(), 1);
    assertMoved(before, after, "portal_graph_retry_after_seconds_count", Map.of(), 1);
    double retryAfter =
        after.sum("portal_graph_retry_after_seconds_sum", Map.of())
            - before.sum("portal_graph_retry_after_seconds_sum", Map.of());
    assertTrue(
        retryAfter >= 0.99 && retryAfter < 100,
        "the Retry-After of 1 s is summed, in seconds: " + retryAfter);
    assertMoved(before, after, "portal_graph_pacing_wait_seconds_count", Map.of(), 5);
    assertMoved(
        before,
        after,
        "portal_oidc_request_seconds_count",
        Map.of("provider", "incode", "endpoint", "token"),
        5);
    assertMoved(
        before,
        after,
        "portal_oidc_request_seconds_count",
        Map.of("provider", "incode", "endpoint", "userinfo"),
        4);
    assertMoved(
        before,
        after,
        "portal_oidc_errors_total",
        Map.of("provider", "incode", "endpoint", "token"),
        1);
    assertMoved(before, after, "portal_mail_sent_total", Map.of(), 1);
    assertPresent(after, "portal_mail_failed_total", Map.of());
    assertMoved(before, after, "portal_db_pool_acquired", Map.of(), 10);
    assertPresent(after, "portal_db_pool_in_use", Map.of());
    assertEquals(20, after.sum("portal_db_pool_size", Map.of()));
    assertPresent(after, "portal_siem_sent_total", Map.of());
    assertPresent(after, "portal_siem_failures_total", Map.of());
    assertMoved(before, after, "recovery_start_submitted_total", Map.of(), 8);
    // rate limits
    assertMoved(before, after, "portal_rate_limited_total", Map.of("limit", "account"), 1);
    assertPresent(after, "portal_rate_limited_total", Map.of("limit", "client"));
    assertPresent(after, "portal_rate_limited_total", Map.of("limit", "global"));

    // every family the dashboard and the alert rules rely on is served (the SIEM backlog only where
    // shipping is
    // configured, which the shared portal is not: SiemShippingContract covers the shipping itself)
    for (String family : io.recoveryportal.metrics.PortalFamilies.ALL) {
      if (io.recoveryportal.metrics.PortalFamilies.ONLY_WITH_SIEM.contains(family)) {
        assertTrue(
            after.series().stream().noneMatch(x -> x.name().equals(family)),
            family + " is not served without a SIEM");
        continue;
      }
      assertTrue(
          after.series().stream()
              .anyMatch(
                  x ->
                      io.recoveryportal.metrics.PortalFamilies.familyOf(x.name()).equals(family)
                          || x.name().equals(family)),
          family + " is served");
    }
    // the queue's gauges are cached for 15 s: Priya's case was open a moment ago and is decided now
    assertTrue(after.sum("portal_review_oldest_age_seconds", Map.of()) >= 0);
  }

  /** The open-case gauge counts a case once it is escalated (within the gauges' 15 s cache). */
  @Test
  void theOpenCaseGaugeCountsAnEscalation() throws Exception {
    FlowDriver escalating = new FlowDriver(portal.baseUrl());
    FlowDriver.Result escalated =
        escalating.verify("priya.patel@contoso.com", "mfa", "MANUAL_REVIEW");
    assertEquals("Your request needs a review", escalated.heading(), escalated.toString());
    long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
    double open = 0;
    while (System.nanoTime() < deadline
        && (open = scrape().sum("portal_review_open", Map.of())) < 1) {
      Thread.sleep(1000);
    }
    assertTrue(open >= 1, "the open case is counted");
    denyAsReviewer(caseReference(escalating));
  }

  private String caseReference(FlowDriver person) {
    Matcher m = Pattern.compile("id=\"case-reference\"[^>]*>([^<]+)<").matcher(person.lastBody());
    assertTrue(m.find(), "the review page shows the case reference");
    return m.group(1).strip();
  }

  private void denyAsReviewer(String ref) {
    reviewer.manage().deleteAllCookies();
    reviewer.get(portal.baseUrl() + "/staff/signin?next=/review/index.xhtml");
    Browser.awaitUrl(reviewer, sandbox.entraAuthorityHost());
    reviewer
        .findElement(
            By.id(
                "user-"
                    + sandbox
                        .directory()
                        .findByUpn("rita.reviewer@contoso.com")
                        .orElseThrow()
                        .id()))
        .click();
    reviewer.findElement(By.cssSelector("button[value=signin]")).click();
    Browser.awaitUrl(reviewer, portal.baseUrl() + "/");
    reviewer.get(portal.baseUrl() + "/review/case.xhtml?ref=" + ref);
    Browser.awaitHeading(reviewer, "Case " + ref);
    reviewer.findElement(By.id("claim:take")).click();
    Browser.textOf(reviewer, By.id("message-text"), t -> t.startsWith("The case is yours"));
    reviewer.findElement(By.cssSelector("input[name='decide:choice'][value='DENY']")).click();
    reviewer.findElement(By.id("decide:reason")).sendKeys("metrics test: no proof");
    reviewer.findElement(By.id("decide:record")).click();
    Browser.textOf(reviewer, By.id("message-text"), t -> !t.startsWith("The case is yours"));
  }

  private Scrape scrape() {
    var r = Http.get(portal.managementUrl() + "/metrics");
    assertEquals(200, r.statusCode());
    return Scrape.parse(r.body());
  }

  private static void assertPresent(Scrape s, String name, Map<String, String> labels) {
    assertTrue(
        s.has(name, labels),
        name + labels + " is listed; the portal's families are:\n" + s.portalFamilies());
  }

  private static void assertMoved(
      Scrape before, Scrape after, String name, Map<String, String> labels, double atLeast) {
    assertPresent(after, name, labels);
    double moved = after.sum(name, labels) - before.sum(name, labels);
    assertTrue(
        moved >= atLeast, name + labels + " moved by " + moved + ", expected at least " + atLeast);
  }

  /** The Prometheus text format, as far as these checks need it: series name, labels and value. */
  record Scrape(List<Series> series) {

    record Series(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE =
        Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)");
    private static final Pattern LABEL =
        Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape parse(String body) {
      List<Series> all = new ArrayList<>();
      for (String line : body.split("\n")) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
          continue;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(3) != null) {
          Matcher l = LABEL.matcher(m.group(3));
          while (l.find()) {
            labels.put(l.group(1), l.group(2));
          }
        }
        double value;
        try {
          value = Double.parseDouble(m.group(4));
        } catch (NumberFormatException e) {
          continue;
        }
        all.add(new Series(m.group(1), labels, value));
      }
      return new Scrape(all);
    }

    boolean has(String name, Map<String, String> labels) {
      return series.stream()
          .anyMatch(
              s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()));
    }

    double sum(String name, Map<String, String> labels) {
      return series.stream()
          .filter(
              s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
          .mapToDouble(Series::value)
          .sum();
    }

    String portalFamilies() {
      return String.join(
          "\n",
          series.stream()
              .filter(s -> s.name().startsWith("portal_"))
              .map(s -> s.name() + s.labels())
              .distinct()
              .toList());
    }
  }
}
