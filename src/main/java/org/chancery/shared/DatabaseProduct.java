package org.chancery.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Which of the two databases Chancery runs on (the embedded H2, PostgreSQL in production), for the
 * few statements whose best form differs: the lock a fact's writer takes on its countries, a row
 * created unless it exists.
 */
public final class DatabaseProduct {

    private DatabaseProduct() {
    }

    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * Whether the database is PostgreSQL, asked on the caller's transactional connection if it has one: a second
     * connection could wait for a pool that writers have taken whole.
     */
    public static boolean isPostgres(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return isPostgres(connection);
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("The database did not say what it is", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
