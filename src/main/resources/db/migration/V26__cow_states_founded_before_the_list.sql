-- The COW states whose first day in the COW state list is no founding day were created by the history's import
-- with that day as their startedOn, and R22 refused their earlier facts (Korea's treaties of 1882-83): the states the
-- list begins with on 1816-01-01, which existed before, and five whose first day there is their entry into the state
-- system (Hanover, Mecklenburg-Schwerin, Modena, Parma, Korea). The crosswalk now gives them no startedOn; a database
-- an earlier release loaded is mended the same way, where the day is still the one the import gave (an administrator's
-- own day is kept). Each change moves the country's version and is an UPDATED entry of the change feed, as a PUT is.
CREATE TABLE cow_start_mended (code VARCHAR(2) NOT NULL, alpha3 VARCHAR(3) NOT NULL, started_on DATE NOT NULL);
-- the states and the day the import gave them
INSERT INTO cow_start_mended (code, alpha3, started_on) VALUES
    ('XB', 'XBV', DATE '1816-01-01'),
    ('XD', 'XBD', DATE '1816-01-01'),
    ('XS', 'XSX', DATE '1816-01-01'),
    ('XW', 'XWT', DATE '1816-01-01'),
    ('XE', 'XHK', DATE '1816-01-01'),
    ('XG', 'XHD', DATE '1816-01-01'),
    ('XA', 'XAH', DATE '1816-01-01'),
    ('XP', 'XPS', DATE '1816-01-01'),
    ('XN', 'XTS', DATE '1816-01-01'),
    ('XT', 'XTU', DATE '1816-01-01'),
    ('XH', 'XHN', DATE '1837-06-20'),
    ('XM', 'XMS', DATE '1843-01-01'),
    ('XO', 'XMO', DATE '1842-01-01'),
    ('XR', 'XPA', DATE '1851-01-01'),
    ('XJ', 'XJO', DATE '1887-01-01');
-- those whose country is still that state with that day
DELETE FROM cow_start_mended WHERE NOT EXISTS (SELECT 1 FROM country
    WHERE country.code = cow_start_mended.code AND country.alpha3 = cow_start_mended.alpha3
      AND country.started_on = cow_start_mended.started_on);
INSERT INTO change_log (id, tx, recorded_at, user_name, action, kind, fact_id, countries)
SELECT n, n, CURRENT_TIMESTAMP, 'system', 'UPDATED', 'country', code, code
FROM (SELECT nextval('change_log_seq') AS n, code FROM cow_start_mended) mended;
UPDATE country SET started_on = NULL, version = version + 1 WHERE code IN (SELECT code FROM cow_start_mended);
DROP TABLE cow_start_mended;
