-- R8 closes a superseded mission on its successor's opening day, and now as precisely as that opening is
-- known: the previous release recorded every such closing to the day (a legation giving way to an embassy
-- opened in "October 1914" closed on "1914-10-01", to the day). The closings it recorded follow their
-- successor's opening precision. The heads such a closing ended keep their ends as recorded: an end on
-- that day cannot tell R8's doing from an end recorded by hand that day.
UPDATE mission SET closed_precision = (SELECT successor.opened_precision FROM mission successor
                                       WHERE successor.id = mission.successor_id)
WHERE closing_reason = 'SUPERSEDED'
  AND successor_id IS NOT NULL
  AND closed_on = (SELECT successor.opened_on FROM mission successor WHERE successor.id = mission.successor_id)
  AND (SELECT successor.opened_precision FROM mission successor WHERE successor.id = mission.successor_id) IS NOT NULL;
