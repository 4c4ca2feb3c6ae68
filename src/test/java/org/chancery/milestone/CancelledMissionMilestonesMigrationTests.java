package org.chancery.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import org.chancery.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V20: the milestones the previous release left waiting for a cancelled mission are cancelled, moving their
 * version; those of other missions, those without a mission and those already achieved or cancelled
 * stay as recorded.
 */
class CancelledMissionMilestonesMigrationTests {

    @Test
    void aMilestoneWaitingForACancelledMissionIsCancelledAndNoOtherChanges() {
        MigratedDatabase database = MigratedDatabase.upTo("19");
        JdbcTemplate jdbc = database.jdbc();
        mission(jdbc, 1, "CANCELLED");
        mission(jdbc, 2, "PLANNED");
        mission(jdbc, 3, "CANCELLED");
        milestone(jdbc, 10, 1L, false);
        milestone(jdbc, 11, 2L, false);
        milestone(jdbc, 12, null, false);
        milestone(jdbc, 13, 3L, true);

        database.migrateTheRest();

        assertThat(jdbc.queryForList("select cancelled from milestone order by id", Boolean.class))
                .containsExactly(true, false, false, true);
        assertThat(jdbc.queryForList("select version from milestone order by id", Long.class))
                .as("only the milestone mended moves its version (the optimistic lock of its writes)").containsExactly(1L, 0L, 0L, 0L);
        // V31: the change feed tells its clients, of the mended milestone and of the one cancelled before, which
        // cannot be told apart from it any more
        assertThat(jdbc.queryForList("select user_name || ' ' || action || ' ' || kind || ' ' || fact_id || ' ' "
                + "|| countries from change_log order by id", String.class))
                .containsExactlyInAnyOrder("system UPDATED milestone 10 CU,KR", "system UPDATED milestone 13 CU,KR");
    }

    private static void mission(JdbcTemplate jdbc, long id, String status) {
        jdbc.update("insert into mission (id, sending_country, receiving_country, type, city, status, version) "
                + "values (?, 'CU', 'KR', 'EMBASSY', 'Seoul', ?, 0)", id, status);
    }

    private static void milestone(JdbcTemplate jdbc, long id, Long mission, boolean cancelled) {
        jdbc.update("insert into milestone (id, country_a, country_b, title, target, target_start, target_end, mission_id, "
                + "cancelled, version) values (?, 'CU', 'KR', 'Embassy opens', '2024-07', DATE '2024-07-01', "
                + "DATE '2024-07-31', ?, ?, 0)", id, mission, cancelled);
    }
}
