-- The missions of a country open on a day (API.md: country and openOn) in the list's order (by id): each side of the
-- country (sent, received) read from these indexes alone, the day's conditions on their opening and closing days
-- with it, where the page's ids and their count read each mission's row along the country's foreign-key index
-- (0.45 ms a request for the United States of the bench world on H2, 0.14 ms from these). A filter or sort by type,
-- city or status still reads the rows.
CREATE INDEX ix_mission_sending_open ON mission (sending_country, opened_on, closed_on, id);
CREATE INDEX ix_mission_receiving_open ON mission (receiving_country, opened_on, closed_on, id);
