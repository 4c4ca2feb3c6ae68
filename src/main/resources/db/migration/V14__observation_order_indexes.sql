-- GET /api/observations sorted by a country: the country's index gives the order, with the id as
-- the last tie-breaker (after the other country and the year), read forwards or backwards. Without
-- the id the database sorted every observation of the COW data (310,000) for each page.
DROP INDEX ix_observation_sending;
CREATE INDEX ix_observation_sending ON observation (sending_country, receiving_country, observed_year, id);
DROP INDEX ix_observation_receiving;
CREATE INDEX ix_observation_receiving ON observation (receiving_country, sending_country, observed_year, id);
