package io.recoveryportal.matching;

import java.util.Objects;
import java.util.Set;

/**
 * One rule's verdict, kept for the reviewer and the audit trail. Never shown to the employee:
 * telling a claimant which field failed lets an impostor correct their attempt (NIST SP 800-63A-4
 * §3.1).
 */
public record RuleResult(String rule, RuleStatus status, String explanation) {

  public static final String DOCUMENT_NAME = "document-name";
  public static final String FAMILY_NAME = "family-name";
  public static final String GIVEN_NAME = "given-name";
  public static final String NAME_ORDER = "name-order";
  public static final String DISPLAY_NAME = "display-name";
  public static final String BIRTHDATE = "birthdate";

  /** Reported instead of the others if the matcher itself failed on some input: always a REVIEW. */
  public static final String MATCHER_ERROR = "matcher-error";

  /**
   * The display name is free text that organisations fill in many ways ("Smith, Jane", "Jane Smith
   * (Contractor)") and it adds no evidence beyond givenName and surname, so it informs the reviewer
   * but never decides.
   */
  private static final Set<String> INFORMATIONAL = Set.of(DISPLAY_NAME);

  public RuleResult {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(explanation, "explanation");
  }

  static RuleResult pass(String rule, String explanation) {
    return new RuleResult(rule, RuleStatus.PASS, explanation);
  }

  static RuleResult fail(String rule, String explanation) {
    return new RuleResult(rule, RuleStatus.FAIL, explanation);
  }

  static RuleResult missing(String rule, String explanation) {
    return new RuleResult(rule, RuleStatus.MISSING, explanation);
  }

  /** Whether this rule must PASS for a MATCH. */
  public boolean required() {
    return !INFORMATIONAL.contains(rule);
  }

  /** Whether this result stands in the way of a MATCH. */
  public boolean blocksMatch() {
    return required() && status != RuleStatus.PASS;
  }
}
