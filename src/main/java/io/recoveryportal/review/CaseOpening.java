package io.recoveryportal.review;

import io.recoveryportal.audit.AuditOutcome;
import io.recoveryportal.audit.AuditType;
import io.recoveryportal.recovery.Attempt;
import io.recoveryportal.recovery.Attempt.State;
import io.recoveryportal.recovery.AttemptRepository;
import io.recoveryportal.recovery.AttemptStore;
import io.recoveryportal.recovery.Escalations;
import io.recoveryportal.recovery.RecoverySettings;
import io.recoveryportal.recovery.Verdicts;
import io.recoveryportal.verification.VerificationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a verification becomes a review case, and where a returning person's approval carries over:
 * the review side of the verdict ({@link Escalations}). Opening a case moves the attempt to
 * ESCALATED and writes its {@link ReviewCase} in one transaction; reviewers are told once it is
 * committed ({@link CaseOpened}).
 */
@ApplicationScoped
public class CaseOpening implements Escalations {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject AttemptStore store;

  @Inject AttemptRepository attempts;

  @Inject ReviewCases cases;

  @Inject RecoverySettings settings;

  @Inject Event<CaseOpened> opened;

  protected CaseOpening() {
    // for CDI
  }

  /**
   * For tests outside a container, on the caller's transaction; {@code opened} may be null (nobody
   * listens).
   */
  public CaseOpening(
      AttemptStore store,
      AttemptRepository attempts,
      ReviewCases cases,
      RecoverySettings settings,
      Event<CaseOpened> opened) {
    this.store = store;
    this.attempts = attempts;
    this.cases = cases;
    this.settings = settings;
    this.opened = opened;
  }

  /**
   * Four-eyes (two approvers) for the risky ones: Incode's own MANUAL_REVIEW, a birthdate that
   * differs (both say so in {@code why}), or an account in a sensitive group (marked on the attempt
   * at the start).
   */
  @Override
  public void openCase(
      String rawId, Consumer<Attempt> proofed, VerificationResult result, Verdicts.Escalate why) {
    String reference = reference();
    ReviewCase[] created = new ReviewCase[1];
    Optional<Attempt> escalated =
        store.transition(
            rawId,
            State.VERIFIED,
            State.ESCALATED,
            a -> {
              proofed.accept(a);
              a.keepEvidence(result.fullName(), result.givenName(), result.birthdate());
              Instant now = store.now();
              a.caseOpened(reference, now.plus(settings.caseLifetime()));
              created[0] =
                  cases.add(
                      new ReviewCase(
                          a.getId(),
                          reference,
                          why.reason(),
                          why.words(),
                          a.isHighRisk() || why.highRisk(),
                          now));
            },
            AuditType.REVIEW_CASE_OPENED,
            AuditOutcome.ESCALATED,
            why.words() + "; case " + reference);
    // committed: reviewers may now be told
    escalated.ifPresent(
        a -> {
          if (opened != null) {
            opened.fire(
                new CaseOpened(
                    a.getId(), reference, a.getKind(), why.reason(), created[0].isHighRisk()));
          }
        });
  }

  /**
   * Moves the approval and retires the earlier attempt (APPROVED → EXPIRED) in one transaction: it
   * is used once.
   */
  @Override
  @Transactional
  public boolean carryOverApproval(
      String rawId, Attempt attempt, String identityId, Consumer<Attempt> proofed) {
    Instant now = store.now();
    Optional<Attempt> current = store.find(rawId).filter(a -> a.getState() == State.VERIFIED);
    Optional<Attempt> earlier =
        attempts
            .approvedFor(
                attempt.getDirectoryUserId(), identityId, now.minus(settings.approvalWindow()), now)
            .filter(e -> current.isPresent() && !e.getId().equals(current.get().getId()));
    if (earlier.isEmpty()) {
      return false;
    }
    Attempt a = current.get();
    Attempt e = earlier.get();
    e.moveTo(State.APPROVED, State.EXPIRED, now);
    store.audit(
        e,
        AuditType.REVIEW_APPROVAL_CARRIED_OVER,
        AuditOutcome.SUPERSEDED,
        "approval of case " + e.getCaseReference() + " moved to attempt " + a.getId());
    a.moveTo(State.VERIFIED, State.APPROVED, now);
    proofed.accept(a);
    // the approval keeps its own time and window: coming back again does not extend it
    a.decided(e.getDecidedAt());
    a.extendUntil(e.getExpiresAt());
    store.audit(
        a,
        AuditType.REVIEW_APPROVAL_CARRIED_OVER,
        AuditOutcome.APPROVED,
        "same identity and account as approved case " + e.getCaseReference());
    store.flush();
    return true;
  }

  /**
   * A short reference a person can read out on the phone: "RC-" and 8 characters without
   * look-alikes.
   */
  static String reference() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder b = new StringBuilder("RC-");
    for (int i = 0; i < 8; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
