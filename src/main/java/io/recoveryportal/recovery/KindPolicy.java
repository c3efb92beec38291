package io.recoveryportal.recovery;

import io.recoveryportal.audit.Actor;
import io.recoveryportal.audit.AuditType;

/**
 * What differs between the kinds of attempt, in one place per kind: the defaults here are
 * self-service recovery's, and {@link ActivationPolicy} and {@link HelpdeskPolicy} say where a new
 * hire's activation and a helpdesk request part from it. Services and pages ask the attempt's
 * policy ({@link Attempt.Kind#policy()}) rather than compare kinds.
 */
public interface KindPolicy {

  /** Who the audit trail names for the person's own steps. */
  default Actor actor() {
    return Actor.person("employee");
  }

  /**
   * Whether the account must be enabled when the verification is judged: a recovery needs a working
   * account, while an activation needs one that is still disabled (one enabled meanwhile was
   * activated some other way).
   */
  default boolean needsEnabledAccount() {
    return true;
  }

  /**
   * The audit trail's words when the account is not (or no longer) in the state {@link
   * #needsEnabledAccount} asks.
   */
  default String accountChangedWords() {
    return "account gone or disabled since start";
  }

  /**
   * Whether a reviewer's earlier approval for the same person and account carries over to a new
   * attempt. Only a self-service recovery's: activation and helpdesk requests are each bound to
   * their own invitation or request.
   */
  default boolean carriesApprovalsOver() {
    return true;
  }

  /**
   * Whether the verification's result is fetched by the portal, server to server, rather than
   * brought back by the person's browser: the helpdesk's.
   */
  default boolean resultFetchedByPortal() {
    return false;
  }

  /**
   * Whether the credential step activates the account: it is enabled (after the password, or before
   * the day-one pass), it has no sessions to revoke and no methods to remove, and the new hire and
   * their manager are told instead of the owner getting a reset notice with a "this wasn't me"
   * link.
   */
  default boolean activatesAccount() {
    return false;
  }

  /** The audit type of the password step. */
  default AuditType passwordAuditType() {
    return AuditType.RESET_PASSWORD;
  }

  /** The audit type of the MFA step (for a new hire, the day-one pass). */
  default AuditType mfaAuditType() {
    return AuditType.RESET_MFA;
  }

  /** The audit type of the attempt's completion. */
  default AuditType completedAuditType() {
    return AuditType.RECOVERY_COMPLETED;
  }

  /**
   * The configuration keys of the Temporary Access Pass this kind issues ({@code
   * .lifetime-minutes}, {@code .usable-once}).
   */
  default String tapKeyPrefix() {
    return "recovery.tap";
  }

  /** How long that pass lasts when its key is not set. */
  default java.time.Duration defaultTapLifetime() {
    return java.time.Duration.ofMinutes(60);
  }

  /**
   * Whether the employee hears of a reviewer's decision by email (the helpdesk's caller hears it
   * from the agent).
   */
  default boolean employeeMailedOfDecision() {
    return true;
  }

  /** Whether a helpdesk agent follows the case on their request's page. */
  default boolean agentFollowsCase() {
    return false;
  }
}
