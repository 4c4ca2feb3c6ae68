-- The missions of a country open on a day (API.md: country and openOn), each side of the country (sent, received)
-- read from these indexes alone, the day's conditions on their opening and closing days with it: the page's ids
-- and their count read each mission's row along the country's foreign-key index before (0.45 ms a request for the
-- United States of the bench world on H2, 0.14 ms from these).
CREATE INDEX ix_mission_sending_open ON mission (sending_country, opened_on, closed_on);
CREATE INDEX ix_mission_receiving_open ON mission (receiving_country, opened_on, closed_on);
