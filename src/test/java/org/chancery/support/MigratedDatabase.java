package org.chancery.support;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own, migrated by the project's migrations up to a version (the schema an earlier release left,
 * for a test to write that release's rows into), then by the rest of them (what today's release makes of those
 * rows): an in-memory H2 database, or in a PostgreSQL run ({@link PostgresTestDatabase}) a schema of its own in the
 * run's database, so that each migration is tried on both. Flyway alone finds no V15, a Java migration Spring hands
 * it: these databases go without it.
 */
public final class MigratedDatabase {

    private final DriverManagerDataSource dataSource;
    private final String schema;

    private MigratedDatabase() {
        if (PostgresTestDatabase.enabled()) {
            schema = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String url = System.getProperty("spring.datasource.url");
            dataSource = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
        } else {
            schema = null;
            dataSource = new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
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

    /** Runs the migrations after the one the database was migrated to, up to {@code version}, with the Java ones. */
    public void migrateTo(String version, JavaMigration... java) {
        flyway().javaMigrations(java).target(version).load().migrate();
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
        FluentConfiguration flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        return schema == null ? flyway : flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
    }
}
