-- GET /api/observations filtered by a dataset: the dataset's index finds its rows and gives the order (the year,
-- the countries, the id after it), as the level's does for a level. Without it a page walked the year's index and
-- read every row to test its dataset (seconds for a deep page of the COW data), and a dataset named by mistake
-- read the whole table for an empty page.
CREATE INDEX ix_observation_dataset ON observation (dataset, observed_year, sending_country, receiving_country, id);
