package io.recoveryportal.directory.graph;

import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import io.recoveryportal.lookup.DirectoryOutcomeUnknownException;
import io.recoveryportal.lookup.DirectoryRefusedException;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what the Graph SDK throws into the directory ports' exceptions:
 *
 * <ul>
 *   <li>429 and 5xx (what is left after the SDK's retry handler has honoured Retry-After), an I/O
 *       failure or no token: {@link DirectoryUnavailableException}, safe to retry later;
 *   <li>any other Graph error (403 Authorization_RequestDenied, 404, 400...): {@link
 *       DirectoryRefusedException}.
 * </ul>
 *
 * A write ({@link #write}, {@link #translateWrite}) is told apart further: when the request may
 * have reached Graph and no answer says what became of it (a read timeout, a connection dropped
 * after sending, 500, 502 or 504), the failure is a {@link DirectoryOutcomeUnknownException}, so
 * that nobody is told "nothing was changed" unread. 429 and 503 are Graph's "not processed, come
 * back later"; a refused or failed connection, no token, or the portal's own pacing queue being
 * full mean the request never left. Messages name the operation, the status, Graph's error code and
 * its request-id (what Microsoft support asks for) and nothing else. Graph's own message can quote
 * the account's id or UPN, so the SDK's exception is not even kept as the cause; an I/O failure is,
 * since it only speaks of sockets.
 */
final class GraphFailures {

  private static final int TOO_MANY_REQUESTS = 429;
  private static final int FIRST_SERVER_ERROR = 500;
  private static final int SERVICE_UNAVAILABLE = 503;

  /** I/O failures that happen before a request is sent: it cannot have been applied. */
  private static final java.util.List<Class<? extends IOException>> NEVER_SENT =
      java.util.List.of(
          ConnectException.class,
          NoRouteToHostException.class,
          UnknownHostException.class,
          SSLHandshakeException.class,
          GraphBudget.QueueFull.class);

  /**
   * How Entra words its refusal of a password that fails the complexity or banned-password checks.
   * Graph gives it the generic code Request_BadRequest, so the message is the only way to tell it
   * from other bad requests.
   */
  private static final Set<String> PASSWORD_POLICY_WORDING =
      Set.of("does not comply with password complexity", "password complexity requirements");

  private GraphFailures() {}

  /** Runs one Graph request; every failure comes out as one of the ports' exceptions. */
  static <T> T call(String operation, Supplier<T> request) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      throw translate(operation, e);
    }
  }

  static void run(String operation, Runnable request) {
    call(
        operation,
        () -> {
          request.run();
          return null;
        });
  }

  /**
   * Runs one Graph write; a failure that leaves its outcome unknown is a {@link
   * DirectoryOutcomeUnknownException}.
   */
  static <T> T write(String operation, Supplier<T> request) {
    try {
      return request.get();
    } catch (RuntimeException e) {
      throw translateWrite(operation, e);
    }
  }

  static void writeRun(String operation, Runnable request) {
    write(
        operation,
        () -> {
          request.run();
          return null;
        });
  }

  /**
   * As {@link #translate}, and a write that may have been applied becomes a {@link
   * DirectoryOutcomeUnknownException}.
   */
  static RuntimeException translateWrite(String operation, RuntimeException e) {
    RuntimeException translated = translate(operation, e);
    if (translated instanceof DirectoryUnavailableException && outcomeUnknown(e)) {
      return new DirectoryOutcomeUnknownException(
          "The change may have been made: " + translated.getMessage(), translated.getCause());
    }
    return translated;
  }

  /** Whether the request may have reached Graph without an answer saying what became of it. */
  private static boolean outcomeUnknown(RuntimeException e) {
    if (e instanceof ApiException api) {
      int status = api.getResponseStatusCode();
      return status >= FIRST_SERVER_ERROR && status != SERVICE_UNAVAILABLE;
    }
    if (e instanceof GraphTokenException) {
      return false;
    }
    IOException io = ioCause(e);
    return io != null && NEVER_SENT.stream().noneMatch(c -> c.isInstance(io));
  }

  /**
   * The port's exception for a failure of {@code operation}; anything not from Graph is returned
   * unchanged.
   */
  static RuntimeException translate(String operation, RuntimeException e) {
    if (e instanceof DirectoryUnavailableException || e instanceof DirectoryRefusedException) {
      return e;
    }
    if (e instanceof ApiException api) {
      int status = api.getResponseStatusCode();
      String code = errorCode(api);
      String requestId = requestId(api);
      String detail = status + (code == null ? "" : " " + code) + ", request-id " + requestId;
      if (status == TOO_MANY_REQUESTS || status >= FIRST_SERVER_ERROR) {
        return new DirectoryUnavailableException(
            "Microsoft Graph could not "
                + operation
                + " now: "
                + detail
                + " (after the SDK's retries)",
            null);
      }
      return new DirectoryRefusedException(
          "Microsoft Graph refused to " + operation + ": " + detail, status, code, requestId);
    }
    if (e instanceof GraphTokenException token) {
      return new DirectoryUnavailableException(
          "Could not " + operation + ": no Microsoft Graph token (" + token.errorCode() + ")",
          token);
    }
    IOException io = ioCause(e);
    if (io != null) {
      return new DirectoryUnavailableException(
          "Could not reach Microsoft Graph to " + operation + ": " + io.getClass().getSimpleName(),
          io);
    }
    return e;
  }

  /** The HTTP status of a Graph error, or 0 for anything else. */
  static int status(RuntimeException e) {
    return e instanceof ApiException api ? api.getResponseStatusCode() : 0;
  }

  /** Whether Entra refused a new password by its complexity or banned-password rules. */
  static boolean isPasswordPolicyRefusal(RuntimeException e) {
    if (status(e) != 400
        || !(e instanceof ODataError o)
        || o.getError() == null
        || o.getError().getMessage() == null) {
      return false;
    }
    String message = o.getError().getMessage().toLowerCase(Locale.ROOT);
    return PASSWORD_POLICY_WORDING.stream().anyMatch(message::contains);
  }

  private static String errorCode(ApiException e) {
    MainError error = e instanceof ODataError o ? o.getError() : null;
    return error == null ? null : error.getCode();
  }

  /** From Graph's error body, else from its response header; Graph sends both. */
  private static String requestId(ApiException e) {
    MainError error = e instanceof ODataError o ? o.getError() : null;
    if (error != null
        && error.getInnerError() != null
        && error.getInnerError().getRequestId() != null) {
      return error.getInnerError().getRequestId();
    }
    if (e.getResponseHeaders() != null) {
      Set<String> values = e.getResponseHeaders().get("request-id");
      if (values != null && !values.isEmpty()) {
        return values.iterator().next();
      }
    }
    return "(none)";
  }

  /** The SDK wraps a network failure in a plain RuntimeException. */
  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }
}
