CREATE SEQUENCE milestone_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE milestone (
    id           BIGINT         NOT NULL PRIMARY KEY,
    country_a    VARCHAR(2)     NOT NULL REFERENCES country (code),
    country_b    VARCHAR(2)     NOT NULL REFERENCES country (code),
    title        VARCHAR(300)   NOT NULL,
    target       VARCHAR(10)    NOT NULL,
    target_start DATE           NOT NULL,
    target_end   DATE           NOT NULL,
    mission_id   BIGINT         REFERENCES mission (id),
    achieved_on  DATE,
    cancelled    BOOLEAN        NOT NULL,
    sources      VARCHAR(20000),
    version      BIGINT         NOT NULL,
    CONSTRAINT ck_milestone_pair_order CHECK (country_a < country_b),
    CONSTRAINT ck_milestone_target CHECK (target_start <= target_end),
    CONSTRAINT ck_milestone_achieved_or_cancelled CHECK (achieved_on IS NULL OR cancelled = FALSE)
);
-- the pair's milestones (relation view, timeline) and the country filter on either side, in targetEnd order
CREATE INDEX ix_milestone_pair ON milestone (country_a, country_b, target_end, id);
CREATE INDEX ix_milestone_country_b ON milestone (country_b, target_end, id);
-- the list's default order and the OVERDUE / PENDING filters (target_end against today)
CREATE INDEX ix_milestone_target_end ON milestone (target_end, id);
-- the milestones a mission's opening achieves
CREATE INDEX ix_milestone_mission ON milestone (mission_id);
