package org.chancery.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * V15: the search keys of the countries' and diplomats' names ({@link SearchText}), which only Java
 * computes the same way for both databases: the columns are added, filled from the names, then
 * required. A Spring bean, which Spring Boot hands to Flyway with the SQL migrations.
 */
@Component
class V15__name_search_keys extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        fill(connection, "country", "code");
        fill(connection, "diplomat", "id");
    }

    private static void fill(Connection connection, String table, String key) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + table + " ADD COLUMN name_key VARCHAR(" + SearchText.KEY_LENGTH + ")");
        }
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT " + key + ", name FROM " + table);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE " + table + " SET name_key = ? WHERE " + key + " = ?")) {
            int pending = 0;
            while (rows.next()) {
                update.setString(1, SearchText.key(rows.getString(2)));
                update.setObject(2, rows.getObject(1));
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + table + " ALTER COLUMN name_key SET NOT NULL");
        }
    }
}
