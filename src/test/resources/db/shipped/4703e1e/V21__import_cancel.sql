-- An administrator may cancel a running import: the user who asked, kept until the job's worker sees it (between
-- two of its rows, within a second) and ends the job FAILED, with what it imported kept.
ALTER TABLE import_job ADD COLUMN cancelled_by VARCHAR(200);
