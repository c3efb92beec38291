-- Helpdesk-initiated verification (issue 6). Portable between H2 2.x and PostgreSQL 14+: standard types only.
-- V5 is the new-hire activation's; Flyway accepts the gap.

-- An agent's verification request: the agent's view of one HELPDESK attempt, with the time each status was reached.
-- The reset link is kept only as the SHA-256 of its token.
CREATE SEQUENCE helpdesk_request_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE helpdesk_request (
    id                    BIGINT       NOT NULL PRIMARY KEY,
    attempt_id            BIGINT       NOT NULL,
    agent_id              VARCHAR(64)  NOT NULL,
    agent_name            VARCHAR(200),
    ticket                VARCHAR(40),
    directory_user_id     VARCHAR(64)  NOT NULL,
    employee              VARCHAR(254) NOT NULL,
    interview_id          VARCHAR(128) NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    link_sent_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    in_progress_at        TIMESTAMP WITH TIME ZONE,
    pending_review_at     TIMESTAMP WITH TIME ZONE,
    succeeded_at          TIMESTAMP WITH TIME ZONE,
    failed_at             TIMESTAMP WITH TIME ZONE,
    problem               VARCHAR(200),
    reset_link_hash       CHAR(64),
    reset_link_sent_at    TIMESTAMP WITH TIME ZONE,
    reset_link_expires_at TIMESTAMP WITH TIME ZONE,
    reset_link_used_at    TIMESTAMP WITH TIME ZONE,
    version               BIGINT       NOT NULL,
    CONSTRAINT helpdesk_request_attempt_fk FOREIGN KEY (attempt_id) REFERENCES attempt (id),
    CONSTRAINT helpdesk_request_attempt_uk UNIQUE (attempt_id),
    CONSTRAINT helpdesk_request_interview_uk UNIQUE (interview_id),
    CONSTRAINT helpdesk_request_reset_link_uk UNIQUE (reset_link_hash)
);
CREATE INDEX helpdesk_request_agent_ix ON helpdesk_request (agent_id, link_sent_at);

-- Every authenticated Incode webhook notification, as received, once per natural key (interview, event, Incode's
-- timestamp; or the body's hash): retries and duplicates find their row instead of adding one.
CREATE SEQUENCE incode_webhook_event_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE incode_webhook_event (
    id           BIGINT         NOT NULL PRIMARY KEY,
    natural_key  CHAR(64)       NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type   VARCHAR(60),
    interview_id VARCHAR(128),
    event_time   TIMESTAMP WITH TIME ZONE,
    payload      VARCHAR(16000) NOT NULL,
    copies       INTEGER        NOT NULL,
    outcome      VARCHAR(30),
    processed_at TIMESTAMP WITH TIME ZONE,
    version      BIGINT         NOT NULL,
    CONSTRAINT incode_webhook_event_key_uk UNIQUE (natural_key)
);
CREATE INDEX incode_webhook_event_interview_ix ON incode_webhook_event (interview_id);

-- Bearer tokens the webhook token endpoint issued to Incode: SHA-256 only, short-lived.
CREATE SEQUENCE webhook_token_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE webhook_token (
    id         BIGINT   NOT NULL PRIMARY KEY,
    token_hash CHAR(64) NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webhook_token_hash_uk UNIQUE (token_hash)
);
CREATE INDEX webhook_token_expires_ix ON webhook_token (expires_at);
