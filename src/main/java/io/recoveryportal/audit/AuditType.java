package io.recoveryportal.audit;

/**
 * Every kind of event the audit trail records, stored by name. Before issue 13 the trail stored dotted words
 * ("reset.password", "alert.reported-not-me"); V15 turned each into its name here: upper case, dots and hyphens as
 * underscores.
 */
public enum AuditType {
    // self-service recovery
    RECOVERY_STARTED,
    /** started for an address self-service must not recover: a decoy, the reason in the detail */
    RECOVERY_STARTED_REFUSED,
    RECOVERY_DEVICE_REMEMBERED,
    RECOVERY_COMPLETED,
    // the identity check and the verdict
    VERIFICATION_CALLBACK,
    VERIFICATION_UNREACHABLE,
    VERIFICATION_INTERRUPTED,
    VERIFICATION_FAILED,
    VERIFICATION_REFUSED,
    VERIFICATION_RESULT_FETCHED,
    MATCHING_MATCHED,
    // the credential step
    RESET_CLAIMED,
    RESET_PASSWORD,
    RESET_MFA,
    RESET_MFA_DETAIL,
    RESET_MFA_REMOVE,
    RESET_PART_DONE,
    RESET_REVOKE_SESSIONS,
    RESET_CHECK,
    RESET_CHECK_STARTED,
    // notices and "this wasn't me"
    NOTIFICATION_SENT,
    NOTIFICATION_FAILED,
    NOTIFICATION_REVIEWERS_NEW_CASE,
    NOTIFICATION_REVIEWERS_OVERDUE,
    NOTIFICATION_EMPLOYEE_APPROVED,
    NOTIFICATION_EMPLOYEE_DENIED,
    NOTIFICATION_INVITATION,
    NOTIFICATION_ACTIVATED,
    NOTIFICATION_ACTIVATED_MANAGER,
    NOTIFICATION_ACTIVATION_APPROVED,
    NOTIFICATION_ACTIVATION_DENIED,
    NOTIFICATION_HELPDESK_LINK,
    NOTIFICATION_HELPDESK_RESET_LINK,
    ALERT_REPORTED_NOT_ME,
    // manual review
    REVIEW_CASE_OPENED,
    REVIEW_CASE_VIEWED,
    REVIEW_CASE_CLAIMED,
    REVIEW_DECISION,
    REVIEW_REFUSED,
    REVIEW_APPROVAL_CARRIED_OVER,
    REVIEW_SLA_BREACHED,
    REVIEW_EVIDENCE_PURGED,
    // new hires
    ACTIVATION_INVITED,
    ACTIVATION_INVITATION_RESENT,
    ACTIVATION_INVITATION_SUPERSEDED,
    ACTIVATION_INVITATION_REVOKED,
    ACTIVATION_SCAN_SKIPPED,
    ACTIVATION_REFUSED,
    ACTIVATION_STARTED,
    ACTIVATION_PASSWORD,
    ACTIVATION_MFA,
    ACTIVATION_ENABLED,
    ACTIVATION_COMPLETED,
    // helpdesk
    HELPDESK_LINK_SENT,
    HELPDESK_LIMITED,
    HELPDESK_REFUSED,
    HELPDESK_INCODE_UNAVAILABLE,
    HELPDESK_STATUS,
    HELPDESK_RESET_LINK_SENT,
    HELPDESK_RESET_LINK_OPENED,
    // staff sessions
    STAFF_SIGNED_IN,
    STAFF_SIGN_IN_FAILED,
    STAFF_SIGNED_OUT,
    // the cluster
    /** a node took a scheduled job's round ({@code cluster.JobLeases}): the job is the actor, the node the detail */
    JOB_RUN,

    // the audit trail itself (issue 16): auditors' reads and exports, chain checks, retention
    AUDIT_SEARCHED,
    AUDIT_EXPORTED,
    AUDIT_HISTORY_VIEWED,
    AUDIT_CHAIN_VERIFIED,
    AUDIT_PRUNED
}
