package org.chancery.shared;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.CRC32;

/**
 * What the Java migrations share: a statement run over a table a range of keys at a time (a PostgreSQL statement runs
 * 30 s at most in the {@code postgres} profile, and one over a million rows took longer), and a checksum of the
 * statements a migration runs, as Flyway keeps an SQL migration's of its text (a database that ran another version
 * of the migration is refused at the start: "checksum mismatch").
 */
public final class JavaMigrations {

    private JavaMigrations() {
    }

    /**
     * Runs {@code statement}, whose two parameters bound a range of keys (greater than the first, up to the second),
     * over every range of {@code range} keys up to the one {@code last} (a query of one number) answers.
     */
    public static void inRanges(Connection connection, String last, String statement, long range)
            throws SQLException {
        long end;
        try (Statement query = connection.createStatement(); ResultSet max = query.executeQuery(last)) {
            max.next();
            end = max.getLong(1);
        }
        try (PreparedStatement each = connection.prepareStatement(statement)) {
            for (long after = 0; after < end; after += range) {
                each.setLong(1, after);
                each.setLong(2, after + range);
                each.executeUpdate();
            }
        }
    }

    public static int checksum(Object... parts) {
        CRC32 crc = new CRC32();
        for (Object part : parts) {
            crc.update(part.toString().getBytes(StandardCharsets.UTF_8));
            crc.update(0);
        }
        return (int) crc.getValue();
    }
}
