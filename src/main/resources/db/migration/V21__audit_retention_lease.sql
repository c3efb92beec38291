-- Audit retention runs once per cluster per interval, like the other scheduled jobs (V14): its lease row.
INSERT INTO job_lease (job, next_run_ms) VALUES ('audit-retention', 0);
