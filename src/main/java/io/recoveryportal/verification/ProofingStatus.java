package io.recoveryportal.verification;

/** The provider's overall verdict. Anything the portal does not recognise is FAIL. */
public enum ProofingStatus {
  OK,
  MANUAL_REVIEW,
  FAIL
}
