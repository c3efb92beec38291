package io.recoveryportal.lookup;

/**
 * The directory could not answer now (throttled past the retry budget, unavailable, unreachable).
 * Safe to retry later.
 */
public class DirectoryUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DirectoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
