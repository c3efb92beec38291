-- Issue 16: the audit trail made tamper-evident, and shipped to a SIEM. Portable between H2 2.x and PostgreSQL 14+.
-- Numbered 16: V14 is the cluster branch's, V15 the typed audit trail's.

-- Each event's place in the one chain of the cluster, the hash of the event before it, and its own hash: SHA-256 over
-- a canonical form of its place, the previous hash and its columns (io.recoveryportal.audit.AuditChain). Existing
-- rows are chained by V20, in id order.
ALTER TABLE audit_event ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_event ADD COLUMN prev_hash CHAR(64);
ALTER TABLE audit_event ADD COLUMN event_hash CHAR(64);
CREATE UNIQUE INDEX audit_event_chain_uk ON audit_event (chain_seq);
CREATE INDEX audit_event_time_ix ON audit_event (occurred_at);
CREATE INDEX audit_event_type_time_ix ON audit_event (event_type, occurred_at);

-- The chain's head: the last event's place and hash. Every writer locks this one row (SELECT ... FOR UPDATE) in the
-- transaction that inserts its event, so the database orders the chain and two nodes cannot fork it. The anchor is
-- where what is kept begins: retention deletes whole verified segments from the start and moves the anchor to the last
-- pruned event's place and hash, so that what remains still verifies from a known hash.
CREATE TABLE audit_chain (
    id            INTEGER     NOT NULL PRIMARY KEY,
    last_seq      BIGINT      NOT NULL,
    last_hash     CHAR(64)    NOT NULL,
    anchor_seq    BIGINT      NOT NULL,
    anchor_hash   CHAR(64)    NOT NULL,
    pruned_at     TIMESTAMP WITH TIME ZONE
);
INSERT INTO audit_chain (id, last_seq, last_hash, anchor_seq, anchor_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0,
            '0000000000000000000000000000000000000000000000000000000000000000');

-- Delivery to a SIEM. The audit trail itself is the outbox's content (every event is written once, in its step's
-- transaction); this row keeps, per destination, how far delivery has got (the last chain_seq the SIEM accepted), the
-- lease of the node sending now, and the back-off after failures. Retention never prunes past last_seq.
CREATE TABLE audit_outbox (
    destination   VARCHAR(40)   NOT NULL PRIMARY KEY,
    last_seq      BIGINT        NOT NULL,
    leased_by     VARCHAR(200),
    leased_until_ms BIGINT      NOT NULL,
    failures      INTEGER       NOT NULL,
    next_try_ms   BIGINT        NOT NULL,
    last_error    VARCHAR(300),
    last_sent_at  TIMESTAMP WITH TIME ZONE
);
