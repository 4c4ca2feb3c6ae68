package org.chancery.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.chancery.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V27: the changes an earlier release numbered are listed under each country they name (the feed of one country is
 * read along those rows); a change naming no country, or not numbered yet (the feed lists it when it numbers it),
 * under none.
 */
class ChangeCountriesMigrationTests {

    @Test
    void everyNumberedChangeIsListedOnceUnderEachCountryItNames() {
        MigratedDatabase database = MigratedDatabase.upTo("26");
        JdbcTemplate jdbc = database.jdbc();
        String many = "AD,AE,AF,AG,AI,AL,AM,AO,AQ,AR,AS,AT,AU,"
                + "AW,AX,AZ,BA,BB,BD,BE,BF,BG,BH,BI,BJ,BL,BM,BN,BO,BQ,BR,BS,BT,BV,BW,BY,BZ,CA,CC,CD,CF,CG,CH,CI,CK,CL,"
                + "CM,CN,CO,CR,CU,CV,CW,CX,CY,CZ,DE,DJ,DK,DM,DO,DZ,EC,EE,EG,EH,ER";
        assertThat(many).hasSize(200);
        change(jdbc, 1, 1L, "event", "CU,KR");
        change(jdbc, 2, 2L, "meeting", many);
        change(jdbc, 3, 3L, "import", null);
        change(jdbc, 4, null, "diplomat", "US");
        // the last of one statement's range and the first of the next (a range of seqs a statement)
        change(jdbc, 5, V27__change_log_country.RANGE, "mission", "FR");
        change(jdbc, 6, V27__change_log_country.RANGE + 1, "mission", "DE,FR");

        database.migrateTheRest(new V27__change_log_country());

        assertThat(jdbc.queryForList("select country || ' ' || seq || ' ' || kind from change_log_country "
                + "where seq <> 2 order by country, seq", String.class)).containsExactly("CU 1 event",
                "DE " + (V27__change_log_country.RANGE + 1) + " mission", "FR " + V27__change_log_country.RANGE
                        + " mission", "FR " + (V27__change_log_country.RANGE + 1) + " mission", "KR 1 event");
        assertThat(jdbc.queryForList("select country from change_log_country where seq = 2 order by country",
                String.class)).hasSize(67).startsWith("AD", "AE").endsWith("ER").doesNotHaveDuplicates();
    }

    /** Flyway refuses to start on a database that ran another text of it: a migration is not changed once landed. */
    @Test
    void keepsTheChecksumItLandedWith() {
        assertThat(new V27__change_log_country().getChecksum()).isEqualTo(-1981911122);
    }

    private static void change(JdbcTemplate jdbc, long id, Long seq, String kind, String countries) {
        jdbc.update("insert into change_log (id, tx, seq, recorded_at, user_name, action, kind, fact_id, countries) "
                + "values (?, ?, ?, current_timestamp, 'editor', 'CREATED', ?, '1', ?)", id, id, seq, kind, countries);
    }
}
