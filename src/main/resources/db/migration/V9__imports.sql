-- API 1.1, imports: a job per uploaded file, what became of each of its rows, and what a job needs
-- while it runs (the rows of a format that reorders its input, the refs of chancery-ndjson).

CREATE SEQUENCE import_job_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE import_job (
    id              BIGINT        NOT NULL PRIMARY KEY,
    format          VARCHAR(40)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_by      VARCHAR(200)  NOT NULL,
    started_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP(6) WITH TIME ZONE,
    heartbeat_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rows_total      INTEGER       NOT NULL,
    rows_done       INTEGER       NOT NULL,
    imported        INTEGER       NOT NULL,
    merged          INTEGER       NOT NULL,
    already_present INTEGER       NOT NULL,
    no_fact         INTEGER       NOT NULL,
    rejected        INTEGER       NOT NULL,
    error           VARCHAR(2000),
    -- 'RUNNING' while the job runs, else null: one import at a time, across instances
    running_slot    VARCHAR(8),
    CONSTRAINT uq_import_job_running UNIQUE (running_slot),
    CONSTRAINT ck_import_job_counts CHECK (rows_done = imported + merged + already_present + no_fact + rejected)
);
CREATE INDEX ix_import_job_status ON import_job (status, id);

-- A running job's worker holds a row lock on its lease until the job ends: a lease that can be
-- locked by anyone else belongs to a job whose server stopped (the job is then FAILED).
CREATE TABLE import_lease (
    job_id BIGINT NOT NULL PRIMARY KEY REFERENCES import_job (id)
);

-- One row report per input row, in input order (line).
CREATE TABLE import_row (
    job_id  BIGINT        NOT NULL REFERENCES import_job (id),
    line    INTEGER       NOT NULL,
    outcome VARCHAR(16)   NOT NULL,
    code    VARCHAR(64),
    detail  VARCHAR(4000),
    flags   VARCHAR(1000),
    facts   VARCHAR(20000),
    PRIMARY KEY (job_id, line)
);
CREATE INDEX ix_import_row_outcome ON import_row (job_id, outcome, line);

-- The input rows of a format that processes them in another order than the file's (each pair's
-- rows in date order), while its job runs.
CREATE TABLE import_staged_row (
    job_id   BIGINT         NOT NULL REFERENCES import_job (id),
    sort_key VARCHAR(200)   NOT NULL,
    line     INTEGER        NOT NULL,
    payload  VARCHAR(20000) NOT NULL,
    PRIMARY KEY (job_id, sort_key)
);

-- The refs that later lines of a chancery-ndjson file use instead of ids.
CREATE TABLE import_ref (
    job_id  BIGINT       NOT NULL REFERENCES import_job (id),
    ref     VARCHAR(200) NOT NULL,
    kind    VARCHAR(20)  NOT NULL,
    fact_id BIGINT       NOT NULL,
    PRIMARY KEY (job_id, ref)
);
