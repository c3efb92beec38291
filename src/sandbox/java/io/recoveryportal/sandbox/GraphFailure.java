package io.recoveryportal.sandbox;

/**
 * A Graph error answer, thrown anywhere below {@link GraphApi} and sent once, with Graph's error
 * body.
 */
final class GraphFailure extends RuntimeException {

  static final String INSUFFICIENT_PRIVILEGES =
      "Insufficient privileges to complete the operation.";

  private final int status;
  private final String code;

  GraphFailure(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  static GraphFailure badRequest(String message) {
    return new GraphFailure(400, "BadRequest", message);
  }

  static GraphFailure requestBadRequest(String message) {
    return new GraphFailure(400, "Request_BadRequest", message);
  }

  static GraphFailure forbidden() {
    return new GraphFailure(403, "Authorization_RequestDenied", INSUFFICIENT_PRIVILEGES);
  }

  static GraphFailure notFound(String resource) {
    return new GraphFailure(
        404,
        "Request_ResourceNotFound",
        "Resource '"
            + resource
            + "' does not exist or one of its queried reference-property objects are not present.");
  }

  static GraphFailure segmentNotFound(String segment) {
    return badRequest("Resource not found for the segment '" + segment + "'.");
  }

  static GraphFailure methodNotAllowed() {
    return new GraphFailure(
        405, "BadRequest", "Specified HTTP method is not allowed for the request target.");
  }

  /**
   * Something real Graph does that this sandbox does not: said plainly rather than imitated badly.
   */
  static GraphFailure notInSandbox(String what) {
    return new GraphFailure(501, "NotImplemented", "The sandbox does not implement " + what + ".");
  }
}
