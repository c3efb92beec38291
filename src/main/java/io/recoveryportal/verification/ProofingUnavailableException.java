package io.recoveryportal.verification;

/**
 * A verification cannot be started now: the provider cannot be reached or its configuration is
 * refused. Safe to retry later; the person should be told to try again or use the helpdesk path.
 */
public class ProofingUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProofingUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
