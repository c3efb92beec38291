package io.recoveryportal.matching;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The matcher's decision with every rule's result, in a fixed order. A MATCH with a blocking rule
 * cannot be constructed, so no caller can assemble an inconsistent "match".
 */
public record MatchResult(Outcome outcome, List<RuleResult> rules) {

  public MatchResult {
    Objects.requireNonNull(outcome, "outcome");
    rules = List.copyOf(rules);
    if (outcome == Outcome.MATCH
        && (rules.isEmpty() || rules.stream().anyMatch(RuleResult::blocksMatch))) {
      throw new IllegalArgumentException("a MATCH needs every required rule to pass: " + rules);
    }
  }

  /**
   * The outcome the rules call for: MATCH only when there are rules and every required one passed.
   */
  static MatchResult of(List<RuleResult> rules) {
    boolean clean = !rules.isEmpty() && rules.stream().noneMatch(RuleResult::blocksMatch);
    return new MatchResult(clean ? Outcome.MATCH : Outcome.REVIEW, rules);
  }

  /**
   * The first required rule that did not pass (the headline for the reviewer); empty for a MATCH.
   */
  public Optional<RuleResult> firstFailure() {
    return rules.stream().filter(RuleResult::blocksMatch).findFirst();
  }

  /** The result of the named rule, if it was evaluated. */
  public Optional<RuleResult> rule(String name) {
    return rules.stream().filter(r -> r.rule().equals(name)).findFirst();
  }
}
