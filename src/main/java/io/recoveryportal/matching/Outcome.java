package io.recoveryportal.matching;

/**
 * What the portal may do after matching: recover on its own, or hand the case to a human reviewer.
 */
public enum Outcome {
  /** Every required rule passed: self-service recovery may continue. */
  MATCH,
  /** At least one required rule failed or could not be assessed: a reviewer decides. */
  REVIEW
}
