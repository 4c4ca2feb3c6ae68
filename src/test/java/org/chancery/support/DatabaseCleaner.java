package org.chancery.support;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties every table but the countries and Flyway's history between tests, on H2 and
 * PostgreSQL alike.
 */
public class DatabaseCleaner {

    private static final List<String> KEPT = List.of("country", "flyway_schema_history", "change_sequencer");

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public DatabaseCleaner(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
    }

    /** Also removes the countries tests added (those without an ISO numeric code). */
    public void clean() {
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
}
