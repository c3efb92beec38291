-- Issue 13: the matcher's rule outcomes kept for reviewers are rows (recovery/MatchRule, an element collection of the
-- attempt), no longer text lines cut at 4,000 characters and parsed back. V18 (a Java migration: SQL cannot split the
-- old lines portably) moves the existing text here and drops attempt.match_rules. Portable between H2 2.x and PostgreSQL 14+.
CREATE TABLE match_rule (
    attempt_id  BIGINT        NOT NULL,
    position    INTEGER       NOT NULL,
    rule        VARCHAR(40)   NOT NULL,
    status      VARCHAR(10)   NOT NULL,
    explanation VARCHAR(1000) NOT NULL,
    CONSTRAINT match_rule_pk PRIMARY KEY (attempt_id, position)
);
