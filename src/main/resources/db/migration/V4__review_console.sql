-- The reviewer console: what kind of reason opened a case (for the queue's filter), who escalated it (a helpdesk
-- agent may never decide their own escalation), when reviewers were told it is overdue, and what remains of the
-- evidence after retention. Portable between H2 2.x and PostgreSQL 14+.
ALTER TABLE attempt ADD COLUMN case_reason VARCHAR(30);
-- Incode's auth_overall_score, shown to the reviewer next to auth_overall_status.
ALTER TABLE attempt ADD COLUMN proofing_score DOUBLE PRECISION;
ALTER TABLE attempt ADD COLUMN escalated_by VARCHAR(64);
ALTER TABLE attempt ADD COLUMN sla_notified_at TIMESTAMP WITH TIME ZONE;
-- SHA-256 over the verified name, given name, birthdate and interview id, written when retention clears them.
ALTER TABLE attempt ADD COLUMN evidence_hash VARCHAR(64);
ALTER TABLE attempt ADD COLUMN evidence_purged_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX attempt_decided_ix ON attempt (decided_at);
