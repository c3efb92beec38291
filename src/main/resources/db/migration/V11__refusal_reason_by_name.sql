-- Issue 13: an attempt's refusal reason is an enum stored by name (RefusalReason), no longer the words of the eligibility
-- check, which were parsed back with startsWith. The particulars (how many accounts, which protected groups) stay in the
-- audit trail's "recovery.started.refused" event, where they always were. Portable between H2 2.x and PostgreSQL 14+.
-- Numbered 11: V1-V7 and V10 are main's, and V8/V9 are left to another branch.
UPDATE attempt SET refusal_reason = CASE
    WHEN refusal_reason = 'no account' THEN 'NO_ACCOUNT'
    WHEN refusal_reason LIKE 'several accounts%' THEN 'SEVERAL_ACCOUNTS'
    WHEN refusal_reason = 'account disabled' THEN 'ACCOUNT_DISABLED'
    WHEN refusal_reason LIKE 'privileged: holds a directory role%' THEN 'DIRECTORY_ROLE'
    WHEN refusal_reason LIKE 'privileged: member of protected group%' THEN 'PROTECTED_GROUP'
    WHEN refusal_reason = 'own account' THEN 'OWN_ACCOUNT'
    ELSE NULL
END
WHERE refusal_reason IS NOT NULL;
