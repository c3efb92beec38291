package io.recoveryportal.recovery;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.matching.MatchResult;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.security.OpaqueTokens;
import io.recoveryportal.verification.IdentityProofing;
import io.recoveryportal.verification.PendingVerification;
import io.recoveryportal.verification.VerificationFailedException;
import io.recoveryportal.verification.VerificationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;

/**
 * The employee's recovery after Incode sent them back: the callback claims the attempt (so a
 * replayed or concurrent callback finds nothing to do), completes the verification with Incode, and
 * hands the result to {@link Judging}. The start is {@link RecoveryStart}. No directory write
 * happens here.
 */
@ApplicationScoped
public class RecoveryService {

  @Inject AttemptStore store;

  @Inject IdentityProofing proofing;

  @Inject Judging judging;

  /**
   * Where the person goes after Incode sent them back. RETRY: Incode could not be reached before it
   * took the code, and the same callback may be completed again ({@link #retry}); UNAVAILABLE:
   * Incode failed after that, the attempt is INTERRUPTED and the person starts again.
   */
  public enum Verdict {
    MATCHED,
    APPROVED,
    ESCALATED,
    FAILED,
    CANCELLED,
    INVALID,
    UNAVAILABLE,
    RETRY
  }

  /**
   * Handles Incode's callback for the attempt in the cookie. The attempt is claimed first
   * (VERIFYING → VERIFIED, the pending secrets taken and erased) so a replayed or concurrent
   * callback finds nothing to do and the code is exchanged at most once.
   */
  public Verdict complete(String rawAttemptId, URI callback) {
    return complete(rawAttemptId, callback, false);
  }

  /**
   * The person's "Try again" after {@link Verdict#RETRY}: the same callback once more. A code
   * Incode now refuses (expired meanwhile, or taken after all by the request that failed)
   * interrupts the attempt instead of failing the person's verification.
   */
  public Verdict retry(String rawAttemptId, URI callback) {
    return complete(rawAttemptId, callback, true);
  }

  private Verdict complete(String rawAttemptId, URI callback, boolean retry) {
    PendingVerification[] pending = new PendingVerification[1];
    String state = proofing.callbackState(callback).orElse(null);
    Optional<Attempt> claimed;
    try {
      claimed =
          store.transition(
              rawAttemptId,
              State.VERIFYING,
              State.VERIFIED,
              a -> {
                PendingRequest awaited = a.pending().orElse(null);
                pending[0] =
                    awaited == null
                        ? new PendingVerification(null, "", null, null)
                        : new PendingVerification(
                            null,
                            stateMatches(awaited, state) ? state : "",
                            awaited.nonce(),
                            awaited.codeVerifier());
                a.forgetPendingRequest();
              },
              AuditType.VERIFICATION_CALLBACK,
              retry ? AuditOutcome.RETRY : AuditOutcome.OK,
              null);
    } catch (AttemptStore.ConcurrentStepException e) {
      return Verdict.INVALID;
    }
    if (claimed.isEmpty()) {
      return Verdict.INVALID;
    }
    VerificationResult result;
    try {
      result = proofing.complete(callback, pending[0]);
    } catch (VerificationFailedException e) {
      return failed(rawAttemptId, pending[0], e, retry);
    }
    return judging.judge(rawAttemptId, claimed.get(), result);
  }

  private Verdict failed(
      String rawAttemptId,
      PendingVerification pending,
      VerificationFailedException e,
      boolean retry) {
    VerificationFailedException.Reason reason = e.reason();
    if (reason == VerificationFailedException.Reason.NOT_REDEEMED) {
      // Incode never took the code: the attempt awaits the same callback again, with the same
      // pending request
      // (the state matched, or the relying party would have refused the callback before reaching
      // Incode)
      Optional<Attempt> waiting =
          store.transition(
              rawAttemptId,
              State.VERIFIED,
              State.VERIFYING,
              a ->
                  a.awaitCallback(
                      OpaqueTokens.hash(pending.state()), pending.nonce(), pending.codeVerifier()),
              AuditType.VERIFICATION_UNREACHABLE,
              AuditOutcome.of(reason),
              e.getMessage());
      return waiting.isPresent() ? Verdict.RETRY : Verdict.INVALID;
    }
    boolean cancelled = reason == VerificationFailedException.Reason.CANCELLED;
    boolean interrupted =
        reason == VerificationFailedException.Reason.UNAVAILABLE
            || reason == VerificationFailedException.Reason.TIMEOUT
            || retry && reason == VerificationFailedException.Reason.CODE_REJECTED;
    store.transition(
        rawAttemptId,
        State.VERIFIED,
        cancelled ? State.CANCELLED : interrupted ? State.INTERRUPTED : State.FAILED,
        a -> {},
        interrupted ? AuditType.VERIFICATION_INTERRUPTED : AuditType.VERIFICATION_FAILED,
        AuditOutcome.of(reason),
        e.getMessage());
    return cancelled ? Verdict.CANCELLED : interrupted ? Verdict.UNAVAILABLE : Verdict.FAILED;
  }

  static CaseReason reasonOf(MatchResult match, boolean birthdateDiffers) {
    return Verdicts.reasonOf(match, birthdateDiffers);
  }

  private static boolean stateMatches(PendingRequest awaited, String state) {
    return state != null
        && java.security.MessageDigest.isEqual(
            OpaqueTokens.hash(state).getBytes(), awaited.stateHash().getBytes());
  }
}
