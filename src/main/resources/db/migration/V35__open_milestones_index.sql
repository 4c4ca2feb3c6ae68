-- The milestones of one status as the list orders them (by targetEnd, then id, PageRequests' tie-breaker): OVERDUE
-- and PENDING are the open ones (neither achieved nor cancelled) on either side of today, CANCELLED those not
-- achieved and cancelled. Along ix_milestone_target_end a status's first page read every milestone up to its
-- twentieth of that status and the count every one before today, each row looked up in the table (3 ms a request
-- for the overdue list of the bench world on H2); along this index both read only that status's entries, from the
-- index alone, and the page stops at its last row (MilestoneSearchImpl orders by the two fixed columns first, which
-- the index leads with).
CREATE INDEX ix_milestone_status ON milestone (cancelled, achieved_on, target_end, id);
