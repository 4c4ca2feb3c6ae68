-- An administrator may cancel a running import: the user who asked, which the job's worker sees between two of
-- its rows (within a second) and ends the job FAILED, with what it imported kept; it stays part of the job.
ALTER TABLE import_job ADD COLUMN cancelled_by VARCHAR(200);
