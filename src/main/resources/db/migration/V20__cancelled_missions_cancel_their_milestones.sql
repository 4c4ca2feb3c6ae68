-- A mission's cancellation cancels the milestones waiting for its opening (R19: only the mission's opening
-- achieves them). The previous release left them pending, then overdue for good. Those of missions it
-- recorded cancelled are cancelled now, and move their version (the optimistic lock of their writes).
UPDATE milestone SET cancelled = TRUE, version = version + 1
WHERE achieved_on IS NULL
  AND cancelled = FALSE
  AND mission_id IN (SELECT id FROM mission WHERE status = 'CANCELLED');
