-- V19 and V20 mended missions and milestones after the change feed (V11) existed, but wrote no entry of it: a client
-- that keeps a copy in step through the feed kept those facts as they were before. The rows they may have changed are
-- UPDATED entries now, by 'system', as V26's are. Which rows a mend changed cannot be told any more from those
-- recorded so since (a superseded closing known less precisely than to the day, as its successor's opening is; a
-- history closing at a gap or a state's end, known to the day; a milestone of a cancelled mission, cancelled): each is
-- given an entry, which at most makes a client read a fact again. A database with none of these rows gets no entry.
INSERT INTO change_log (id, tx, recorded_at, user_name, action, kind, fact_id, countries)
SELECT n, n, CURRENT_TIMESTAMP, 'system', 'UPDATED', 'mission', CAST(id AS VARCHAR(40)), countries
FROM (SELECT nextval('change_log_seq') AS n, m.id,
             CASE WHEN m.sending_country < m.receiving_country THEN m.sending_country || ',' || m.receiving_country
                  ELSE m.receiving_country || ',' || m.sending_country END AS countries
      FROM mission m
      WHERE (m.closing_reason = 'SUPERSEDED' AND m.closed_precision <> 'DAY'
             AND EXISTS (SELECT 1 FROM mission successor WHERE successor.id = m.successor_id
                         AND successor.opened_on = m.closed_on AND successor.opened_precision = m.closed_precision))
         OR (m.closing_reason IN ('GAP', 'STATE_ENDED') AND m.closed_precision = 'DAY'
             AND m.sources LIKE '%github.com/brentonk/us_diplomatic_missions%')) mended;

INSERT INTO change_log (id, tx, recorded_at, user_name, action, kind, fact_id, countries)
SELECT n, n, CURRENT_TIMESTAMP, 'system', 'UPDATED', 'milestone', CAST(id AS VARCHAR(40)), countries
FROM (SELECT nextval('change_log_seq') AS n, ms.id, ms.country_a || ',' || ms.country_b AS countries
      FROM milestone ms
      WHERE ms.cancelled = TRUE AND ms.achieved_on IS NULL
        AND ms.mission_id IN (SELECT id FROM mission WHERE status = 'CANCELLED')) mended;
