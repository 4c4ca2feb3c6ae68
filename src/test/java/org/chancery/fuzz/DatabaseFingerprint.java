package org.chancery.fuzz;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

import javax.sql.DataSource;

/**
 * What the database holds, table by table: the number of rows and a hash of their contents, in any
 * order. Two equal fingerprints mean, but for a hash collision, the same data.
 */
final class DatabaseFingerprint {

    private final DataSource dataSource;
    private List<String> tables;

    DatabaseFingerprint(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether the import's lease is still there (its worker deletes it once the job's end is recorded). */
    boolean leased(long importId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lease = connection.prepareStatement("select 1 from import_lease where job_id = ?")) {
            lease.setLong(1, importId);
            try (ResultSet found = lease.executeQuery()) {
                return found.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database", e);
        }
    }

    /** Table name to "rows:hash". */
    Map<String, String> take() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (tables == null) {
                tables = tables(statement);
            }
            Map<String, String> fingerprint = new TreeMap<>();
            for (String table : tables) {
                long rows = 0;
                long hash = 0;
                try (ResultSet result = statement.executeQuery("select * from " + table)) {
                    int columns = result.getMetaData().getColumnCount();
                    CRC32C crc = new CRC32C();
                    while (result.next()) {
                        crc.reset();
                        for (int column = 1; column <= columns; column++) {
                            Object value = result.getObject(column);
                            crc.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                            crc.update(0);
                        }
                        rows++;
                        hash += crc.getValue() * 0x9E3779B97F4A7C15L;
                    }
                }
                fingerprint.put(table, rows + ":" + Long.toHexString(hash));
            }
            return fingerprint;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database", e);
        }
    }

    private static List<String> tables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("select table_name from information_schema.tables "
                + "where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name")) {
            while (result.next()) {
                String table = result.getString(1);
                if (!table.equalsIgnoreCase("flyway_schema_history")) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }
}
