package io.recoveryportal.audit;

/** Who did what an audit event records, by kind; stored by name. */
public enum ActorKind {
  /**
   * The person the attempt is about (an employee, a new hire, a helpdesk caller, an account owner
   * saying "this wasn't me").
   */
  PERSON,
  /** A member of staff signed in with Entra (a reviewer, an administrator, a helpdesk agent). */
  STAFF,
  /** The portal itself: a scheduled job, a notice, a result it fetched. */
  SYSTEM,
  /** Incode, through a session webhook the portal accepted. */
  INCODE_WEBHOOK
}
