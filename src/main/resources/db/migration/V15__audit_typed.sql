-- Issue 13: the audit trail typed. Event types, outcomes and the actor's kind are enums stored by name (AuditType,
-- AuditOutcome, ActorKind). Portable between H2 2.x and PostgreSQL 14+.
-- Numbered 15: V11 is the highest on main, V12/V13 are left free, and the cluster branch adds V14.

-- "reset.password" becomes RESET_PASSWORD, "alert.reported-not-me" ALERT_REPORTED_NOT_ME. The outcomes were written as
-- names already (OK, REFUSED, OUTCOME_UNKNOWN, ...) and stay as they are.
UPDATE audit_event SET event_type = UPPER(REPLACE(REPLACE(event_type, '.', '_'), '-', '_'));

-- The actor was one word ("employee", "staff:<object id>", "system:sla", "portal"); it becomes a kind and, within the
-- kind, who exactly: a staff member's Entra object id, a person's role in the attempt, the portal's job.
ALTER TABLE audit_event ADD COLUMN actor_kind VARCHAR(20);
ALTER TABLE audit_event ADD COLUMN actor_id VARCHAR(64);
UPDATE audit_event SET
    actor_kind = CASE
        WHEN actor LIKE 'staff:%' THEN 'STAFF'
        WHEN actor IN ('employee', 'new-hire', 'helpdesk-caller', 'account-owner') THEN 'PERSON'
        WHEN actor = 'incode-webhook' THEN 'INCODE_WEBHOOK'
        ELSE 'SYSTEM'
    END,
    actor_id = CASE
        WHEN actor = 'staff:unknown' THEN NULL
        WHEN actor LIKE 'staff:%' THEN SUBSTRING(actor FROM 7 FOR 64)
        WHEN actor IN ('employee', 'new-hire', 'helpdesk-caller', 'account-owner') THEN actor
        WHEN actor = 'system' OR actor = 'incode-webhook' THEN NULL
        WHEN actor LIKE 'system:%' THEN SUBSTRING(actor FROM 8 FOR 64)
        ELSE SUBSTRING(actor FROM 1 FOR 64)
    END;
ALTER TABLE audit_event ALTER COLUMN actor_kind SET NOT NULL;
ALTER TABLE audit_event DROP COLUMN actor;
