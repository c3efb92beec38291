package io.recoveryportal.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether the identity Incode verified is the directory account's owner. See the package
 * description for the rules and why they are as they are. Stateless and thread-safe.
 */
public final class IdentityMatcher {

  private IdentityMatcher() {}

  /**
   * Every rule's result, in the order document-name, family-name, given-name, name-order,
   * display-name, birthdate; MATCH only when every required one passed. Never throws: odd input is
   * a REVIEW with the reason recorded. {@code policy} carries the configured tunables (null: {@link
   * MatchingPolicy#DEFAULT}).
   */
  public static MatchResult match(
      VerifiedIdentity verified, DirectoryPerson directory, MatchingPolicy policy) {
    try {
      return evaluate(
          verified != null ? verified : new VerifiedIdentity(null, null, null),
          directory != null ? directory : new DirectoryPerson(null, null, null, null),
          policy != null ? policy : MatchingPolicy.DEFAULT);
    } catch (RuntimeException e) {
      // A bug must never become a MATCH, nor an error page that tells the claimant something.
      return MatchResult.of(
          List.of(
              RuleResult.fail(
                  RuleResult.MATCHER_ERROR,
                  "matcher failed on this input ("
                      + e.getClass().getSimpleName()
                      + "); compare by hand")));
    }
  }

  private static MatchResult evaluate(
      VerifiedIdentity verified, DirectoryPerson directory, MatchingPolicy policy) {
    DocumentName doc = DocumentName.of(verified.fullName(), verified.givenName());
    List<RuleResult> rules = new ArrayList<>();
    rules.add(doc.rule());
    rules.addAll(
        NameRules.evaluate(
            doc, directory.givenName(), directory.surname(), verified.documentCountry()));
    rules.add(DisplayNameRule.evaluate(doc, directory.displayName()));
    rules.add(
        BirthdateRule.evaluate(
            verified.birthdate(), directory.birthdate(), policy.placeholderBirthdates()));
    return MatchResult.of(rules);
  }
}
