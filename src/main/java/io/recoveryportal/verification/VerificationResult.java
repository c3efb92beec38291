package io.recoveryportal.verification;

import java.time.LocalDate;

/**
 * What the provider verified. {@code fullName}, {@code givenName} and {@code birthdate} come from
 * the document; {@code identityId} is stable per person (the login hint for a returning person),
 * {@code interviewId} names this session.
 */
public record VerificationResult(
    ProofingStatus status,
    String subject,
    String identityId,
    String interviewId,
    String fullName,
    String givenName,
    LocalDate birthdate,
    Double score) {

  @Override
  public String toString() {
    // names and birthdate are personal data: never in a log line
    return "VerificationResult[status=" + status + ", interviewId=" + interviewId + "]";
  }
}
