package org.chancery.relation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.chancery.shared.DatePrecision;
import org.chancery.shared.SourcesConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a pair's events for the relation view and the timeline: one statement along the events'
 * index, in the caller's transaction, as rows. Every relation view and timeline reads them, and
 * loading the relation entity with its events through Hibernate cost three times the statement.
 */
@Component
class EventRecords {

    /** The consular track's types, whose events of a day come first, as {@link RelationHistory} applies them. */
    private static final String CONSULAR = Arrays.stream(EventType.values())
            .filter(type -> type.track() == Track.CONSULAR).map(type -> "'" + type.name() + "'")
            .collect(Collectors.joining(", "));

    private static final String OF_PAIR = """
            select e.id, e.type, e.event_date, e.date_precision, e.note, e.sources
            from relation r join relation_event e on e.relation_id = r.id
            where r.country_a = ? and r.country_b = ?
            order by e.event_date, case when e.type in (%s) then 0 else 1 end, e.id""".formatted(CONSULAR);

    private static final SourcesConverter SOURCES = new SourcesConverter();

    private final JdbcClient jdbc;

    EventRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The pair's events in the order of its history: by date, a day's consular event before its diplomatic one
     * (as they are applied), then in the order they were recorded.
     */
    List<EventRecord> of(RelationPair pair) {
        return jdbc.sql(OF_PAIR)
                .params(pair.first().value(), pair.second().value())
                .query((row, number) -> new EventRecord(row.getLong(1), EventType.valueOf(row.getString(2)),
                        row.getObject(3, LocalDate.class), DatePrecision.valueOf(row.getString(4)), row.getString(5),
                        SOURCES.convertToEntityAttribute(row.getString(6))))
                .list();
    }
}
