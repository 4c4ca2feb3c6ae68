CREATE TABLE country (
    code         VARCHAR(2)   NOT NULL PRIMARY KEY,
    alpha3       VARCHAR(3)   NOT NULL,
    numeric_code VARCHAR(3),
    name         VARCHAR(200) NOT NULL,
    CONSTRAINT uq_country_alpha3 UNIQUE (alpha3)
);

CREATE SEQUENCE relation_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE relation_event_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE relation (
    id              BIGINT      NOT NULL PRIMARY KEY,
    country_a       VARCHAR(2)  NOT NULL REFERENCES country (code),
    country_b       VARCHAR(2)  NOT NULL REFERENCES country (code),
    status          VARCHAR(16) NOT NULL,
    since           DATE,
    consular_status VARCHAR(16) NOT NULL,
    version         BIGINT      NOT NULL,
    CONSTRAINT uq_relation_pair UNIQUE (country_a, country_b),
    CONSTRAINT ck_relation_pair_order CHECK (country_a < country_b)
);
CREATE INDEX ix_relation_country_b ON relation (country_b, country_a);
CREATE INDEX ix_relation_status ON relation (status, country_a, country_b);

CREATE TABLE relation_event (
    id             BIGINT        NOT NULL PRIMARY KEY,
    relation_id    BIGINT        NOT NULL REFERENCES relation (id),
    type           VARCHAR(32)   NOT NULL,
    event_date     DATE          NOT NULL,
    date_precision VARCHAR(8)    NOT NULL,
    note           VARCHAR(2000),
    sources        VARCHAR(20000)
);
CREATE INDEX ix_relation_event_relation ON relation_event (relation_id, event_date);
