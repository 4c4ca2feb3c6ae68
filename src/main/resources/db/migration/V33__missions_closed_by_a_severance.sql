-- R11 undone: deleting a severance opens again the missions it closed as it was recorded. Which those are is kept
-- from now on; a mission closed before this release keeps its closing, and the severance it names stays undeletable
-- while it does (R20), as before.
ALTER TABLE mission ADD COLUMN closed_by_severance BOOLEAN DEFAULT FALSE NOT NULL;
