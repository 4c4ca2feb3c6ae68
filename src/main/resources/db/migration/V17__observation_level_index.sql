-- GET /api/observations sorted by level, or filtered by one: the level's index gives the order, with
-- the level's tie-breakers (the year, the countries, the id) after it. Without it the database sorted
-- every observation of the COW data (310,000) for each page of sort=level: seconds on H2.
CREATE INDEX ix_observation_level ON observation (observation_level, observed_year, sending_country, receiving_country, id);
