package io.recoveryportal.reset;

import io.recoveryportal.recovery.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the directory shows of a credential step whose outcome is not known (no answer in time, a
 * dropped connection, a node that died): the change is there, certainly not there, only started (an
 * MFA reset got as far as its pass), or it cannot be told yet. {@link ResetService} acts on the
 * answer. The one write here is an activation's: a password found set whose account is still
 * disabled is enabled, the step's own second half.
 */
final class ReadBack {

  /**
   * Entra stamps lastPasswordChangeDateTime in whole seconds, by its own clock: a change at or
   * after the claim may read as a little before it. A change by someone else in these seconds
   * before the claim would be taken for ours (a notice and a sign-out too many, never one too few).
   */
  private static final Duration CLOCK_ALLOWANCE = Duration.ofSeconds(5);

  /** How an interrupted step stands in the directory. */
  enum Verdict {
    /** the change is there: finish what follows it */
    APPLIED,
    /** nothing of it is there, and the claim is old enough that nothing more will come */
    NOT_APPLIED,
    /**
     * an MFA reset got as far as issuing its pass (whose code nobody holds now): methods may be
     * gone
     */
    STARTED,
    /** the directory could not be read, or it is too early to call */
    IN_DOUBT
  }

  private final AccountReset directory;

  ReadBack(AccountReset directory) {
    this.directory = directory;
  }

  /**
   * Whether the password was changed since the claim; an activation's account is enabled too (made
   * so if need be).
   */
  Verdict password(Attempt a, String userId, boolean settled) {
    CredentialState state;
    try {
      state = directory.credentialState(userId);
    } catch (RuntimeException e) {
      return Verdict.IN_DOUBT;
    }
    if (state.passwordChangedAt() == null || state.passwordChangedAt().isBefore(sinceClaim(a))) {
      return settled ? Verdict.NOT_APPLIED : Verdict.IN_DOUBT;
    }
    if (a.getKind().policy().activatesAccount() && !state.enabled()) {
      try {
        directory.setEnabled(userId, true);
      } catch (RuntimeException e) {
        return Verdict.IN_DOUBT;
      }
    }
    return Verdict.APPLIED;
  }

  /**
   * A pass issued since the claim means the reset got that far, and so may have removed methods
   * after it.
   */
  Verdict mfa(Attempt a, boolean settled) {
    try {
      boolean issued =
          directory.methods(a.getDirectoryUserId()).stream().anyMatch(m -> isPassSinceClaim(m, a));
      return issued ? Verdict.STARTED : settled ? Verdict.NOT_APPLIED : Verdict.IN_DOUBT;
    } catch (RuntimeException e) {
      return Verdict.IN_DOUBT;
    }
  }

  /**
   * For the audit trail of an interrupted MFA reset: whether the directory shows a pass issued
   * since the claim.
   */
  String passSinceClaim(Attempt a, String userId) {
    try {
      return directory.methods(userId).stream().anyMatch(m -> isPassSinceClaim(m, a))
          ? "a pass was issued (nobody holds it)"
          : "no pass issued";
    } catch (RuntimeException e) {
      return "methods not readable";
    }
  }

  private boolean isPassSinceClaim(SignInMethod m, Attempt a) {
    return m.kind() == MethodKind.TEMPORARY_ACCESS_PASS
        && m.createdAt() != null
        && !m.createdAt().isBefore(sinceClaim(a));
  }

  private static Instant sinceClaim(Attempt a) {
    Instant claimed =
        a.resetProgress().startedAt() == null ? a.getUpdatedAt() : a.resetProgress().startedAt();
    return claimed.truncatedTo(ChronoUnit.SECONDS).minus(CLOCK_ALLOWANCE);
  }
}
