-- Issue 13: review cases become their own aggregate (review/ReviewCase), referring to their attempt by id, with their
-- decisions (review_decision rows now refer to the case). The attempt
-- keeps what is its own: its state and expiry, the verified names (in its proofing record), the case's reference (the
-- person's page and the helpdesk agent quote it), the mark of a sensitive account, when it was approved or denied
-- (carried over with an approval) and the staff member who asked for it. Portable between H2 2.x and PostgreSQL 14+.
-- Numbered 16 after V15 (the typed audit trail); the cluster branch adds V14.
CREATE SEQUENCE review_case_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE review_case (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    attempt_id         BIGINT       NOT NULL,
    reference          VARCHAR(20)  NOT NULL,
    reason             VARCHAR(30),
    reason_words       VARCHAR(200),
    high_risk          BOOLEAN      NOT NULL,
    opened_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by         VARCHAR(64),
    claimed_until      TIMESTAMP WITH TIME ZONE,
    decided_at         TIMESTAMP WITH TIME ZONE,
    sla_notified_at    TIMESTAMP WITH TIME ZONE,
    evidence_hash      VARCHAR(64),
    evidence_purged_at TIMESTAMP WITH TIME ZONE,
    version            BIGINT       NOT NULL,
    CONSTRAINT review_case_reference_uk UNIQUE (reference),
    CONSTRAINT review_case_attempt_uk UNIQUE (attempt_id)
);
CREATE INDEX review_case_opened_ix ON review_case (opened_at);
CREATE INDEX review_case_decided_ix ON review_case (decided_at);

-- Every attempt that became a case (only escalation sets a case reference; an approval carried over to a later
-- attempt does not) gives its case fields to a new row. A case from before V3 has no escalation time: its attempt's
-- last change stands in.
INSERT INTO review_case (id, attempt_id, reference, reason, reason_words, high_risk, opened_at, claimed_by, claimed_until,
        decided_at, sla_notified_at, evidence_hash, evidence_purged_at, version)
    SELECT nextval('review_case_seq'), id, case_reference, case_reason, escalation_reason, high_risk,
        COALESCE(escalated_at, updated_at), claimed_by, claimed_until, decided_at, sla_notified_at, evidence_hash,
        evidence_purged_at, 0
    FROM attempt WHERE case_reference IS NOT NULL;

-- A decision belongs to its case: review_decision refers to the case, no longer to the attempt.
ALTER TABLE review_decision ADD COLUMN case_id BIGINT;
UPDATE review_decision SET case_id = (SELECT r.id FROM review_case r WHERE r.attempt_id = review_decision.attempt_id);
ALTER TABLE review_decision ALTER COLUMN case_id SET NOT NULL;
DROP INDEX review_decision_attempt_ix;
ALTER TABLE review_decision DROP COLUMN attempt_id;
CREATE INDEX review_decision_case_ix ON review_decision (case_id);

DROP INDEX attempt_state_escalated_ix;
ALTER TABLE attempt DROP COLUMN escalation_reason;
ALTER TABLE attempt DROP COLUMN claimed_by;
ALTER TABLE attempt DROP COLUMN claimed_until;
ALTER TABLE attempt DROP COLUMN escalated_at;
ALTER TABLE attempt DROP COLUMN case_reason;
ALTER TABLE attempt DROP COLUMN sla_notified_at;
ALTER TABLE attempt DROP COLUMN evidence_hash;
ALTER TABLE attempt DROP COLUMN evidence_purged_at;
