-- API 1.1, observations: how two countries were represented in each other in a year, as a data set
-- observed it (the Correlates of War Diplomatic Exchange data set), kept beside the facts and never
-- checked against the rules. A direction of a pair in a year is observed once per data set, in the
-- data set's own state codes (two COW states may be one Chancery country in a year: the German
-- Federal Republic and Germany in 1990).

-- ids are drawn a thousand at a time (an import's batch takes one block)
CREATE SEQUENCE observation_seq START WITH 1 INCREMENT BY 1000;

CREATE TABLE observation (
    id                     BIGINT      NOT NULL PRIMARY KEY,
    dataset                VARCHAR(40) NOT NULL,
    observed_year          INTEGER     NOT NULL,
    sending_country        VARCHAR(2)  NOT NULL REFERENCES country (code),
    receiving_country      VARCHAR(2)  NOT NULL REFERENCES country (code),
    sending_dataset_code   VARCHAR(10) NOT NULL,
    receiving_dataset_code VARCHAR(10) NOT NULL,
    observation_level      VARCHAR(20) NOT NULL,
    raw_code               VARCHAR(10) NOT NULL,
    import_job_id          BIGINT      REFERENCES import_job (id),
    source_line            INTEGER,
    -- dataset|year|sending code|receiving code: what an import looks up, a batch of keys at a time
    observation_key        VARCHAR(80) NOT NULL,
    CONSTRAINT uq_observation UNIQUE (observation_key),
    CONSTRAINT ck_observation_two_countries CHECK (sending_dataset_code <> receiving_dataset_code)
);
-- a country's observations as sender or receiver, and a pair's, by year
CREATE INDEX ix_observation_sending ON observation (sending_country, receiving_country, observed_year);
CREATE INDEX ix_observation_receiving ON observation (receiving_country, sending_country, observed_year);
-- the list's default order, and its year filter
CREATE INDEX ix_observation_year ON observation (observed_year, sending_country, receiving_country, id);

-- The counts behind GET /api/observations/summary, kept with the observations (in the transaction
-- that records them): per data set, country (** for all), direction, year and level.
CREATE TABLE observation_summary (
    country           VARCHAR(2)  NOT NULL,
    direction         VARCHAR(9)  NOT NULL,
    observed_year     INTEGER     NOT NULL,
    observation_level VARCHAR(20) NOT NULL,
    dataset           VARCHAR(40) NOT NULL,
    observations      BIGINT      NOT NULL,
    PRIMARY KEY (country, direction, observed_year, observation_level, dataset)
);
