-- The scheduled jobs run once per cluster per interval: before a round, a node moves the job's next_run_ms forward
-- with one conditional UPDATE (JobLeases), and only the node whose UPDATE changed the row runs the round. Times are
-- epoch milliseconds by the nodes' clocks. Portable between H2 2.x and PostgreSQL 14+. Numbered after the issue
-- (14), leaving V8 to V13 to branches written at the same time.
CREATE TABLE job_lease (
    job          VARCHAR(60)  NOT NULL PRIMARY KEY,
    next_run_ms  BIGINT       NOT NULL,
    last_node    VARCHAR(200),
    last_run_ms  BIGINT
);
INSERT INTO job_lease (job, next_run_ms) VALUES ('review-housekeeping', 0);
INSERT INTO job_lease (job, next_run_ms) VALUES ('invitation-scan', 0);
INSERT INTO job_lease (job, next_run_ms) VALUES ('reset-reconciliation', 0);
