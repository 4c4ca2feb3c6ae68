package org.chancery.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrations whose text changed after a build of {@code main} had shipped them. A database that build migrated
 * holds the checksum of the text it ran, which Flyway refuses at every later start ("Migration checksum
 * mismatch"), so that no newer version could start on it. Each is known here by its version and the checksum it
 * shipped with: a database that ran exactly that text is taken to have run today's, and its history says so before
 * Flyway validates it. Any other mismatch is still refused.
 *
 * <ul>
 * <li>V16 (shipped by cd94e44, 2026-12-01) also marked as ended by a severance every accreditation and head
 * ended on the day of one; today's V16 marks nothing that was recorded before it. The marks such a database
 * holds stay: they keep those severances from being deleted while the ends they may have caused stand, as that
 * build kept them, and V18 has since taken them off the heads of liaison offices and interests sections.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ShippedMigrations {

    private static final Logger log = LoggerFactory.getLogger(ShippedMigrations.class);

    /** The checksums that builds shipped, by version, for texts changed since (Flyway's CRC32 of the lines). */
    static final Map<String, Integer> SHIPPED = Map.of("16", -403734580);

    /** Flyway's migration at start-up, after the shipped checksums are taken for today's. */
    @Bean
    FlywayMigrationStrategy migrationAcceptingShippedChecksums() {
        return flyway -> {
            acceptShippedChecksums(flyway);
            flyway.migrate();
        };
    }

    /** Records today's checksum for each migration the database ran as a build shipped it (see the class). */
    private static void acceptShippedChecksums(Flyway flyway) {
        for (MigrationInfo migration : flyway.info().applied()) {
            String version = migration.getVersion() == null ? null : migration.getVersion().getVersion();
            Integer shipped = version == null ? null : SHIPPED.get(version);
            Integer today = migration.getResolvedChecksum();
            if (shipped != null && shipped.equals(migration.getAppliedChecksum()) && today != null) {
                record(flyway, version, shipped, today);
                log.info("V{} ran as an earlier build shipped it (checksum {}): taken as today's ({})", version,
                        shipped, today);
            }
        }
    }

    private static void record(Flyway flyway, String version, int shipped, int today) {
        String table = '"' + flyway.getConfiguration().getTable() + '"';
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE " + table
                        + " SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?")) {
            update.setInt(1, today);
            update.setString(2, version);
            update.setInt(3, shipped);
            update.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not record today's checksum of V" + version + ": " + e.getMessage(), e);
        }
    }
}
