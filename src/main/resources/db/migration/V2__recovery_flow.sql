-- What the recovery flow keeps per attempt. Portable between H2 2.x and PostgreSQL 14+.

-- A decoy attempt runs for an address that must not be recovered by self-service (unknown, ambiguous,
-- disabled, privileged): it looks and times like a real one and always ends "we could not verify you".
ALTER TABLE attempt ADD COLUMN decoy BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE attempt ADD COLUMN refusal_reason VARCHAR(100);

-- The pending OpenID Connect request, single use: cleared when the callback is claimed.
ALTER TABLE attempt ADD COLUMN oidc_state_hash CHAR(64);
ALTER TABLE attempt ADD COLUMN oidc_nonce VARCHAR(128);
ALTER TABLE attempt ADD COLUMN pkce_verifier VARCHAR(128);

-- The outcome of verification and matching.
ALTER TABLE attempt ADD COLUMN proofing_status VARCHAR(20);
ALTER TABLE attempt ADD COLUMN match_outcome VARCHAR(10);
ALTER TABLE attempt ADD COLUMN match_rules VARCHAR(4000);
-- Personal data, kept only while a reviewer needs it (escalated attempts), then purged by retention.
ALTER TABLE attempt ADD COLUMN verified_full_name VARCHAR(300);
ALTER TABLE attempt ADD COLUMN verified_given_name VARCHAR(300);
ALTER TABLE attempt ADD COLUMN verified_birthdate DATE;

-- Which parts of the requested reset are done; a reset in flight is claimed by reset_started_at.
ALTER TABLE attempt ADD COLUMN password_done BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE attempt ADD COLUMN mfa_done BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE attempt ADD COLUMN reset_started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE attempt ADD COLUMN completed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE attempt ADD COLUMN case_reference VARCHAR(20);
CREATE UNIQUE INDEX attempt_case_reference_ux ON attempt (case_reference);

-- "This wasn't me" links sent with every reset notice: single use, expiring, stored as hashes.
CREATE SEQUENCE report_link_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE report_link (
    id                BIGINT       NOT NULL PRIMARY KEY,
    token_hash        CHAR(64)     NOT NULL,
    attempt_id        BIGINT       NOT NULL,
    directory_user_id VARCHAR(64)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at           TIMESTAMP WITH TIME ZONE,
    version           BIGINT       NOT NULL,
    CONSTRAINT report_link_token_uk UNIQUE (token_hash)
);
