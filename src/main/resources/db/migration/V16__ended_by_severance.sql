-- R20 for the effects of R11 that no mission's closing records: a diplomatic accreditation, or a head of a
-- mission not yet open, that a severance ends says so, so that the severance is not deleted from under it.
-- What the severances recorded before this migration ended is not marked: an end on the day of a severance
-- cannot tell R11's doing from an end recorded by hand that day, and marking the latter would forbid
-- deleting a severance that nothing relies on.
ALTER TABLE accreditation ADD COLUMN ended_by_severance BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE head_of_mission ADD COLUMN ended_by_severance BOOLEAN DEFAULT FALSE NOT NULL;
