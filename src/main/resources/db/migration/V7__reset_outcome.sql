-- Resets whose outcome was not known at once, and one reset at a time per account. Portable between H2 2.x and
-- PostgreSQL 14+.

-- When the portal last read the directory to learn how an interrupted reset write ended (no answer in time, a
-- dropped connection, a crash). Set while such an attempt stays RESETTING; kept when the attempt goes back to its
-- form, so the page can say the earlier try was not saved; cleared by the next claim.
ALTER TABLE attempt ADD COLUMN reset_checked_at TIMESTAMP WITH TIME ZONE;

-- The directory user of an attempt while it is RESETTING, else NULL. Unique, so two attempts for one account (two
-- tabs, two people, two nodes) cannot reset it at the same time: the second claim fails in the database. Both
-- databases let a unique index hold any number of NULLs.
ALTER TABLE attempt ADD COLUMN resetting_user_id VARCHAR(64);
CREATE UNIQUE INDEX attempt_resetting_user_ux ON attempt (resetting_user_id);

-- The reconciliation looks for attempts left RESETTING.
CREATE INDEX attempt_state_reset_ix ON attempt (state, reset_started_at);
