package io.recoveryportal.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's rules engine, the version bundled with {@code
 * com.deque.html.axe-core:selenium}) run on the page a browser test has just reached, with the
 * rules axe runs by default: WCAG 2.0, 2.1 and 2.2 A and AA, and Deque's best practices. A
 * violation of impact serious or critical fails the test; so does a moderate or minor one that is
 * not in {@link #ACCEPTED}, the list the README's accessibility statement repeats with the reasons.
 * Every check is appended to target/axe/checks.tsv (page, address, rule, impact, elements, time axe
 * took), so a run shows what was looked at.
 *
 * <p>Only the portal's own pages are checked: the sandbox's Incode and Entra pages stand in for
 * other companies'.
 */
final class Axe {

  /** Impacts that fail whatever the rule: a person cannot get past them. */
  private static final Set<String> BLOCKING = Set.of("serious", "critical");

  /**
   * Moderate and minor findings that are accepted, and why (the README's "Known exceptions" says
   * the same). Empty today: an entry here needs a reason a reader of the README would accept.
   */
  static final Map<String, String> ACCEPTED = Map.of();

  /**
   * Pages checked by {@link #once}: a helper that reaches the same state many times checks it the
   * first time.
   */
  private static final Set<String> SEEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Axe() {}

  /**
   * {@link #check}, the first time this JVM reaches {@code page}; later visits of the same state
   * cost nothing.
   */
  static void once(WebDriver driver, String page) {
    if (SEEN.add(page)) {
      check(driver, page);
    }
  }

  /**
   * Runs axe on what {@code driver} shows now and fails on anything not accepted; {@code page}
   * names it in the log.
   */
  static void check(WebDriver driver, String page) {
    long started = System.nanoTime();
    Results results = new AxeBuilder().analyze(driver);
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (results.isErrored()) {
      fail("axe could not run on " + page + ": " + results.getErrorMessage());
    }
    record(page, results, millis);
    List<Rule> refused =
        results.getViolations().stream()
            .filter(r -> BLOCKING.contains(r.getImpact()) || !ACCEPTED.containsKey(r.getId()))
            .toList();
    if (!refused.isEmpty()) {
      fail(
          "axe on "
              + page
              + " ("
              + results.getUrl()
              + "):\n"
              + refused.stream().map(Axe::describe).collect(Collectors.joining("\n")));
    }
  }

  private static String describe(Rule r) {
    return "  "
        + r.getImpact()
        + " "
        + r.getId()
        + ": "
        + r.getHelp()
        + "\n"
        + r.getNodes().stream()
            .map(n -> "    " + n.getTarget() + " " + summary(n))
            .collect(Collectors.joining("\n"));
  }

  private static String summary(CheckedNode n) {
    return n.getFailureSummary() == null ? "" : n.getFailureSummary().replaceAll("\\s+", " ");
  }

  private static synchronized void record(String page, Results results, long millis) {
    try {
      Path log = TestEnvironment.target().resolve("axe/checks.tsv");
      Files.createDirectories(log.getParent());
      StringBuilder lines = new StringBuilder();
      if (results.getViolations().isEmpty()) {
        lines
            .append(page)
            .append('\t')
            .append(results.getUrl())
            .append("\t-\t-\t")
            .append(results.getPasses().size())
            .append(" rules passed\t")
            .append(millis)
            .append(" ms\n");
      }
      for (Rule r : results.getViolations()) {
        lines
            .append(page)
            .append('\t')
            .append(results.getUrl())
            .append('\t')
            .append(r.getId())
            .append('\t')
            .append(r.getImpact())
            .append('\t')
            .append(
                r.getNodes().stream()
                    .map(n -> String.valueOf(n.getTarget()))
                    .collect(Collectors.joining(" ")))
            .append('\t')
            .append(millis)
            .append(" ms\n");
      }
      Files.writeString(
          log, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
