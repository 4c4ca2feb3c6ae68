-- API 1.1, the history model: countries with lifetimes (and the dissolved states of ISO 3166-3),
-- missions whose city is not known, non-resident accreditations, and each pair's status through
-- time for the relation list as of a day.

-- Countries: the first and last day of a country's existence (null: not known, or not ended), the
-- sources of what is known of it, and a version for PUT with If-Match.
ALTER TABLE country ADD COLUMN started_on DATE;
ALTER TABLE country ADD COLUMN ended_on DATE;
ALTER TABLE country ADD COLUMN sources VARCHAR(1000000);
ALTER TABLE country ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE country ADD CONSTRAINT ck_country_lifetime
    CHECK (started_on IS NULL OR ended_on IS NULL OR started_on <= ended_on);

-- The dissolved states that ISO 3166-3 lists with codes of their own (their former alpha-2,
-- alpha-3 and numeric codes), with the days they began and ceased to exist.
INSERT INTO country (code, alpha3, numeric_code, name, started_on, ended_on, sources, version) VALUES
('DD', 'DDR', '278', 'German Democratic Republic', DATE '1949-10-07', DATE '1990-10-02',
 '[{"url":"https://www.iso.org/obp/ui/#iso:code:3166:DDDE","publisher":"ISO","title":"ISO 3166-3: DDDE, German Democratic Republic","publishedOn":null},{"url":"https://en.wikipedia.org/wiki/East_Germany","publisher":"Wikipedia","title":"East Germany (founded 7 October 1949, acceded to the Federal Republic 3 October 1990)","publishedOn":null}]', 0),
('CS', 'CSK', '200', 'Czechoslovakia', DATE '1918-10-28', DATE '1992-12-31',
 '[{"url":"https://www.iso.org/obp/ui/#iso:code:3166:CSHH","publisher":"ISO","title":"ISO 3166-3: CSHH, Czechoslovakia","publishedOn":null},{"url":"https://en.wikipedia.org/wiki/Czechoslovakia","publisher":"Wikipedia","title":"Czechoslovakia (28 October 1918 – 31 December 1992)","publishedOn":null}]', 0),
('SU', 'SUN', '810', 'Soviet Union', DATE '1922-12-30', DATE '1991-12-25',
 '[{"url":"https://www.iso.org/obp/ui/#iso:code:3166:SUHH","publisher":"ISO","title":"ISO 3166-3: SUHH, USSR","publishedOn":null},{"url":"https://en.wikipedia.org/wiki/Soviet_Union","publisher":"Wikipedia","title":"Soviet Union (30 December 1922 – 26 December 1991)","publishedOn":null}]', 0),
('YU', 'YUG', '891', 'Yugoslavia', DATE '1918-12-01', DATE '2003-02-03',
 '[{"url":"https://www.iso.org/obp/ui/#iso:code:3166:YUCS","publisher":"ISO","title":"ISO 3166-3: YUCS, Yugoslavia","publishedOn":null},{"url":"https://en.wikipedia.org/wiki/Yugoslavia","publisher":"Wikipedia","title":"Yugoslavia (1 December 1918 – 4 February 2003)","publishedOn":null}]', 0),
('YD', 'YMD', '720', 'South Yemen', DATE '1967-11-30', DATE '1990-05-21',
 '[{"url":"https://www.iso.org/obp/ui/#iso:code:3166:YDYE","publisher":"ISO","title":"ISO 3166-3: YDYE, Yemen, Democratic","publishedOn":null},{"url":"https://en.wikipedia.org/wiki/South_Yemen","publisher":"Wikipedia","title":"South Yemen (30 November 1967 – 22 May 1990)","publishedOn":null}]', 0);

-- the list's current=true|false filter
CREATE INDEX ix_country_ended ON country (ended_on, code);

-- R22 and R20 for a country's lifetime: the meetings that took place in a country, by date
CREATE INDEX ix_meeting_location ON meeting (country, meeting_date);

-- A mission's city may not be known (a legation of 1850 "in the capital").
ALTER TABLE mission ALTER COLUMN city DROP NOT NULL;

-- Non-resident accreditations (VCDR art. 5, VCCR art. 7): a head accredited by the sending country
-- to the receiving country without a mission there, from from_date until to_date (exclusive).
CREATE SEQUENCE accreditation_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE accreditation (
    id                  BIGINT          NOT NULL PRIMARY KEY,
    sending_country     VARCHAR(2)      NOT NULL REFERENCES country (code),
    receiving_country   VARCHAR(2)      NOT NULL REFERENCES country (code),
    accreditation_level VARCHAR(16)     NOT NULL,
    from_date           DATE            NOT NULL,
    from_precision      VARCHAR(8)      NOT NULL,
    to_date             DATE,
    to_precision        VARCHAR(8),
    resident_mission_id BIGINT          REFERENCES mission (id),
    diplomat_id         BIGINT          REFERENCES diplomat (id),
    sources             VARCHAR(1000000),
    version             BIGINT          NOT NULL,
    CONSTRAINT ck_accreditation_two_countries CHECK (sending_country <> receiving_country),
    CONSTRAINT ck_accreditation_period CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX ix_accreditation_direction ON accreditation (sending_country, receiving_country, from_date);
CREATE INDEX ix_accreditation_receiving ON accreditation (receiving_country, sending_country, from_date);
CREATE INDEX ix_accreditation_diplomat ON accreditation (diplomat_id);
CREATE INDEX ix_accreditation_mission ON accreditation (resident_mission_id);

-- Each pair's state through time, kept with its events (rewritten in the transaction that changes
-- them): from valid_from (inclusive) until valid_to (exclusive; null: still), the diplomatic status,
-- the date of the event that set it, and the consular status. The relation list as of a day reads
-- the one interval of each pair that covers the day.
CREATE TABLE relation_interval (
    relation_id     BIGINT      NOT NULL REFERENCES relation (id),
    country_a       VARCHAR(2)  NOT NULL REFERENCES country (code),
    country_b       VARCHAR(2)  NOT NULL REFERENCES country (code),
    valid_from      DATE        NOT NULL,
    valid_to        DATE,
    status          VARCHAR(16) NOT NULL,
    since           DATE,
    consular_status VARCHAR(16) NOT NULL,
    PRIMARY KEY (relation_id, valid_from),
    CONSTRAINT ck_relation_interval_order CHECK (country_a < country_b),
    CONSTRAINT ck_relation_interval_period CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX ix_relation_interval_a ON relation_interval (country_a, country_b, valid_from);
CREATE INDEX ix_relation_interval_b ON relation_interval (country_b, country_a, valid_from);

-- The intervals of the histories recorded so far: one per day with events, each carrying the state
-- after the last event of each track on or before that day (the recorded histories follow R1, so the
-- latest event of a track says its status; R2: ESTABLISHED and RESTORED establish consular relations).
INSERT INTO relation_interval (relation_id, country_a, country_b, valid_from, valid_to, status, since, consular_status)
SELECT d.relation_id, r.country_a, r.country_b, d.event_date,
       (SELECT MIN(n.event_date) FROM relation_event n
        WHERE n.relation_id = d.relation_id AND n.event_date > d.event_date),
       COALESCE((SELECT CASE WHEN t.type = 'SEVERED' THEN 'SEVERED' ELSE 'ESTABLISHED' END
                 FROM relation_event t
                 WHERE t.relation_id = d.relation_id AND t.event_date <= d.event_date
                   AND t.type IN ('ESTABLISHED', 'SEVERED', 'RESTORED')
                 ORDER BY t.event_date DESC FETCH FIRST 1 ROWS ONLY), 'NONE'),
       (SELECT MAX(t.event_date) FROM relation_event t
        WHERE t.relation_id = d.relation_id AND t.event_date <= d.event_date
          AND t.type IN ('ESTABLISHED', 'SEVERED', 'RESTORED')),
       COALESCE((SELECT CASE WHEN t.type = 'CONSULAR_SEVERED' THEN 'SEVERED' ELSE 'ESTABLISHED' END
                 FROM relation_event t
                 WHERE t.relation_id = d.relation_id AND t.event_date <= d.event_date
                   AND t.type IN ('ESTABLISHED', 'RESTORED', 'CONSULAR_ESTABLISHED', 'CONSULAR_SEVERED')
                 ORDER BY t.event_date DESC,
                          CASE WHEN t.type IN ('ESTABLISHED', 'RESTORED') THEN 0 ELSE 1 END
                 FETCH FIRST 1 ROWS ONLY), 'NONE')
FROM (SELECT DISTINCT relation_id, event_date FROM relation_event) d
JOIN relation r ON r.id = d.relation_id;
