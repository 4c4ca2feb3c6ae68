-- How well each interval's `since` is known: the precision of the event that set the diplomatic status
-- (a relation established in 1960 is not established on 1 January 1960), for the relation list as of a day.
ALTER TABLE relation_interval ADD COLUMN since_precision VARCHAR(8);

-- the intervals written before: the precision of the pair's diplomatic event of that day (R1 allows one)
UPDATE relation_interval
SET since_precision = (SELECT e.date_precision
                       FROM relation_event e
                       WHERE e.relation_id = relation_interval.relation_id
                         AND e.event_date = relation_interval.since
                         AND e.type IN ('ESTABLISHED', 'SEVERED', 'RESTORED')
                       ORDER BY e.id DESC
                       FETCH FIRST 1 ROWS ONLY)
WHERE since IS NOT NULL;
