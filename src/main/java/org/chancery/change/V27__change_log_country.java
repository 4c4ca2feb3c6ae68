package org.chancery.change;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.chancery.shared.JavaMigrations;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * V27: {@code change_log_country}, each numbered change once per country it names, along which the feed of one
 * country is read ({@code GET /api/changes?country=}): the countries change_log keeps as one text ("CU,KR") were
 * matched against every change of the feed, 0.4–1.7 s a page among 1.1 million changes however few the country's.
 * The feed writes a change's rows as it numbers it ({@link ChangeFeed}); the changes numbered already are split here,
 * their codes two letters each between commas (at most 67 in the column's 200 characters), a range of seqs a
 * statement: PostgreSQL's statements run 30 s at most (the {@code postgres} profile), and 1.1 million changes split
 * in one took longer. A Spring bean, which Spring Boot hands to Flyway with the SQL migrations.
 */
@Component
class V27__change_log_country extends BaseJavaMigration {

    /** The seqs one statement splits. */
    static final long RANGE = 50_000;

    private static final String TABLE = """
            CREATE TABLE change_log_country (
                country VARCHAR(2)  NOT NULL,
                seq     BIGINT      NOT NULL REFERENCES change_log (seq),
                kind    VARCHAR(20) NOT NULL,
                CONSTRAINT pk_change_log_country PRIMARY KEY (country, seq)
            )""";

    private static final String INDEX =
            "CREATE INDEX ix_change_log_country_kind ON change_log_country (country, kind, seq)";

    private static final String LAST = "SELECT COALESCE(MAX(seq), 0) FROM change_log";

    private static final String SPLIT = """
            INSERT INTO change_log_country (country, seq, kind)
            WITH RECURSIVE nth (k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM nth WHERE k < 66)
            SELECT DISTINCT SUBSTRING(c.countries FROM 3 * nth.k + 1 FOR 2), c.seq, c.kind
            FROM change_log c JOIN nth ON 3 * nth.k < CHAR_LENGTH(c.countries)
            WHERE c.seq > ? AND c.seq <= ?""";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute(TABLE);
            statement.execute(INDEX);
        }
        JavaMigrations.inRanges(connection, LAST, SPLIT, RANGE);
    }

    /** Of the statements it runs and the range they take: Flyway refuses to start on a database it ran otherwise. */
    @Override
    public Integer getChecksum() {
        return JavaMigrations.checksum(TABLE, INDEX, LAST, SPLIT, RANGE);
    }
}
