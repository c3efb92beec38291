-- New-hire activation: invitations sent to a personal address with a single-use link. The link's token is
-- stored only as its SHA-256 hash. A resend supersedes the old row (its link stops working) and adds a new one,
-- so the history of who was sent what, when and by whom stays. Portable between H2 2.x and PostgreSQL 14+.
CREATE SEQUENCE invitation_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE invitation (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    token_hash          VARCHAR(64)  NOT NULL,
    directory_user_id   VARCHAR(64)  NOT NULL,
    user_principal_name VARCHAR(254) NOT NULL,
    personal_email      VARCHAR(254) NOT NULL,
    hire_date           TIMESTAMP WITH TIME ZONE,
    state               VARCHAR(20)  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(200) NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at            TIMESTAMP WITH TIME ZONE,
    attempt_id          BIGINT,
    version             BIGINT DEFAULT 0 NOT NULL
);
CREATE UNIQUE INDEX invitation_token_ux ON invitation (token_hash);
CREATE INDEX invitation_user_ix ON invitation (directory_user_id, state);
CREATE INDEX invitation_attempt_ix ON invitation (attempt_id);
