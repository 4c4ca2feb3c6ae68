-- R11 ends the heads of embassy-class missions and provisional offices only: the previous release also
-- ended, and marked as ended by the severance (V16), the serving head of a planned liaison office or
-- interests section, which made that severance undeletable (R20). Their marks go: the end stays as
-- recorded (a later head may follow it), and the severance may be deleted as nothing relies on it.
UPDATE head_of_mission SET ended_by_severance = FALSE
WHERE ended_by_severance = TRUE
  AND mission_id IN (SELECT id FROM mission
                     WHERE type NOT IN ('EMBASSY', 'HIGH_COMMISSION', 'NUNCIATURE', 'LEGATION', 'PROVISIONAL_OFFICE'));
