package io.recoveryportal.recovery;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.lookup.DirectoryAccounts;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import io.recoveryportal.matching.DirectoryPerson;
import io.recoveryportal.matching.IdentityMatcher;
import io.recoveryportal.matching.MatchResult;
import io.recoveryportal.matching.Outcome;
import io.recoveryportal.matching.RuleResult;
import io.recoveryportal.matching.VerifiedIdentity;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.verification.VerificationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on a verification, carried out: gathers the facts {@link Verdicts#judge} asks for, in
 * its order and only when it asks (a decoy or a failure never reads the directory), and moves the
 * attempt as it says in one transition; a case for a reviewer, or an approval carried over, goes
 * through the {@link Escalations} port. For a verification that came back through the browser's
 * callback ({@link RecoveryService}) and one the portal fetched itself (helpdesk).
 */
@ApplicationScoped
public class Judging {

  @Inject AttemptStore store;

  @Inject DirectoryAccounts directory;

  @Inject RecoverySettings settings;

  @Inject Escalations escalations;

  /**
   * Judges a verification whose result the portal fetched itself rather than through the browser's
   * callback (a helpdesk request's, from Incode's B2B API), by the same rules. The attempt behind
   * {@code rawId} must already be VERIFIED, claimed by the caller; otherwise nothing happens.
   */
  public RecoveryService.Verdict judgeVerified(String rawId, VerificationResult result) {
    return store
        .find(rawId)
        .filter(a -> a.getState() == State.VERIFIED)
        .map(a -> judge(rawId, a, result))
        .orElse(RecoveryService.Verdict.INVALID);
  }

  /**
   * Gathers the facts {@link Verdicts#judge} asks for, in its order and only when it asks (a decoy
   * or a failure never reads the directory), and carries out its verdict in one transition.
   */
  RecoveryService.Verdict judge(String rawId, Attempt attempt, VerificationResult result) {
    KindPolicy kind = attempt.getKind().policy();
    Verdicts.AccountRead read = null;
    Optional<DirectoryAccount> account = Optional.empty();
    boolean carriedOver = false;
    MatchResult match = null;
    Verdicts.Judgement j =
        Verdicts.judge(attempt.isDecoy(), result.status(), read, carriedOver, match);
    if (j instanceof Verdicts.NeedsAccount) {
      // compare with the directory as it is now, not as it was at "Continue"
      try {
        account = directory.findById(attempt.getDirectoryUserId());
        read =
            account.isPresent() && account.get().enabled() == kind.needsEnabledAccount()
                ? Verdicts.AccountRead.USABLE
                : Verdicts.AccountRead.CHANGED;
      } catch (DirectoryUnavailableException e) {
        read = Verdicts.AccountRead.UNAVAILABLE;
      }
      j = Verdicts.judge(false, result.status(), read, false, null);
    }
    if (j instanceof Verdicts.NeedsMatch) {
      carriedOver =
          kind.carriesApprovalsOver()
              && result.identityId() != null
              && escalations.carryOverApproval(
                  rawId, attempt, result.identityId(), proofed(result));
      if (!carriedOver) {
        DirectoryAccount acc = account.orElseThrow();
        match =
            IdentityMatcher.match(
                new VerifiedIdentity(result.fullName(), result.givenName(), result.birthdate()),
                new DirectoryPerson(
                    acc.givenName(), acc.surname(), acc.displayName(), acc.birthdate()),
                settings.matchingPolicy());
      }
      j = Verdicts.judge(false, result.status(), read, carriedOver, match);
    }
    return carryOut(rawId, attempt, result, j, match);
  }

  private RecoveryService.Verdict carryOut(
      String rawId,
      Attempt attempt,
      VerificationResult result,
      Verdicts.Judgement j,
      MatchResult match) {
    java.util.function.Consumer<Attempt> proofed = proofed(result);
    List<RuleResult> rules = match == null ? null : match.rules();
    if (j instanceof Verdicts.Refused) {
      finish(
          rawId,
          State.FAILED,
          proofed,
          AuditType.VERIFICATION_REFUSED,
          AuditOutcome.REFUSED,
          attempt.getRefusalReason() == null ? null : attempt.getRefusalReason().words());
      return RecoveryService.Verdict.FAILED;
    }
    if (j instanceof Verdicts.Failed) {
      finish(
          rawId,
          State.FAILED,
          proofed,
          AuditType.VERIFICATION_FAILED,
          AuditOutcome.FAIL,
          "auth_overall_status FAIL");
      return RecoveryService.Verdict.FAILED;
    }
    if (j instanceof Verdicts.AccountChanged) {
      finish(
          rawId,
          State.FAILED,
          proofed,
          AuditType.VERIFICATION_REFUSED,
          AuditOutcome.REFUSED,
          attempt.getKind().policy().accountChangedWords());
      return RecoveryService.Verdict.FAILED;
    }
    if (j instanceof Verdicts.Approved) {
      return RecoveryService.Verdict.APPROVED;
    }
    if (j instanceof Verdicts.Matched) {
      finish(
          rawId,
          State.MATCHED,
          proofed.andThen(a -> a.recordMatch(Outcome.MATCH, rules)),
          AuditType.MATCHING_MATCHED,
          AuditOutcome.MATCH,
          null);
      return RecoveryService.Verdict.MATCHED;
    }
    if (j instanceof Verdicts.Escalate e) {
      escalations.openCase(
          rawId,
          proofed.andThen(a -> a.recordMatch(rules == null ? null : Outcome.REVIEW, rules)),
          result,
          e);
      return RecoveryService.Verdict.ESCALATED;
    }
    throw new IllegalStateException("no verdict yet: " + j);
  }

  private static java.util.function.Consumer<Attempt> proofed(VerificationResult result) {
    return a ->
        a.recordProofing(
            result.status(), result.score(), result.interviewId(), result.identityId());
  }

  private Optional<Attempt> finish(
      String rawId,
      State next,
      java.util.function.Consumer<Attempt> change,
      AuditType type,
      AuditOutcome outcome,
      String detail) {
    return store.transition(rawId, State.VERIFIED, next, change, type, outcome, detail);
  }
}
