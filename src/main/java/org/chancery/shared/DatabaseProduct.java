package org.chancery.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

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
}
