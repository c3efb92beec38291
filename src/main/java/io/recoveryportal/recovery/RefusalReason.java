package io.recoveryportal.recovery;

/**
 * Why no flow may verify an account on its own: self-service turns such an address into a decoy,
 * the helpdesk refuses it with the reason. Stored by name on the attempt; {@link Refusal} carries
 * the particulars for the audit trail.
 */
public enum RefusalReason {
  NO_ACCOUNT("no account"),
  SEVERAL_ACCOUNTS("several accounts"),
  ACCOUNT_DISABLED("account disabled"),
  DIRECTORY_ROLE("privileged: holds a directory role"),
  PROTECTED_GROUP("privileged: member of protected group"),
  /** Only a helpdesk agent can meet this one: the account is the agent's own. */
  OWN_ACCOUNT("own account");

  private final String words;

  RefusalReason(String words) {
    this.words = words;
  }

  /** The reason as the audit trail words it. */
  public String words() {
    return words;
  }

  /** Whether the account is refused for a privilege (a directory role or a protected group). */
  public boolean privileged() {
    return this == DIRECTORY_ROLE || this == PROTECTED_GROUP;
  }
}
