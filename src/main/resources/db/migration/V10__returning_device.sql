-- Returning devices (issue 10, section 2). Portable between H2 2.x and PostgreSQL 14+: standard types only.
-- Numbered 10, not 7, so that migrations other branches add meanwhile (V7, V8, ...) keep their numbers; Flyway
-- accepts the gap.
--
-- A browser that completed a verification for an account holds a random token in its __Host-device cookie; this
-- table keeps only the token's SHA-256, the account and the Incode identity the verification proved, until the
-- re-verification window ends. Only that browser, typing an address of that account, is sent to face
-- re-authentication; for everyone else the authorization request carries the address as typed.
CREATE SEQUENCE returning_device_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE returning_device (
    id                BIGINT       NOT NULL PRIMARY KEY,
    token_hash        CHAR(64)     NOT NULL,
    directory_user_id VARCHAR(64)  NOT NULL,
    identity_id       VARCHAR(128) NOT NULL,
    attempt_id        BIGINT       NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT returning_device_token_uk UNIQUE (token_hash),
    CONSTRAINT returning_device_attempt_fk FOREIGN KEY (attempt_id) REFERENCES attempt (id)
);
CREATE INDEX returning_device_user_ix ON returning_device (directory_user_id);
CREATE INDEX returning_device_expiry_ix ON returning_device (expires_at);
