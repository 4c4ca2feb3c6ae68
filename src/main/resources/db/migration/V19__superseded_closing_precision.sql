-- Closings as precise as what they follow. The previous release recorded every R8 closing to the day: a
-- superseded mission closes on its successor's opening day, and now as precisely as that opening is known
-- (a legation giving way to an embassy opened in "October 1914" closed on "1914-10-01", to the day). And the
-- history import (Kenkel's data) closed a mission at a gap in the state system or at the state's end, the day
-- after an exact last day, as if that day were a date of the file: the first of a month known only to its
-- month or year (Czechoslovakia's embassy "1993"); such a closing is known to the day. The missions mended
-- move their version, so that their ETag changes with what they answer. The heads such closings ended keep
-- their ends as recorded: an end on that day cannot tell the closing's doing from an end recorded by hand.
UPDATE mission SET closed_precision = (SELECT successor.opened_precision FROM mission successor
                                       WHERE successor.id = mission.successor_id),
                   version = version + 1
WHERE closing_reason = 'SUPERSEDED'
  AND successor_id IS NOT NULL
  AND closed_on = (SELECT successor.opened_on FROM mission successor WHERE successor.id = mission.successor_id)
  AND COALESCE(closed_precision, 'DAY') <> (SELECT successor.opened_precision FROM mission successor
                           WHERE successor.id = mission.successor_id);

UPDATE mission SET closed_precision = 'DAY', version = version + 1
WHERE closing_reason IN ('GAP', 'STATE_ENDED')
  AND closed_precision IN ('MONTH', 'YEAR')
  AND sources LIKE '%github.com/brentonk/us_diplomatic_missions%';
