package io.recoveryportal.recovery;

import io.recoveryportal.matching.MatchResult;
import io.recoveryportal.matching.Outcome;
import io.recoveryportal.matching.RuleResult;
import io.recoveryportal.matching.RuleStatus;
import io.recoveryportal.verification.ProofingStatus;

/**
 * The verdict on a verification, as a pure function of what is known when it is judged: whether the
 * attempt is a decoy (its address refused at the start), Incode's status, how the directory
 * answered for the account, whether an earlier approval carried over, and the match. {@link
 * Judging} gathers these in this order, each only when the verdict needs it ({@link NeedsAccount},
 * {@link NeedsMatch}), and carries out what comes back.
 */
public final class Verdicts {

  /** How the directory answered for the attempt's account at the callback. */
  public enum AccountRead {
    /** found, and enabled or disabled as the kind of attempt needs */
    USABLE,
    /** gone, or enabled or disabled since the start */
    CHANGED,
    /** the directory could not be asked */
    UNAVAILABLE
  }

  /** What to do with the verification. */
  public sealed interface Judgement
      permits Refused,
          Failed,
          AccountChanged,
          Escalate,
          Approved,
          Matched,
          NeedsAccount,
          NeedsMatch {}

  /** A decoy: ends as a failure, the true reason only in the audit trail. */
  public record Refused() implements Judgement {}

  /** Incode's FAIL. */
  public record Failed() implements Judgement {}

  /** The account is gone, or its state changed since the start. */
  public record AccountChanged() implements Judgement {}

  /**
   * A case for a reviewer: why, in the queue's category and in words, and whether it needs two
   * approvers.
   */
  public record Escalate(CaseReason reason, String words, boolean highRisk) implements Judgement {}

  /** An earlier approval for this identity and account now covers this attempt. */
  public record Approved() implements Judgement {}

  /** A clean match: the person may reset on their own. */
  public record Matched() implements Judgement {}

  /** The account must be read from the directory first. */
  public record NeedsAccount() implements Judgement {}

  /** The carry-over must be tried and the matcher run first. */
  public record NeedsMatch() implements Judgement {}

  private Verdicts() {}

  /**
   * The verdict, or which fact it still needs. {@code account} is null until read, {@code match}
   * until the matcher ran; {@code carriedOver} counts only once the match is asked for (an approval
   * is tried before the matcher).
   */
  public static Judgement judge(
      boolean decoy,
      ProofingStatus status,
      AccountRead account,
      boolean carriedOver,
      MatchResult match) {
    if (decoy) {
      return new Refused();
    }
    if (status == ProofingStatus.FAIL) {
      return new Failed();
    }
    if (status == ProofingStatus.MANUAL_REVIEW) {
      // Incode's own doubt: always two approvers
      return new Escalate(CaseReason.INCODE_MANUAL_REVIEW, "Incode MANUAL_REVIEW", true);
    }
    if (account == null) {
      return new NeedsAccount();
    }
    if (account == AccountRead.UNAVAILABLE) {
      // the verification stands; a reviewer can pick it up rather than the person starting over
      return new Escalate(
          CaseReason.DIRECTORY_UNAVAILABLE, "directory unavailable after verification", false);
    }
    if (account == AccountRead.CHANGED) {
      return new AccountChanged();
    }
    if (carriedOver) {
      return new Approved();
    }
    if (match == null) {
      return new NeedsMatch();
    }
    if (match.outcome() == Outcome.MATCH) {
      return new Matched();
    }
    boolean birthdateDiffers =
        match.rules().stream()
            .anyMatch(r -> RuleResult.BIRTHDATE.equals(r.rule()) && r.status() == RuleStatus.FAIL);
    return new Escalate(
        reasonOf(match, birthdateDiffers),
        "matching: " + match.firstFailure().map(RuleResult::rule).orElse("review"),
        birthdateDiffers);
  }

  static CaseReason reasonOf(MatchResult match, boolean birthdateDiffers) {
    if (birthdateDiffers) {
      return CaseReason.BIRTHDATE;
    }
    // a rule that depends on a failed one reports MISSING too ("not assessed"), so a FAIL anywhere
    // is the reason
    boolean failed =
        match.rules().stream().anyMatch(r -> r.blocksMatch() && r.status() == RuleStatus.FAIL);
    boolean missing =
        match.rules().stream().anyMatch(r -> r.blocksMatch() && r.status() == RuleStatus.MISSING);
    return !failed && missing ? CaseReason.MISSING_ATTRIBUTE : CaseReason.NAME;
  }
}
