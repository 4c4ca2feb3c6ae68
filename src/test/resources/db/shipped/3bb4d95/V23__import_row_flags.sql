-- Each flag of a row report, a row per flag: the reports of a job that carry a flag are found along
-- this key, in line order, not by matching the flags of every report of the job (a second a page for
-- the COW import's 310,820, none of which carries a flag).
CREATE TABLE import_row_flag (
    job_id BIGINT      NOT NULL,
    flag   VARCHAR(64) NOT NULL,
    line   INTEGER     NOT NULL,
    PRIMARY KEY (job_id, flag, line),
    CONSTRAINT fk_import_row_flag_row FOREIGN KEY (job_id, line) REFERENCES import_row (job_id, line)
);

-- the flags of the reports written before, every flag a format has given
INSERT INTO import_row_flag (job_id, flag, line)
SELECT r.job_id, f.flag, r.line
FROM import_row r
JOIN (SELECT 'APPROXIMATE_DATE' AS flag
      UNION ALL SELECT 'CENSORED_START'
      UNION ALL SELECT 'COUNTRY_GOES_ON'
      UNION ALL SELECT 'DIFFERS_FROM_RECORDED'
      UNION ALL SELECT 'GAP'
      UNION ALL SELECT 'INFERRED_CONSULAR_RELATIONS'
      UNION ALL SELECT 'INFERRED_ESTABLISHMENT'
      UNION ALL SELECT 'INFERRED_RESTORATION'
      UNION ALL SELECT 'INFERRED_SEVERANCE'
      UNION ALL SELECT 'NEEDS_PROTECTING_POWER'
      UNION ALL SELECT 'PROTECTING_POWER_RELATIONS'
      UNION ALL SELECT 'RELATIONS_NOT_INTERRUPTED'
      UNION ALL SELECT 'STATE_ENDED') f ON r.flags LIKE '%"' || f.flag || '"%';
