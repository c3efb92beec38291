package io.recoveryportal.directory.graph;

import com.microsoft.graph.models.odataerrors.MainError;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import io.recoveryportal.lookup.DirectoryRefusedException;
import io.recoveryportal.lookup.DirectoryUnavailableException;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns what the Graph SDK throws into the directory ports' exceptions:
 * <ul>
 * <li>429 and 5xx (what is left after the SDK's retry handler has honoured Retry-After), an I/O failure or no
 * token: {@link DirectoryUnavailableException}, safe to retry later;</li>
 * <li>any other Graph error (403 Authorization_RequestDenied, 404, 400...): {@link DirectoryRefusedException}.</li>
 * </ul>
 * Messages name the operation, the status, Graph's error code and its request-id (what Microsoft support asks
 * for) and nothing else. Graph's own message can quote the account's id or UPN, so the SDK's exception is not
 * even kept as the cause; an I/O failure is, since it only speaks of sockets.
 */
final class GraphFailures {

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int FIRST_SERVER_ERROR = 500;

    /**
     * How Entra words its refusal of a password that fails the complexity or banned-password checks. Graph gives
     * it the generic code Request_BadRequest, so the message is the only way to tell it from other bad requests.
     */
    private static final Set<String> PASSWORD_POLICY_WORDING = Set.of(
            "does not comply with password complexity", "password complexity requirements");

    private GraphFailures() {
    }

    /** Runs one Graph request; every failure comes out as one of the ports' exceptions. */
    static <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw translate(operation, e);
        }
    }

    static void run(String operation, Runnable request) {
        call(operation, () -> {
            request.run();
            return null;
        });
    }

    /** The port's exception for a failure of {@code operation}; anything not from Graph is returned unchanged. */
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
                return new DirectoryUnavailableException("Microsoft Graph could not " + operation + " now: " + detail
                        + " (after the SDK's retries)", null);
            }
            return new DirectoryRefusedException("Microsoft Graph refused to " + operation + ": " + detail, status, code, requestId);
        }
        if (e instanceof GraphTokenException token) {
            return new DirectoryUnavailableException("Could not " + operation + ": no Microsoft Graph token ("
                    + token.errorCode() + ")", token);
        }
        IOException io = ioCause(e);
        if (io != null) {
            return new DirectoryUnavailableException("Could not reach Microsoft Graph to " + operation + ": "
                    + io.getClass().getSimpleName(), io);
        }
        return e;
    }

    /** The HTTP status of a Graph error, or 0 for anything else. */
    static int status(RuntimeException e) {
        return e instanceof ApiException api ? api.getResponseStatusCode() : 0;
    }

    /** Whether Entra refused a new password by its complexity or banned-password rules. */
    static boolean isPasswordPolicyRefusal(RuntimeException e) {
        if (status(e) != 400 || !(e instanceof ODataError o) || o.getError() == null || o.getError().getMessage() == null) {
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
        if (error != null && error.getInnerError() != null && error.getInnerError().getRequestId() != null) {
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
