package org.chancery.relation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chancery.shared.DatePrecision;
import org.chancery.support.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V24 gives the relation intervals a database already holds the precision of their {@code since}, as the
 * application derives it from a replayed history: that of the diplomatic event that set the status, kept
 * through consular events, none for a pair without diplomatic relations.
 */
class RelationSincePrecisionMigrationTests {

    record Event(Long id, EventType type, LocalDate date, DatePrecision datePrecision) implements EventFact {
    }

    @Test
    void givesTheIntervalsRecordedBeforeItThePrecisionTheApplicationWouldDerive() {
        MigratedDatabase database = MigratedDatabase.upTo("23");
        JdbcTemplate jdbc = database.jdbc();
        List<List<Event>> histories = List.of(
                List.of(new Event(1L, EventType.ESTABLISHED, day("1960-01-01"), DatePrecision.YEAR),
                        new Event(2L, EventType.CONSULAR_SEVERED, day("1970-03-02"), DatePrecision.DAY),
                        new Event(3L, EventType.SEVERED, day("1986-05-01"), DatePrecision.MONTH),
                        new Event(4L, EventType.RESTORED, day("1998-07-10"), DatePrecision.DAY)),
                List.of(new Event(5L, EventType.CONSULAR_ESTABLISHED, day("1900-03-01"), DatePrecision.MONTH),
                        new Event(6L, EventType.ESTABLISHED, day("1902-01-01"), DatePrecision.YEAR)));
        String[][] pairs = {{"CU", "KP"}, {"CU", "US"}};
        for (int i = 0; i < histories.size(); i++) {
            RelationHistory history = RelationHistory.replay(histories.get(i));
            RelationState current = history.current();
            jdbc.update("insert into relation (id, country_a, country_b, status, since, consular_status, version) "
                    + "values (?, ?, ?, ?, ?, ?, 0)", i + 1, pairs[i][0], pairs[i][1], current.status().name(),
                    current.since(), current.consularStatus().name());
            for (Event event : histories.get(i)) {
                jdbc.update("insert into relation_event (id, relation_id, type, event_date, date_precision) "
                        + "values (?, ?, ?, ?, ?)", event.id(), i + 1, event.type().name(), event.date(),
                        event.datePrecision().name());
            }
            for (RelationHistory.Interval interval : history.intervals()) {
                jdbc.update("insert into relation_interval (relation_id, country_a, country_b, valid_from, valid_to, "
                        + "status, since, consular_status) values (?, ?, ?, ?, ?, ?, ?, ?)", i + 1, pairs[i][0],
                        pairs[i][1], interval.from(), interval.to(), interval.state().status().name(),
                        interval.state().since(), interval.state().consularStatus().name());
            }
        }

        database.migrateTheRest();

        for (int i = 0; i < histories.size(); i++) {
            List<String> derived = new ArrayList<>();
            for (RelationHistory.Interval interval : RelationHistory.replay(histories.get(i)).intervals()) {
                derived.add(interval.from() + " " + interval.state().since() + " " + interval.state().sincePrecision());
            }
            List<String> migrated = jdbc.query("select valid_from, since, since_precision from relation_interval "
                    + "where relation_id = ? order by valid_from", (row, n) -> row.getObject(1, LocalDate.class) + " "
                    + row.getObject(2, LocalDate.class) + " " + row.getString(3), i + 1);
            assertThat(migrated).as(pairs[i][0] + "–" + pairs[i][1]).isEqualTo(derived)
                    .anyMatch(interval -> !interval.endsWith(" DAY"));
        }
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }
}
