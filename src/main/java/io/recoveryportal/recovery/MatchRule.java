package io.recoveryportal.recovery;

import io.recoveryportal.matching.RuleResult;
import io.recoveryportal.matching.RuleStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/**
 * One matching rule's outcome as the verdict saw it, kept with the attempt for the reviewer: one
 * row of {@code match_rule} each, in the matcher's order. Never shown to the employee.
 */
@Embeddable
public class MatchRule {

  /** The explanation column's length (V17__match_rule.sql); longer explanations are cut there. */
  static final int EXPLANATION_MAX = 1000;

  @Column(nullable = false, length = 40)
  private String rule;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private RuleStatus status;

  @Column(nullable = false, length = EXPLANATION_MAX)
  private String explanation;

  protected MatchRule() {
    // for JPA
  }

  MatchRule(RuleResult r) {
    this.rule = r.rule();
    this.status = r.status();
    this.explanation =
        r.explanation().length() <= EXPLANATION_MAX
            ? r.explanation()
            : r.explanation().substring(0, EXPLANATION_MAX);
  }

  public String rule() {
    return rule;
  }

  public RuleStatus status() {
    return status;
  }

  public String explanation() {
    return explanation;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MatchRule m
        && rule.equals(m.rule)
        && status == m.status
        && explanation.equals(m.explanation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, status, explanation);
  }

  @Override
  public String toString() {
    return rule + "=" + status + ": " + explanation;
  }
}
