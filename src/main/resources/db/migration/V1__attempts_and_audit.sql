-- Portable between H2 2.x and PostgreSQL 14+: standard types only.

-- One recovery, activation or helpdesk attempt. The raw attempt id lives only in the person's cookie;
-- the database keeps its SHA-256 so a stolen database cannot be used to resume anyone's attempt.
CREATE SEQUENCE attempt_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE attempt (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    id_hash             CHAR(64)     NOT NULL,
    kind                VARCHAR(20)  NOT NULL,
    state               VARCHAR(30)  NOT NULL,
    requested_action    VARCHAR(20)  NOT NULL,
    claimed_email       VARCHAR(254),
    directory_user_id   VARCHAR(64),
    incode_interview_id VARCHAR(128),
    incode_identity_id  VARCHAR(128),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT attempt_id_hash_uk UNIQUE (id_hash)
);
CREATE INDEX attempt_user_created_ix ON attempt (directory_user_id, created_at);
CREATE INDEX attempt_state_expires_ix ON attempt (state, expires_at);

-- Append-only trail of what happened and why. Holds object ids and reasons, never secrets, passwords,
-- passes or document data.
CREATE SEQUENCE audit_event_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE audit_event (
    id                BIGINT        NOT NULL PRIMARY KEY,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type        VARCHAR(60)   NOT NULL,
    actor             VARCHAR(200)  NOT NULL,
    attempt_id        BIGINT,
    directory_user_id VARCHAR(64),
    outcome           VARCHAR(40)   NOT NULL,
    detail            VARCHAR(2000)
);
CREATE INDEX audit_event_attempt_ix ON audit_event (attempt_id);
CREATE INDEX audit_event_user_time_ix ON audit_event (directory_user_id, occurred_at);
