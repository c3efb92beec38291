package io.recoveryportal.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recoveryportal.matching.PairsTable.Pair;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of pairs.tsv: the outcome, and for a REVIEW the first rule that stood in the way (and
 * why, where the row says).
 */
class IdentityMatcherTableTest {

  static List<Pair> pairs() {
    return PairsTable.load();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void rowComesOutAsExpected(Pair p) {
    MatchResult result = IdentityMatcher.match(p.document(), p.directory(), MatchingPolicy.DEFAULT);
    String detail =
        p + "\n" + result.rules().stream().map(Object::toString).collect(Collectors.joining("\n"));
    assertEquals(p.expected(), result.outcome(), detail);
    assertEquals(p.failingRule(), result.firstFailure().map(RuleResult::rule).orElse(null), detail);
    if (p.reason() != null) {
      assertTrue(
          result.firstFailure().orElseThrow().explanation().contains(p.reason()),
          "reason '" + p.reason() + "'\n" + detail);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void everyRuleIsRecordedWithAnExplanation(Pair p) {
    List<RuleResult> rules =
        IdentityMatcher.match(p.document(), p.directory(), MatchingPolicy.DEFAULT).rules();
    assertEquals(
        List.of(
            "document-name",
            "family-name",
            "given-name",
            "name-order",
            "display-name",
            "birthdate"),
        rules.stream().map(RuleResult::rule).toList(),
        p.toString());
    rules.forEach(r -> assertFalse(r.explanation().isBlank(), p + " " + r));
  }

  @Test
  void tableIsLargeAndCoversBothOutcomesAndEveryRule() {
    List<Pair> pairs = pairs();
    assertTrue(pairs.size() >= 150, "rows: " + pairs.size());
    assertTrue(pairs.stream().filter(p -> p.expected() == Outcome.MATCH).count() >= 50);
    assertTrue(pairs.stream().filter(p -> p.expected() == Outcome.REVIEW).count() >= 50);
    Set<String> failing =
        pairs.stream().map(Pair::failingRule).filter(r -> r != null).collect(Collectors.toSet());
    assertEquals(
        Set.of("document-name", "family-name", "given-name", "name-order", "birthdate"), failing);
    // A MATCH row names no failing rule and a REVIEW row always names one.
    pairs.forEach(
        p -> assertEquals(p.expected() == Outcome.REVIEW, p.failingRule() != null, p.toString()));
  }
}
