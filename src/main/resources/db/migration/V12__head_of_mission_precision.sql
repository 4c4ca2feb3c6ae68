-- API 1.1's fuzzy dates for heads of mission ("every dated fact … takes an optional datePrecision"):
-- how precisely the start and the end of a head's functions are known. started_on and ended_on
-- hold the first day of that period, as every other dated fact's date does. Heads recorded before
-- were recorded to the day.

ALTER TABLE head_of_mission ADD COLUMN started_precision VARCHAR(8);
ALTER TABLE head_of_mission ADD COLUMN ended_precision VARCHAR(8);
UPDATE head_of_mission SET started_precision = 'DAY';
UPDATE head_of_mission SET ended_precision = 'DAY' WHERE ended_on IS NOT NULL;
ALTER TABLE head_of_mission ALTER COLUMN started_precision SET NOT NULL;
