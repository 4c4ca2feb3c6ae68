package org.chancery.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrations whose text changed after a build of {@code main} had shipped them. A database that build migrated
 * holds the checksum of the text it ran, which Flyway refuses at every later start ("Migration checksum
 * mismatch"), so that no newer version could start on it. Each is known here by its version and the checksum it
 * shipped with: a database that ran exactly that text is given what today's text does beyond it, if anything, and
 * its history then says it ran today's, before Flyway validates it. Any other mismatch is still refused.
 * A migration must not change once on {@code main}: what a migration got wrong, a later one mends.
 */
@Configuration(proxyBeanMethods = false)
public class ShippedMigrations {

    private static final Logger log = LoggerFactory.getLogger(ShippedMigrations.class);

    /**
     * A migration's text as a build shipped it: its checksum (Flyway's CRC32 of its lines), today's text's (which a
     * test checks), and the statements that do what today's text does beyond it (none if nothing).
     */
    record Shipped(String version, String build, int checksum, int today, List<String> mends) {
    }

    static final List<Shipped> SHIPPED = List.of(
            // also marked as ended by a severance every accreditation and head ended on the day of one; today's V16
            // marks nothing recorded before it. The marks stay: they keep those severances from being deleted
            // while the ends they may have caused stand, as that build kept them (V18 has since taken them off
            // the heads of liaison offices and interests sections)
            new Shipped("16", "cd94e44", -403734580, 526191039, List.of()),
            // mended superseded closings without moving their version; today's moves it (their ETag changes with
            // what they answer) and also mends the history import's closings at a gap or a state's end. The
            // versions moved are those of the superseded closings as precise as their successor's opening and
            // less than a day, the mended ones (and any such closing recorded since: only an ETag changes)
            new Shipped("19", "1ba9fb1", -322450351, 820109466, List.of("""
                    UPDATE mission SET version = version + 1
                    WHERE closing_reason = 'SUPERSEDED' AND successor_id IS NOT NULL
                      AND closed_precision IN ('MONTH', 'YEAR')
                      AND closed_on = (SELECT s.opened_on FROM mission s WHERE s.id = mission.successor_id)
                      AND closed_precision = (SELECT s.opened_precision FROM mission s
                                              WHERE s.id = mission.successor_id)
                    """, """
                    UPDATE mission SET closed_precision = 'DAY', version = version + 1
                    WHERE closing_reason IN ('GAP', 'STATE_ENDED')
                      AND closed_precision IN ('MONTH', 'YEAR')
                      AND sources LIKE '%github.com/brentonk/us_diplomatic_missions%'""")),
            // its comment only
            new Shipped("21", "4703e1e", -1292145520, 1178117583, List.of()),
            // the same rows, read without the condition that skips the reports without flags
            new Shipped("23", "3bb4d95", 704406802, -1046788133, List.of()));

    /** Flyway's migration at start-up, after the shipped texts are taken for today's. */
    @Bean
    FlywayMigrationStrategy migrationAcceptingShippedTexts() {
        return flyway -> {
            acceptShippedTexts(flyway);
            flyway.migrate();
        };
    }

    /**
     * Mends and records as today's each migration the database ran as a build shipped it (see the class): one read
     * of the history's rows of those versions, with plain JDBC (Flyway's {@code info()} would read every migration
     * and the whole history once more at every start), and nothing more unless one of them holds a shipped text.
     */
    private static void acceptShippedTexts(Flyway flyway) {
        String table = '"' + flyway.getConfiguration().getTable() + '"';
        Connection connected;
        try {
            connected = flyway.getConfiguration().getDataSource().getConnection();
        } catch (SQLException e) {
            // said in words by UnreachableDatabaseAnalyzer
            throw new FlywayException("Could not connect to the database: " + e.getMessage(), e);
        }
        try (Connection connection = connected) {
            if (!connection.getMetaData().getTables(null, connection.getSchema(),
                    flyway.getConfiguration().getTable(), null).next()) {
                return; // a database Flyway has not migrated yet
            }
            Map<String, Integer> ran = new HashMap<>();
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery("SELECT \"version\", \"checksum\" FROM " + table
                            + " WHERE \"version\" IN (" + SHIPPED.stream().map(shipped -> "'" + shipped.version() + "'")
                                    .collect(Collectors.joining(", ")) + ")")) {
                while (rows.next()) {
                    ran.put(rows.getString(1), rows.getObject(2, Integer.class));
                }
            }
            for (Shipped shipped : SHIPPED) {
                if (Integer.valueOf(shipped.checksum()).equals(ran.get(shipped.version()))
                        && record(connection, table, shipped)) {
                    log.info("V{} ran as {} shipped it (checksum {}): {}taken as today's ({})", shipped.version(),
                            shipped.build(), shipped.checksum(), shipped.mends().isEmpty() ? "" : "mended and ",
                            shipped.today());
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not read whether the database ran a migration as an earlier build "
                    + "shipped it: " + e.getMessage(), e);
        }
    }

    /**
     * Whether this start recorded today's checksum for a migration the database ran as {@code shipped}, with what
     * today's text does beyond it, in one transaction (of instances started together on one database, one does).
     */
    private static boolean record(Connection connection, String table, Shipped shipped) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                + " SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?")) {
            update.setInt(1, shipped.today());
            update.setString(2, shipped.version());
            update.setInt(3, shipped.checksum());
            boolean recorded = update.executeUpdate() == 1;
            if (recorded) {
                try (Statement mend = connection.createStatement()) {
                    for (String statement : shipped.mends()) {
                        mend.executeUpdate(statement);
                    }
                }
            }
            connection.commit();
            return recorded;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
