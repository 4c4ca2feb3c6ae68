-- The COW states whose first day in the COW state list is no founding day were created by the history's import
-- with that day as their startedOn, and R22 refused their earlier facts (Korea's treaties of 1882-83): the states the
-- list begins with on 1816-01-01, which existed before, and five whose first day there is their entry into the state
-- system (Hanover, Mecklenburg-Schwerin, Modena, Parma, Korea). The crosswalk now gives them no startedOn; a database
-- an earlier release loaded is mended the same way, where the day is still the one the import gave (an administrator's
-- own day is kept). Each change moves the country's version and is an UPDATED entry of the change feed, as a PUT is.
INSERT INTO change_log (id, tx, recorded_at, user_name, action, kind, fact_id, countries)
SELECT n, n, CURRENT_TIMESTAMP, 'system', 'UPDATED', 'country', code, code
FROM (SELECT nextval('change_log_seq') AS n, code FROM country
      WHERE (code = 'XB' AND alpha3 = 'XBV' AND started_on = DATE '1816-01-01') OR
      (code = 'XD' AND alpha3 = 'XBD' AND started_on = DATE '1816-01-01') OR
      (code = 'XS' AND alpha3 = 'XSX' AND started_on = DATE '1816-01-01') OR
      (code = 'XW' AND alpha3 = 'XWT' AND started_on = DATE '1816-01-01') OR
      (code = 'XE' AND alpha3 = 'XHK' AND started_on = DATE '1816-01-01') OR
      (code = 'XG' AND alpha3 = 'XHD' AND started_on = DATE '1816-01-01') OR
      (code = 'XA' AND alpha3 = 'XAH' AND started_on = DATE '1816-01-01') OR
      (code = 'XP' AND alpha3 = 'XPS' AND started_on = DATE '1816-01-01') OR
      (code = 'XN' AND alpha3 = 'XTS' AND started_on = DATE '1816-01-01') OR
      (code = 'XT' AND alpha3 = 'XTU' AND started_on = DATE '1816-01-01') OR
      (code = 'XH' AND alpha3 = 'XHN' AND started_on = DATE '1837-06-20') OR
      (code = 'XM' AND alpha3 = 'XMS' AND started_on = DATE '1843-01-01') OR
      (code = 'XO' AND alpha3 = 'XMO' AND started_on = DATE '1842-01-01') OR
      (code = 'XR' AND alpha3 = 'XPA' AND started_on = DATE '1851-01-01') OR
      (code = 'XJ' AND alpha3 = 'XJO' AND started_on = DATE '1887-01-01')) mended;
UPDATE country SET started_on = NULL, version = version + 1
WHERE (code = 'XB' AND alpha3 = 'XBV' AND started_on = DATE '1816-01-01') OR
      (code = 'XD' AND alpha3 = 'XBD' AND started_on = DATE '1816-01-01') OR
      (code = 'XS' AND alpha3 = 'XSX' AND started_on = DATE '1816-01-01') OR
      (code = 'XW' AND alpha3 = 'XWT' AND started_on = DATE '1816-01-01') OR
      (code = 'XE' AND alpha3 = 'XHK' AND started_on = DATE '1816-01-01') OR
      (code = 'XG' AND alpha3 = 'XHD' AND started_on = DATE '1816-01-01') OR
      (code = 'XA' AND alpha3 = 'XAH' AND started_on = DATE '1816-01-01') OR
      (code = 'XP' AND alpha3 = 'XPS' AND started_on = DATE '1816-01-01') OR
      (code = 'XN' AND alpha3 = 'XTS' AND started_on = DATE '1816-01-01') OR
      (code = 'XT' AND alpha3 = 'XTU' AND started_on = DATE '1816-01-01') OR
      (code = 'XH' AND alpha3 = 'XHN' AND started_on = DATE '1837-06-20') OR
      (code = 'XM' AND alpha3 = 'XMS' AND started_on = DATE '1843-01-01') OR
      (code = 'XO' AND alpha3 = 'XMO' AND started_on = DATE '1842-01-01') OR
      (code = 'XR' AND alpha3 = 'XPA' AND started_on = DATE '1851-01-01') OR
      (code = 'XJ' AND alpha3 = 'XJO' AND started_on = DATE '1887-01-01');
