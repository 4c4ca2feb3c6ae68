package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.chancery.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V30: the search keys an earlier release stored without the vowel signs of the scripts that spell with them, or
 * with the characters that are not seen, are written as today's; the others are left as they are.
 */
class NameKeysMigrationTests {

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void rewritesTheKeysThatDifferFromTodaysInEveryRangeOfDiplomats(CapturedOutput output) {
        MigratedDatabase database = MigratedDatabase.upTo("14");
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("update country set name = 'भारत' where code = 'IN'");
        long far = V30__name_keys_rewritten.RANGE * 2 + 1;
        jdbc.update("insert into diplomat (id, name, country, version) values (1, 'किताब सिंह', 'IN', 0), "
                + "(2, 'Aoife O''Brien', 'IE', 0), (3, ?, 'IE', 0), "
                + "(?, 'Ali\u200cReza', 'IR', 0), (?, 'Javad Zarif', 'IR', 0)", "\u0001", far, far + 1);
        database.migrateTo("15", new V15__name_search_keys());
        // the keys the release before V30 stored
        jdbc.update("update country set name_key = 'भरत' where code = 'IN'");
        jdbc.update("update diplomat set name_key = 'कतब सह' where id = 1");
        jdbc.update("update diplomat set name_key = 'aoife o''brien' where id = 2");
        jdbc.update("update diplomat set name_key = 'ali\u200creza' where id = ?", far);

        database.migrateTheRest(new V15__name_search_keys(), new V30__name_keys_rewritten());

        assertThat(jdbc.queryForList("select name_key from country where code in ('IN', 'IR') order by code",
                String.class)).containsExactly("भारत", "iran");
        assertThat(jdbc.queryForList("select name_key from diplomat order by id", String.class))
                .containsExactly("किताब सिंह", "aoife obrien", "", "alireza", "javad zarif");
        assertThat(output).contains("1 diplomats kept by an earlier release have a name of which nothing is seen; a "
                + "change of them must give one: [3]").doesNotContain("countries kept by");
    }

    /** Flyway refuses to start on a database that ran another text of it: a migration is not changed once landed. */
    @Test
    void keepsTheChecksumItLandedWith() {
        assertThat(new V30__name_keys_rewritten().getChecksum()).isEqualTo(815668996);
    }
}
