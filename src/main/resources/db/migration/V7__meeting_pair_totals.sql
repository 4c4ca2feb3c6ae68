-- The number of meetings of each pair of countries and the date of its latest one, kept with the
-- meetings (written in the same transaction as each meeting recorded or removed). The relation
-- view, the timeline and the meeting list read a pair's total here instead of counting its rows of
-- meeting_pair, which would cost as much as the pair has meetings.
CREATE TABLE meeting_pair_total (
    country_a      VARCHAR(2) NOT NULL REFERENCES country (code),
    country_b      VARCHAR(2) NOT NULL REFERENCES country (code),
    meetings       BIGINT     NOT NULL,
    latest_meeting DATE,
    PRIMARY KEY (country_a, country_b),
    CONSTRAINT ck_meeting_pair_total_order CHECK (country_a < country_b),
    CONSTRAINT ck_meeting_pair_total_meetings CHECK (meetings >= 0)
);

INSERT INTO meeting_pair_total (country_a, country_b, meetings, latest_meeting)
SELECT country_a, country_b, COUNT(*), MAX(meeting_date)
FROM meeting_pair
GROUP BY country_a, country_b;
