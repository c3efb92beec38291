package io.recoveryportal.recovery;

/**
 * Why an attempt went to manual review, as the queue shows and filters it (in words: {@code
 * reason.<NAME>} in the messages bundle). The detail is in the rule outcomes.
 */
public enum CaseReason {
  NAME,
  BIRTHDATE,
  MISSING_ATTRIBUTE,
  INCODE_MANUAL_REVIEW,
  DIRECTORY_UNAVAILABLE
}
