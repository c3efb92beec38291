package io.recoveryportal.lookup;

/**
 * A write was sent to the directory but no answer says whether it was applied: the answer came too
 * late (a read timeout), the connection dropped after the request went out, or a gateway answered
 * 500, 502 or 504. The change may have happened, a moment ago or in a moment, so the caller must
 * read the directory before it tells anyone that nothing was changed. A kind of {@link
 * DirectoryUnavailableException}: retrying is still safe, since every write the portal makes gives
 * the same result when made twice.
 */
public class DirectoryOutcomeUnknownException extends DirectoryUnavailableException {

  private static final long serialVersionUID = 1L;

  public DirectoryOutcomeUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}
