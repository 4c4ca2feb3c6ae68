-- Fifty sources with long URLs do not fit in 20,000 characters; the diplomat and meeting tables
-- already use 1,000,000. SET DATA TYPE is accepted by both H2 and PostgreSQL.
ALTER TABLE relation_event ALTER COLUMN sources SET DATA TYPE VARCHAR(1000000);
ALTER TABLE mission ALTER COLUMN sources SET DATA TYPE VARCHAR(1000000);
ALTER TABLE head_of_mission ALTER COLUMN sources SET DATA TYPE VARCHAR(1000000);
ALTER TABLE milestone ALTER COLUMN sources SET DATA TYPE VARCHAR(1000000);
