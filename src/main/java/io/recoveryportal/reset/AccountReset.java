package io.recoveryportal.reset;

import java.time.Duration;
import java.util.List;

/**
 * The directory writes a recovery may make. Owned by the domain; the Graph adapter implements it.
 * Each call is one directory operation; the recovery flow decides when (at most once per attempt)
 * and in which order. Implementations throw {@link
 * io.recoveryportal.lookup.DirectoryUnavailableException} when the directory cannot answer, so the
 * caller can let the person retry safely, and its kind {@link
 * io.recoveryportal.lookup.DirectoryOutcomeUnknownException} when a write went out and no answer
 * says whether it was applied: the caller then reads ({@link #credentialState}, {@link #methods})
 * before it says anything.
 */
public interface AccountReset {

  /** Sets the password the person chose; Entra may still refuse it by its own policy. */
  PasswordChange setPassword(String objectId, String newPassword);

  /** The registered methods of the kinds the portal knows (never the password), read fresh. */
  List<SignInMethod> methods(String objectId);

  /**
   * Removes these methods, as {@link #methods} listed them, in the order the directory needs; a
   * method already gone counts as removed. Returns the kinds removed.
   */
  List<MethodKind> removeMethods(String objectId, List<SignInMethod> methods);

  /** Issues a Temporary Access Pass; the pass is in the result and nowhere else. */
  TemporaryAccessPass issueTemporaryAccessPass(
      String objectId, Duration lifetime, boolean usableOnce);

  /** Signs the account out of every session. */
  void revokeSessions(String objectId);

  /** Enables (new hire) or disables ("this wasn't me") the account. */
  void setEnabled(String objectId, boolean enabled);

  /** When the password last changed and whether the account is enabled, read fresh. */
  CredentialState credentialState(String objectId);
}
