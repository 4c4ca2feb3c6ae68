-- The change feed keeps the changes of one write together, in about the order the writes committed: a transaction
-- writes its changes just before it commits, each with the id of the first of them (tx), and the feed numbers the
-- waiting changes by tx, then id. Numbered by id alone, drawn as each change was made, a severance's event and the
-- accreditation it ended were numbered with another write's changes between them.
ALTER TABLE change_log ADD COLUMN tx BIGINT;
-- a change waiting from before this migration is a transaction of its own
UPDATE change_log SET tx = id WHERE seq IS NULL;
-- the changes not numbered yet (seq null), by tx and id
DROP INDEX ix_change_log_unsequenced;
CREATE INDEX ix_change_log_unsequenced ON change_log (seq, tx, id);
