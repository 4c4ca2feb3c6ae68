package org.chancery.diplomat;

import java.sql.SQLException;
import java.sql.Statement;

import org.chancery.shared.JavaMigrations;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * V29: the diplomat list's own order ({@code name_key}, then the id: its default, and the order a name search is
 * read in) read along an index, not every diplomat sorted for each page: 1.4 s on H2 and 0.2 s on PostgreSQL a page
 * among 200,000 diplomats without it; a search for a common part of names stops at the page's last match. Java, as
 * V15 is, which adds the column: the migration tests that run the SQL migrations alone have no such column. A Spring
 * bean, which Spring Boot hands to Flyway with the SQL migrations.
 */
@Component
class V29__diplomat_name_key_index extends BaseJavaMigration {

    private static final String INDEX = "CREATE INDEX ix_diplomat_name_key ON diplomat (name_key, id)";

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(INDEX);
        }
    }

    /** Of the statement it runs: Flyway refuses to start on a database it ran otherwise. */
    @Override
    public Integer getChecksum() {
        return JavaMigrations.checksum(INDEX);
    }
}
