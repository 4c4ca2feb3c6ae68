-- R20 for the effects of R11 that no mission's closing records: a diplomatic accreditation, or a head of a
-- mission not yet open, that a severance ended says so, so that the severance is not deleted from under it.
ALTER TABLE accreditation ADD COLUMN ended_by_severance BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE head_of_mission ADD COLUMN ended_by_severance BOOLEAN DEFAULT FALSE NOT NULL;

-- Those that recorded severances ended: a diplomatic accreditation, or a head, ending on the day of a severance of
-- its pair (R11 ends them that day; one ended by hand then is ended as the severance would have ended it).
UPDATE accreditation SET ended_by_severance = TRUE
WHERE accreditation_level IN ('AMBASSADOR', 'ENVOY') AND to_date IS NOT NULL AND EXISTS (
    SELECT 1 FROM relation r JOIN relation_event e ON e.relation_id = r.id
    WHERE e.type = 'SEVERED' AND e.event_date = accreditation.to_date
      AND ((r.country_a = accreditation.sending_country AND r.country_b = accreditation.receiving_country)
        OR (r.country_a = accreditation.receiving_country AND r.country_b = accreditation.sending_country)));

UPDATE head_of_mission SET ended_by_severance = TRUE
WHERE ended_on IS NOT NULL AND EXISTS (
    SELECT 1 FROM mission m JOIN relation r
        ON (r.country_a = m.sending_country AND r.country_b = m.receiving_country)
        OR (r.country_a = m.receiving_country AND r.country_b = m.sending_country)
    JOIN relation_event e ON e.relation_id = r.id
    WHERE m.id = head_of_mission.mission_id AND e.type = 'SEVERED' AND e.event_date = head_of_mission.ended_on);
