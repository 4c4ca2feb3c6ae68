-- API 1.1, the change feed: who recorded what, and when. Every successful write records its changes
-- in its own transaction, without a seq; the feed gives them their seq after they committed, in the
-- order it finds them (under the sequencer's row lock, so several instances never number at once).
-- A client that asks for the changes after the last seq it saw cannot miss one that committed late:
-- it only ever gets numbered after every change numbered before it was visible.

CREATE SEQUENCE change_log_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE change_log (
    id          BIGINT       NOT NULL PRIMARY KEY,
    seq         BIGINT,
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    user_name   VARCHAR(200) NOT NULL,
    action      VARCHAR(10)  NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    fact_id     VARCHAR(40)  NOT NULL,
    countries   VARCHAR(200),
    CONSTRAINT uq_change_log_seq UNIQUE (seq)
);
-- the changes not numbered yet (seq null), by id
CREATE INDEX ix_change_log_unsequenced ON change_log (seq, id);
-- the feed filtered by kind
CREATE INDEX ix_change_log_kind ON change_log (kind, seq);

CREATE TABLE change_sequencer (
    id       INTEGER NOT NULL PRIMARY KEY,
    last_seq BIGINT  NOT NULL
);
INSERT INTO change_sequencer (id, last_seq) VALUES (1, 0);
