package io.recoveryportal.audit;

/**
 * How the step an audit event records came out, stored by name (the names the trail always wrote,
 * so no row needed changing). Some mirror another package's enum, named where they are written: a
 * verification's failure reason (VerificationFailedException.Reason), a staff sign-in's
 * (StaffSignInException.Reason), a helpdesk request's status and a reviewer's decision; {@code
 * AuditOutcomeTest} checks that each of those values is here.
 */
public enum AuditOutcome {
  // general
  OK,
  ERROR,
  REFUSED,
  UNAVAILABLE,
  LIMITED,
  BUSY,
  PARTIAL,
  // the identity check and the verdict
  RETRY,
  FAIL,
  MATCH,
  ESCALATED,
  CANCELLED,
  PROVIDER_ERROR,
  STATE_MISMATCH,
  ISSUER_MISMATCH,
  CODE_REJECTED,
  TOKEN_INVALID,
  USERINFO_MISMATCH,
  TIMEOUT,
  NOT_REDEEMED,
  // the credential step
  OUTCOME_UNKNOWN,
  IN_DOUBT,
  REFUSED_BY_DIRECTORY,
  INTERRUPTED,
  NOT_CHANGED,
  // review
  APPROVED,
  AWAITING_SECOND_APPROVAL,
  DENIED,
  SUPERSEDED,
  NOTIFIED,
  // "this wasn't me"
  ALERT,
  PURGED,
  // new hires
  REVOKED,
  // helpdesk request statuses
  LINK_SENT,
  IN_PROGRESS,
  PENDING_REVIEW,
  SUCCESS,
  FAILED,
  // staff sessions
  WRONG_TENANT,
  NO_ROLE,
  SIGNED_OUT,
  IDLE_TIMEOUT,
  ABSOLUTE_TIMEOUT;

  /** The outcome of the same name as a value of another package's enum (see the class comment). */
  public static AuditOutcome of(Enum<?> value) {
    return valueOf(value.name());
  }
}
