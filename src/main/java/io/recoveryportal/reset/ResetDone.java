package io.recoveryportal.reset;

import io.recoveryportal.i18n.Text;
import io.recoveryportal.lookup.DirectoryAccount;
import io.recoveryportal.recovery.Attempt;

/**
 * A credential step was made in the directory and recorded (a CDI event): the owner is told.
 * Recovery sends the reset notice with its "this wasn't me" link; activation tells the new hire and
 * their manager.
 *
 * @param what what changed, for the reader's language: "password", "sign-in methods (MFA)"
 */
public record ResetDone(long attemptId, Attempt.Kind kind, DirectoryAccount account, Text what) {}
