package org.chancery.support;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.chancery.shared.DatabaseProduct;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties every table but the countries and Flyway's history between tests, on H2 and
 * PostgreSQL alike, once no import job is running: a job that a test started and did not wait
 * for, or whose lease its worker has not yet released, would hold row locks that the emptying
 * waits on while the job waits on the emptying (both then fail at the lock timeout, and the job
 * stays RUNNING for the next test). A job that no instance runs any more is waited on for 30 s.
 */
public class DatabaseCleaner {

    private static final List<String> KEPT = List.of("country", "flyway_schema_history", "change_sequencer");
    private static final Duration IMPORTS_SETTLE = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public DatabaseCleaner(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgres));
    }

    /** Also removes the countries tests added (those without an ISO numeric code). */
    public void clean() {
        awaitNoImportRunning();
        List<String> tables = jdbc.queryForList("""
                select lower(table_name) from information_schema.tables
                where lower(table_schema) = lower(current_schema()) and table_type in ('BASE TABLE', 'TABLE')""",
                String.class).stream().filter(t -> !KEPT.contains(t)).toList();
        if (postgres) {
            if (!tables.isEmpty()) {
                jdbc.execute("TRUNCATE TABLE " + String.join(", ", tables) + " CASCADE");
            }
        } else {
            jdbc.execute("SET REFERENTIAL_INTEGRITY FALSE");
            try {
                tables.forEach(t -> jdbc.execute("TRUNCATE TABLE " + t));
            } finally {
                jdbc.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
        }
        jdbc.update("DELETE FROM country WHERE numeric_code IS NULL");
        jdbc.update("UPDATE change_sequencer SET last_seq = 0");
    }

    private void awaitNoImportRunning() {
        long deadline = System.nanoTime() + IMPORTS_SETTLE.toNanos();
        while (jdbc.queryForObject("select (select count(*) from import_job where status = 'RUNNING') "
                + "+ (select count(*) from import_lease)", Long.class) > 0) {
            if (System.nanoTime() > deadline) {
                // a job that a killed instance left (a durability test that failed half-way): empty anyway
                System.err.println("[cleaner] emptying the database with import jobs still RUNNING after "
                        + IMPORTS_SETTLE.toSeconds() + " s: " + jdbc.queryForList(
                                "select id, format from import_job where status = 'RUNNING'"));
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for imports to end", e);
            }
        }
    }
}
