-- The change feed keeps the changes of one write together: each change records the id of the first change its
-- transaction recorded (tx), and the feed numbers the waiting changes a transaction at a time, in the order in which
-- the transactions recorded their last changes (the nearest the database tells of their commits). Numbered by id
-- alone, a severance's event and the accreditation it ended were numbered with another write's changes between them.
-- Changes recorded before this migration have no tx: each is a transaction of its own.
ALTER TABLE change_log ADD COLUMN tx BIGINT;
