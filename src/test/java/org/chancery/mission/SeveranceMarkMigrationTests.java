package org.chancery.mission;

import static org.assertj.core.api.Assertions.assertThat;

import org.chancery.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V18: the heads of a liaison office or an interests section that the previous release ended by a
 * severance (R11 as it was) lose the mark that made the severance undeletable (R20); those of
 * embassy-class missions and provisional offices keep it. Their ends stay as recorded.
 */
class SeveranceMarkMigrationTests {

    @Test
    void unmarksTheHeadsASeveranceNoLongerEnds() {
        MigratedDatabase database = MigratedDatabase.upTo("17");
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("insert into diplomat (id, name, country, version) values (1, 'A U.S. diplomat', 'US', 0)");
        String[] types = {"LIAISON_OFFICE", "INTERESTS_SECTION", "EMBASSY", "PROVISIONAL_OFFICE"};
        for (int i = 0; i < types.length; i++) {
            jdbc.update("insert into mission (id, sending_country, receiving_country, type, city, status, version) "
                    + "values (?, 'US', 'CU', ?, 'Havana', 'PLANNED', 0)", i + 1, types[i]);
            jdbc.update("insert into head_of_mission (id, mission_id, diplomat_id, name, head_rank, started_on, ended_on, "
                    + "ended_by_severance, started_precision, ended_precision) values (?, ?, 1, 'A U.S. diplomat', 'CHARGE_D_AFFAIRES', DATE '1955-01-01', "
                    + "DATE '1961-01-03', TRUE, 'DAY', 'DAY')", i + 1, i + 1);
        }

        database.migrateTheRest();

        assertThat(jdbc.queryForList("select m.type from head_of_mission h join mission m on m.id = h.mission_id "
                + "where h.ended_by_severance order by m.id", String.class))
                .containsExactly("EMBASSY", "PROVISIONAL_OFFICE");
        assertThat(jdbc.queryForList("select ended_on from head_of_mission", String.class))
                .as("every end as recorded").containsOnly("1961-01-03");
    }
}
