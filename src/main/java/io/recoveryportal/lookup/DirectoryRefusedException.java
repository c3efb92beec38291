package io.recoveryportal.lookup;

/**
 * The directory understood a request and refused it: not permitted (403, for example a target
 * holding an administrator role that the portal's identity may not change), no such object, or not
 * valid. Unlike {@link DirectoryUnavailableException}, retrying will not help: the caller stops and
 * sends the person to a human.
 *
 * <p>Carries what an audit entry or a support case needs (HTTP status, the directory's error code
 * and its request id) and never personal data: the directory's own message may quote the account,
 * so it is not kept.
 */
public class DirectoryRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;
  private final String requestId;

  public DirectoryRefusedException(String message, int status, String errorCode, String requestId) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.requestId = requestId;
  }

  /** The HTTP status of the refusal: 400, 403, 404... */
  public int status() {
    return status;
  }

  /**
   * The directory's error code ({@code Authorization_RequestDenied}, {@code
   * Request_BadRequest}...), or null.
   */
  public String errorCode() {
    return errorCode;
  }

  /** The directory's id for the request, for a support case; null when it gave none. */
  public String requestId() {
    return requestId;
  }
}
