package org.chancery.relation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chancery.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migration that adds the relation intervals (V8) computes them, in SQL, for the histories a
 * database already holds, exactly as the application derives them from a replayed history.
 */
class RelationIntervalMigrationTests {

    record Event(Long id, EventType type, LocalDate date) implements EventFact {
    }

    @Test
    void givesTheHistoriesRecordedBeforeItTheIntervalsTheApplicationWouldDerive() {
        MigratedDatabase database = MigratedDatabase.upTo("7");
        JdbcTemplate jdbc = database.jdbc();
        List<List<Event>> histories = List.of(
                List.of(new Event(1L, EventType.ESTABLISHED, day("1949-01-01")), new Event(2L, EventType.SEVERED,
                        day("1959-01-01")), new Event(3L, EventType.RESTORED, day("2024-02-14"))),
                List.of(new Event(4L, EventType.CONSULAR_ESTABLISHED, day("1900-03-01")),
                        new Event(5L, EventType.ESTABLISHED, day("1902-05-27")),
                        new Event(6L, EventType.SEVERED, day("1961-01-03")),
                        new Event(7L, EventType.CONSULAR_SEVERED, day("1961-01-03")),
                        new Event(8L, EventType.CONSULAR_ESTABLISHED, day("1977-09-01")),
                        new Event(9L, EventType.RESTORED, day("2015-07-20"))),
                List.of(new Event(10L, EventType.CONSULAR_ESTABLISHED, day("1990-01-01")),
                        new Event(11L, EventType.CONSULAR_SEVERED, day("1995-01-01")),
                        new Event(12L, EventType.ESTABLISHED, day("1995-01-01"))));
        String[][] pairs = {{"CU", "KR"}, {"CU", "US"}, {"AG", "US"}};
        for (int i = 0; i < histories.size(); i++) {
            RelationState current = RelationHistory.replay(histories.get(i)).current();
            jdbc.update("insert into relation (id, country_a, country_b, status, since, consular_status, version) "
                    + "values (?, ?, ?, ?, ?, ?, 0)", i + 1, pairs[i][0], pairs[i][1], current.status().name(),
                    current.since(), current.consularStatus().name());
            for (Event event : histories.get(i)) {
                jdbc.update("insert into relation_event (id, relation_id, type, event_date, date_precision) "
                        + "values (?, ?, ?, ?, 'DAY')", event.id(), i + 1, event.type().name(), event.date());
            }
        }

        database.migrateTheRest();

        for (int i = 0; i < histories.size(); i++) {
            List<String> derived = new ArrayList<>();
            for (RelationHistory.Interval interval : RelationHistory.replay(histories.get(i)).intervals()) {
                derived.add(pairs[i][0] + pairs[i][1] + " " + interval.from() + " " + interval.to() + " "
                        + interval.state().status() + " " + interval.state().since() + " "
                        + interval.state().consularStatus());
            }
            List<String> migrated = jdbc.query("""
                    select country_a, country_b, valid_from, valid_to, status, since, consular_status
                    from relation_interval where relation_id = ? order by valid_from""",
                    (row, n) -> row.getString(1) + row.getString(2) + " " + row.getObject(3, LocalDate.class) + " "
                            + row.getObject(4, LocalDate.class) + " " + row.getString(5) + " "
                            + row.getObject(6, LocalDate.class) + " " + row.getString(7), i + 1);
            assertThat(migrated).as(pairs[i][0] + "–" + pairs[i][1]).isEqualTo(derived);
        }
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }
}
