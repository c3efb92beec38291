package io.recoveryportal.reset;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The directory writes a recovery may make. Owned by the domain; the Graph adapter implements it. Each call is
 * one directory operation; the recovery flow decides when (at most once per attempt) and in which order.
 * Implementations throw {@link io.recoveryportal.lookup.DirectoryUnavailableException} when the directory cannot
 * answer, so the caller can let the person retry safely.
 */
public interface AccountReset {

    /** Sets the password the person chose; Entra may still refuse it by its own policy. */
    PasswordChange setPassword(String objectId, String newPassword);

    /** Removes every registered method of the given kinds (never the password); returns what was removed. */
    List<MethodKind> removeMethods(String objectId, Set<MethodKind> kinds);

    /** Issues a Temporary Access Pass; the pass is in the result and nowhere else. */
    TemporaryAccessPass issueTemporaryAccessPass(String objectId, Duration lifetime, boolean usableOnce);

    /** Signs the account out of every session. */
    void revokeSessions(String objectId);

    /** Enables (new hire) or disables ("this wasn't me") the account. */
    void setEnabled(String objectId, boolean enabled);
}
