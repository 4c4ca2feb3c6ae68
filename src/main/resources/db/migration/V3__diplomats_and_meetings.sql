-- Diplomats, and the meetings between them.
-- Sources and outcomes are JSON arrays in one column (up to 50 sources of 2,800 characters each).

CREATE SEQUENCE diplomat_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE meeting_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE diplomat (
    id           BIGINT          NOT NULL PRIMARY KEY,
    name         VARCHAR(300)    NOT NULL,
    country      VARCHAR(2)      NOT NULL REFERENCES country (code),
    title        VARCHAR(300),
    organization VARCHAR(300),
    sources      VARCHAR(1000000),
    version      BIGINT          NOT NULL
);
CREATE INDEX ix_diplomat_country ON diplomat (country, id);
CREATE INDEX ix_diplomat_name ON diplomat (name, id);

CREATE TABLE meeting (
    id             BIGINT          NOT NULL PRIMARY KEY,
    meeting_date   DATE            NOT NULL,
    date_precision VARCHAR(8)      NOT NULL,
    city           VARCHAR(200),
    country        VARCHAR(2)      NOT NULL REFERENCES country (code),
    title          VARCHAR(300),
    summary        VARCHAR(4000),
    outcomes       VARCHAR(1000000),
    sources        VARCHAR(1000000)
);
CREATE INDEX ix_meeting_date ON meeting (meeting_date, id);

-- Who took part, with the country they represented and the title they held at the meeting.
CREATE TABLE meeting_participant (
    meeting_id  BIGINT       NOT NULL REFERENCES meeting (id),
    list_index  INTEGER      NOT NULL,
    diplomat_id BIGINT       NOT NULL REFERENCES diplomat (id),
    country     VARCHAR(2)   NOT NULL REFERENCES country (code),
    title       VARCHAR(300),
    PRIMARY KEY (meeting_id, list_index),
    CONSTRAINT uq_meeting_participant UNIQUE (meeting_id, diplomat_id)
);
CREATE INDEX ix_meeting_participant_diplomat ON meeting_participant (diplomat_id, meeting_id);

-- Derived from the participants, written with the meeting (meetings are never changed):
-- one row per participating country, for the list filter ...
CREATE TABLE meeting_country (
    meeting_id   BIGINT     NOT NULL REFERENCES meeting (id),
    country      VARCHAR(2) NOT NULL REFERENCES country (code),
    meeting_date DATE       NOT NULL,
    PRIMARY KEY (meeting_id, country)
);
CREATE INDEX ix_meeting_country ON meeting_country (country, meeting_date, meeting_id);

-- ... and one row per unordered pair of participating countries, for the relation view.
CREATE TABLE meeting_pair (
    meeting_id   BIGINT     NOT NULL REFERENCES meeting (id),
    country_a    VARCHAR(2) NOT NULL REFERENCES country (code),
    country_b    VARCHAR(2) NOT NULL REFERENCES country (code),
    meeting_date DATE       NOT NULL,
    PRIMARY KEY (meeting_id, country_a, country_b),
    CONSTRAINT ck_meeting_pair_order CHECK (country_a < country_b)
);
CREATE INDEX ix_meeting_pair ON meeting_pair (country_a, country_b, meeting_date, meeting_id);
