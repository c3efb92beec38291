package io.recoveryportal.recovery;

import io.recoveryportal.verification.VerificationResult;
import java.util.function.Consumer;

/**
 * What the verdict hands to manual review: a verification a reviewer must decide, and a returning
 * person's earlier approval. Owned here and implemented by the review capability, so that review
 * depends on the attempt and never the other way round. Each runs in one transaction with the
 * attempt's own move.
 */
public interface Escalations {

  /**
   * Opens a review case for the VERIFIED attempt behind {@code rawId} (→ ESCALATED), with {@code
   * proofed} applied and the document's names kept for the reviewer. Nothing happens when the
   * attempt is no longer VERIFIED.
   */
  void openCase(
      String rawId, Consumer<Attempt> proofed, VerificationResult result, Verdicts.Escalate why);

  /**
   * A person whose earlier case a reviewer approved, coming back and verified again as the same
   * Incode identity for the same account within the approval window, goes straight to the reset:
   * the approval moves to the VERIFIED attempt behind {@code rawId} (→ APPROVED, with {@code
   * proofed} applied) and the earlier attempt can no longer use it. False, with nothing changed,
   * when there is no such approval.
   */
  boolean carryOverApproval(
      String rawId, Attempt attempt, String identityId, Consumer<Attempt> proofed);
}
