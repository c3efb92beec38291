package io.recoveryportal.helpdesk;

import io.recoveryportal.verification.ProofingUnavailableException;
import io.recoveryportal.verification.VerificationResult;
import java.net.URI;
import java.util.Optional;

/**
 * Verification sessions a helpdesk agent asks for on an employee's behalf (Incode's B2B API, seed
 * 000 option 02). Owned by the helpdesk; the Incode adapter implements it. The session's link is a
 * bearer secret of the employee's: it goes into their mailbox and nowhere else.
 */
public interface VerificationRequests {

  /** A new session: the id its webhooks and result carry, and the employee's link. */
  record Session(String interviewId, URI link) {

    @Override
    public String toString() {
      // the link lets whoever holds it verify in the employee's place: never in a log line
      return "Session[interviewId=" + interviewId + "]";
    }
  }

  /**
   * Asks for a new session for the employee {@code loginHint} names (their work email).
   *
   * @throws ProofingUnavailableException when the provider cannot be reached or refuses the request
   */
  Session requestNew(String loginHint);

  /**
   * What the provider verified in the session, once it is finished; empty while it is not.
   *
   * @throws ProofingUnavailableException when the provider cannot be asked now
   */
  Optional<VerificationResult> result(String interviewId);
}
