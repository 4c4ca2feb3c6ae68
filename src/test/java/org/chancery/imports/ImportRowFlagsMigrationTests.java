package org.chancery.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.chancery.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V23: the flags of the row reports written before are found through the flag table as those written after
 * are, each flag of a report once, reports without flags not at all.
 */
class ImportRowFlagsMigrationTests {

    @Test
    void everyFlagOfTheReportsWrittenBeforeIsInTheFlagTable() {
        MigratedDatabase database = MigratedDatabase.upTo("22");
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("insert into import_job (id, format, status, created_by, started_at, heartbeat_at, rows_total, "
                + "rows_done, imported, merged, already_present, no_fact, rejected) values (1, 'kenkel-us-missions', "
                + "'SUCCEEDED', 'admin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 4, 4, 2, 1, 0, 1, 0)");
        row(jdbc, 1, "[\"INFERRED_ESTABLISHMENT\",\"APPROXIMATE_DATE\"]");
        row(jdbc, 2, null);
        row(jdbc, 3, "[\"STATE_ENDED\"]");
        row(jdbc, 4, "[\"GAP\",\"DIFFERS_FROM_RECORDED\"]");

        database.migrateTheRest();

        assertThat(jdbc.queryForList("select line || ' ' || flag from import_row_flag where job_id = 1 "
                + "order by line, flag", String.class)).containsExactly("1 APPROXIMATE_DATE",
                        "1 INFERRED_ESTABLISHMENT", "3 STATE_ENDED", "4 DIFFERS_FROM_RECORDED", "4 GAP");
    }

    private static void row(JdbcTemplate jdbc, int line, String flags) {
        jdbc.update("insert into import_row (job_id, line, outcome, flags) values (1, ?, 'IMPORTED', ?)", line, flags);
    }
}
