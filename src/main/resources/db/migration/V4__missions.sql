CREATE SEQUENCE mission_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE head_of_mission_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE mission (
    id                BIGINT        NOT NULL PRIMARY KEY,
    sending_country   VARCHAR(2)    NOT NULL REFERENCES country (code),
    receiving_country VARCHAR(2)    NOT NULL REFERENCES country (code),
    type              VARCHAR(32)   NOT NULL,
    city              VARCHAR(200)  NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    planned_opening   VARCHAR(10),
    opened_on         DATE,
    opened_precision  VARCHAR(8),
    closed_on         DATE,
    closed_precision  VARCHAR(8),
    closing_reason    VARCHAR(500),
    protecting_power  VARCHAR(2)    REFERENCES country (code),
    predecessor_id    BIGINT        REFERENCES mission (id),
    successor_id      BIGINT        REFERENCES mission (id),
    embassy_slot      VARCHAR(4),
    sources           VARCHAR(20000),
    version           BIGINT        NOT NULL,
    -- R7: one open embassy-class mission per direction (the column is null unless one is open)
    CONSTRAINT uq_mission_embassy_slot UNIQUE (embassy_slot),
    CONSTRAINT ck_mission_two_countries CHECK (sending_country <> receiving_country),
    CONSTRAINT ck_mission_closed_after_opened CHECK (closed_on IS NULL OR (opened_on IS NOT NULL AND closed_on >= opened_on))
);
CREATE INDEX ix_mission_direction ON mission (sending_country, receiving_country, status);
CREATE INDEX ix_mission_receiving ON mission (receiving_country, sending_country);
CREATE INDEX ix_mission_opened ON mission (opened_on, closed_on);

CREATE TABLE head_of_mission (
    id          BIGINT        NOT NULL PRIMARY KEY,
    mission_id  BIGINT        NOT NULL REFERENCES mission (id),
    diplomat_id BIGINT        NOT NULL REFERENCES diplomat (id),
    name        VARCHAR(300)  NOT NULL,
    head_rank   VARCHAR(40)   NOT NULL,
    agrement_on DATE,
    started_on  DATE          NOT NULL,
    ended_on    DATE,
    sources     VARCHAR(20000),
    CONSTRAINT ck_head_ended_after_started CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX ix_head_of_mission_mission ON head_of_mission (mission_id, started_on);
CREATE INDEX ix_head_of_mission_diplomat ON head_of_mission (diplomat_id);
