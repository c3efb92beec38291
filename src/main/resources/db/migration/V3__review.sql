-- Manual review of escalated attempts: who holds a case, why it was escalated, how risky it is, and every
-- decision made on it. Portable between H2 2.x and PostgreSQL 14+.
ALTER TABLE attempt ADD COLUMN escalation_reason VARCHAR(200);
ALTER TABLE attempt ADD COLUMN high_risk BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE attempt ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE attempt ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE attempt ADD COLUMN escalated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE attempt ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX attempt_state_escalated_ix ON attempt (state, escalated_at);

-- One row per decision; a four-eyes approval has two. Kept after the evidence is purged.
CREATE SEQUENCE review_decision_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE review_decision (
    id            BIGINT       NOT NULL PRIMARY KEY,
    attempt_id    BIGINT       NOT NULL,
    reviewer_id   VARCHAR(64)  NOT NULL,
    reviewer_name VARCHAR(200) NOT NULL,
    senior        BOOLEAN      NOT NULL,
    decision      VARCHAR(10)  NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    decided_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX review_decision_attempt_ix ON review_decision (attempt_id);
