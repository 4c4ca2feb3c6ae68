package org.chancery.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.chancery.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V26: the COW states an earlier release created with their first day in the COW state list as their founding
 * (1816-01-01 for the states the list begins with; Korea's entry into the state system in 1887) lose that startedOn,
 * moving their version, each an UPDATED entry of the change feed; a day an administrator gave, or a country of the
 * same code that is another state, is kept.
 */
class CowStartDaysMigrationTests {

    @Test
    void aStartTheImportGaveFromTheListIsClearedAndAnyOtherKept() {
        MigratedDatabase database = MigratedDatabase.upTo("25");
        JdbcTemplate jdbc = database.jdbc();
        country(jdbc, "XJ", "XJO", "1887-01-01");
        country(jdbc, "XB", "XBV", "1816-01-01");
        country(jdbc, "XH", "XHN", "1814-10-12");
        country(jdbc, "XM", "XMX", "1843-01-01");

        database.migrateTheRest();

        assertThat(jdbc.queryForList("select started_on from country where code in ('XB', 'XH', 'XJ', 'XM') "
                + "order by code", LocalDate.class))
                .containsExactly(null, LocalDate.parse("1814-10-12"), null, LocalDate.parse("1843-01-01"));
        assertThat(jdbc.queryForList("select version from country where code in ('XB', 'XH', 'XJ', 'XM') order by code",
                Long.class)).containsExactly(1L, 0L, 1L, 0L);
        assertThat(jdbc.queryForList("select action || ' ' || kind || ' ' || fact_id || ' ' || countries || ' by '"
                + " || user_name from change_log where seq is null and tx = id order by fact_id", String.class))
                .containsExactly("UPDATED country XB XB by system", "UPDATED country XJ XJ by system");
    }

    private static void country(JdbcTemplate jdbc, String code, String alpha3, String startedOn) {
        jdbc.update("insert into country (code, alpha3, name, started_on, version) values (?, ?, ?, ?, 0)", code,
                alpha3, "State " + code, LocalDate.parse(startedOn));
    }
}
