-- R20 with R9: a change of the history of a pair (P, R) checks the interests sections that P protects
-- in R, and R in P, which opened when P and R had diplomatic relations. They are read along this
-- index rather than by reading every mission.

CREATE INDEX ix_mission_protecting_power ON mission (protecting_power, receiving_country);
