-- R8 undone: deleting an embassy recorded by mistake opens again the missions its opening superseded, and the heads
-- their closing ended serve again. Which missions an opening closed itself, and which heads it ended, is kept from
-- now on; a closing recorded with the reason SUPERSEDED (opened with its closing, imported, or superseded before this
-- release) keeps it, and the embassy it names cannot be deleted while it does.
ALTER TABLE mission ADD COLUMN closed_by_supersession BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE head_of_mission ADD COLUMN ended_by_supersession BOOLEAN DEFAULT FALSE NOT NULL;
