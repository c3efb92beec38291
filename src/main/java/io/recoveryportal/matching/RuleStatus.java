package io.recoveryportal.matching;

/** How one rule came out. Only PASS lets a required rule count towards a MATCH. */
public enum RuleStatus {
  /** The directory value is consistent with the verified document. */
  PASS,
  /** Both sides were usable and they disagree. */
  FAIL,
  /**
   * The rule could not be assessed: a value is absent, unreadable, or a rule it depends on could
   * not run.
   */
  MISSING
}
