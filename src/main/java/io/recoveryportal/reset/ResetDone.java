package io.recoveryportal.reset;

import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.recovery.Attempt;

/**
 * A credential step was made in the directory and recorded (a CDI event): the owner is told. Recovery sends the
 * reset notice with its "this wasn't me" link; activation tells the new hire and their manager.
 *
 * @param what the words for what changed: "password", "sign-in methods (MFA)"
 */
public record ResetDone(long attemptId, Attempt.Kind kind, DirectoryAccount account, String what) {
}
