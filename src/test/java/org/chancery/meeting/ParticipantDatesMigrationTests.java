package org.chancery.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.chancery.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V28: the participants an earlier release recorded are given their meeting's date, whatever range of meetings
 * dates them, and the date is required from then on.
 */
class ParticipantDatesMigrationTests {

    @Test
    void everyParticipantIsGivenTheDateOfItsMeeting() {
        MigratedDatabase database = MigratedDatabase.upTo("26");
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("insert into diplomat (id, name, country, version) values (1, 'Ana', 'CU', 0), "
                + "(2, 'Kim', 'KR', 0)");
        long[] meetings = {1, V28__meeting_participant_dates.RANGE, V28__meeting_participant_dates.RANGE + 1};
        for (int i = 0; i < meetings.length; i++) {
            jdbc.update("insert into meeting (id, meeting_date, date_precision, country) values (?, ?, 'DAY', 'CU')",
                    meetings[i], LocalDate.of(2020 + i, 1, 1));
            jdbc.update("insert into meeting_participant (meeting_id, list_index, diplomat_id, country) "
                    + "values (?, 0, 1, 'CU'), (?, 1, 2, 'KR')", meetings[i], meetings[i]);
        }

        database.migrateTheRest(new V28__meeting_participant_dates());

        assertThat(jdbc.queryForList("select meeting_id || ' ' || diplomat_id || ' ' || meeting_date "
                + "from meeting_participant order by meeting_id, diplomat_id", String.class)).containsExactly(
                "1 1 2020-01-01", "1 2 2020-01-01",
                meetings[1] + " 1 2021-01-01", meetings[1] + " 2 2021-01-01",
                meetings[2] + " 1 2022-01-01", meetings[2] + " 2 2022-01-01");
        assertThat(jdbc.queryForObject("select is_nullable from information_schema.columns "
                // the names as each database folds them (H2 to upper, PostgreSQL to lower case): no lower() of
                // H2's, which follows the JVM's locale (in Turkish "MEETING" lower-cases into "meetıng")
                + "where table_schema = current_schema() "
                + "and table_name in ('MEETING_PARTICIPANT', 'meeting_participant') "
                + "and column_name in ('MEETING_DATE', 'meeting_date')",
                String.class)).isEqualTo("NO");
    }

    /** Flyway refuses to start on a database that ran another text of it: a migration is not changed once landed. */
    @Test
    void keepsTheChecksumItLandedWith() {
        assertThat(new V28__meeting_participant_dates().getChecksum()).isEqualTo(487998257);
    }
}
