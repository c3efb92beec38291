/**
 * The credential step an attempt earned: the reset port ({@link
 * io.recoveryportal.reset.AccountReset}, implemented by directory.graph), the reset service (a
 * password, or a Temporary Access Pass and the removal of methods; a new hire's activation), the
 * reconciliation of resets in doubt, and the local password policy. May use recovery (the attempt
 * and its store), lookup and config; it announces a finished step as a {@link
 * io.recoveryportal.reset.ResetDone} event and knows nothing of who listens.
 */
package io.recoveryportal.reset;
