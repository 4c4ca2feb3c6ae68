package org.chancery.mission;

import static org.assertj.core.api.Assertions.assertThat;

import org.chancery.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V19: a mission the previous release closed as superseded (R8), to the day, closes as precisely as
 * its successor's opening is known; one the history import closed at a gap or at its state's end, the day
 * after an exact last day, is known to the day; other closings stay as recorded. A mission mended moves its
 * version (its ETag).
 */
class SupersededClosingPrecisionMigrationTests {

    private static final String KENKEL = "[{\"url\":\"https://github.com/brentonk/us_diplomatic_missions\","
            + "\"publisher\":\"Brenton Kenkel\",\"title\":\"line 155\",\"publishedOn\":null}]";

    @Test
    void aSupersededClosingTakesItsSuccessorsOpeningPrecisionAndAnImportedOneAtAStatesEndIsKnownToTheDay() {
        MigratedDatabase database = MigratedDatabase.upTo("18");
        JdbcTemplate jdbc = database.jdbc();
        // Buenos Aires: a legation superseded by an embassy opened in October 1914
        insert(jdbc, 1, "AR", "EMBASSY", "OPEN", "1914-10-01", "MONTH", null, null, null, null);
        insert(jdbc, 2, "AR", "LEGATION", "CLOSED", "1841-01-01", "YEAR", "1914-10-01", "DAY", "SUPERSEDED", 1L);
        // Havana: an interests section superseded by an embassy opened on a day known to the day
        insert(jdbc, 3, "CU", "EMBASSY", "OPEN", "2015-07-20", "DAY", null, null, null, null);
        insert(jdbc, 4, "CU", "INTERESTS_SECTION", "CLOSED", "1977-09-01", "MONTH", "2015-07-20", "DAY", "SUPERSEDED", 3L);
        // Santiago: a legation closed by hand on the first of the month an embassy opened in
        insert(jdbc, 5, "CL", "EMBASSY", "OPEN", "1914-10-01", "MONTH", null, null, null, null);
        insert(jdbc, 6, "CL", "LEGATION", "CLOSED", "1850-05-12", "DAY", "1914-10-01", "DAY", "Recalled", null);
        // Prague: the history import's embassy closing as Czechoslovakia ended; an editor's of the same words
        insert(jdbc, 7, "CS", "EMBASSY", "CLOSED", "1945-05-10", "DAY", "1993-01-01", "YEAR", "STATE_ENDED", null);
        jdbc.update("update mission set sources = ? where id = 7", KENKEL);
        insert(jdbc, 8, "CS", "CONSULATE", "CLOSED", "1945-05-10", "DAY", "1993-01-01", "YEAR", "STATE_ENDED", null);

        database.migrateTheRest();

        assertThat(jdbc.queryForList("select closed_precision from mission where closed_on is not null order by id",
                String.class)).containsExactly("MONTH", "DAY", "DAY", "DAY", "YEAR");
        assertThat(jdbc.queryForList("select closed_on from mission where closed_on is not null order by id",
                String.class)).as("every closing on the day recorded").containsExactly("1914-10-01", "2015-07-20",
                        "1914-10-01", "1993-01-01", "1993-01-01");
        assertThat(jdbc.queryForList("select version from mission order by id", Long.class))
                .as("the missions mended move their version").containsExactly(0L, 1L, 0L, 0L, 0L, 0L, 1L, 0L);
        // V31: and are UPDATED entries of the change feed, which V19 did not write
        assertThat(jdbc.queryForList("select user_name || ' ' || action || ' ' || kind || ' ' || fact_id || ' ' "
                + "|| countries from change_log order by id", String.class))
                .containsExactlyInAnyOrder("system UPDATED mission 2 AR,US", "system UPDATED mission 7 CS,US");
    }

    private static void insert(JdbcTemplate jdbc, long id, String receiving, String type, String status, String openedOn,
            String openedPrecision, String closedOn, String closedPrecision, String reason, Long successor) {
        jdbc.update("insert into mission (id, sending_country, receiving_country, type, city, status, opened_on, "
                + "opened_precision, closed_on, closed_precision, closing_reason, successor_id, version) "
                + "values (?, 'US', ?, ?, 'Capital', ?, ?, ?, ?, ?, ?, ?, 0)", id, receiving, type, status,
                java.sql.Date.valueOf(openedOn), openedPrecision, closedOn == null ? null : java.sql.Date.valueOf(closedOn),
                closedPrecision, reason, successor);
    }
}
