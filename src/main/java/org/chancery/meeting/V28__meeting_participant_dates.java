package org.chancery.meeting;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.chancery.shared.JavaMigrations;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * V28: each participant of a meeting keeps the meeting's date ({@code meeting_participant.meeting_date}, meetings
 * are never changed), indexed with the diplomat ({@link MeetingDiplomatIndex}); the participants recorded before are
 * given their meeting's, a range of meetings a statement (PostgreSQL's statements run 30 s at most). A Spring bean,
 * which Spring Boot hands to Flyway with the SQL migrations.
 */
@Component
class V28__meeting_participant_dates extends BaseJavaMigration {

    /** The meeting ids one statement dates the participants of. */
    static final long RANGE = 50_000;

    private static final String COLUMN = "ALTER TABLE meeting_participant ADD COLUMN meeting_date DATE";
    private static final String LAST = "SELECT COALESCE(MAX(id), 0) FROM meeting";
    private static final String DATE = """
            UPDATE meeting_participant SET meeting_date =
                (SELECT m.meeting_date FROM meeting m WHERE m.id = meeting_participant.meeting_id)
            WHERE meeting_id > ? AND meeting_id <= ?""";
    private static final String REQUIRED = "ALTER TABLE meeting_participant ALTER COLUMN meeting_date SET NOT NULL";
    private static final String INDEX = "CREATE INDEX ix_meeting_participant_diplomat_date "
            + "ON meeting_participant (diplomat_id, meeting_date, meeting_id)";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute(COLUMN);
        }
        JavaMigrations.inRanges(connection, LAST, DATE, RANGE);
        try (Statement statement = connection.createStatement()) {
            statement.execute(REQUIRED);
            statement.execute(INDEX);
        }
    }

    /** Of the statements it runs and the range they take: Flyway refuses to start on a database it ran otherwise. */
    @Override
    public Integer getChecksum() {
        return JavaMigrations.checksum(COLUMN, LAST, DATE, REQUIRED, INDEX, RANGE);
    }
}
