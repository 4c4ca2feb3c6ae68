package org.chancery.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The test run's PostgreSQL database made read-only (its sessions' default, as for maintenance) and writable again,
 * on a connection of its own: the pool's sessions keep what they began with until they are renewed.
 */
public final class ReadOnlyPostgres {

    private ReadOnlyPostgres() {
    }

    public static void set(HikariDataSource pool, boolean readOnly) throws SQLException {
        try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword()); Statement statement = connection.createStatement()) {
            statement.execute("set default_transaction_read_only = off");
            statement.execute("alter database \"" + connection.getCatalog() + "\" "
                    + (readOnly ? "set default_transaction_read_only = on" : "reset default_transaction_read_only"));
        }
    }

    /** Writes, on a session of its own that takes writes, whatever the database's default. */
    public static void write(HikariDataSource pool, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword()); Statement statement = connection.createStatement()) {
            statement.execute("set default_transaction_read_only = off");
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
