package org.chancery.support;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An in-memory H2 database of its own, migrated by the project's migrations up to a version (the schema an earlier
 * release left, for a test to write that release's rows into), then by the rest of them (what today's release makes
 * of those rows). Flyway alone finds no V15, a Java migration Spring hands it: these databases go without it.
 */
public final class MigratedDatabase {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    private MigratedDatabase() {
    }

    /** A database migrated up to {@code version}, included. */
    public static MigratedDatabase upTo(String version) {
        MigratedDatabase database = new MigratedDatabase();
        database.flyway().target(version).load().migrate();
        return database;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    /** Runs every migration after the version the database was migrated to. */
    public void migrateTheRest() {
        flyway().load().migrate();
    }

    /** Runs every migration after the version the database was migrated to, the Java migrations given among them. */
    public void migrateTheRest(JavaMigration... java) {
        flyway().javaMigrations(java).load().migrate();
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    }
}
