package org.chancery.accreditation;

import java.time.LocalDate;
import java.util.List;

import org.chancery.country.CountryCode;
import org.chancery.relation.RelationPair;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.SourcesConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a pair's accreditations for the relation view and the timeline: one statement, a union of
 * the two directions read as one table, each along the direction index (not the accreditations whose ids are in
 * that union, which H2 answers more slowly, as it does a pair's missions), in the caller's transaction, as
 * rows. Every relation view reads them, and a repository query that loads entities cost several
 * times the statement, even when it found none.
 */
@Component
class AccreditationRows {

    private static final String BETWEEN = """
            select x.id, x.sending_country, x.receiving_country, x.accreditation_level, x.from_date, x.from_precision,
                   x.to_date, x.to_precision, x.resident_mission_id, x.diplomat_id, x.version, x.sources
            from (select * from accreditation s where s.sending_country = :a and s.receiving_country = :b
                  union all select * from accreditation r where r.sending_country = :b and r.receiving_country = :a) x
            order by x.from_date, x.id""";

    private static final SourcesConverter SOURCES = new SourcesConverter();

    private final JdbcClient jdbc;

    AccreditationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pair's accreditations, both directions, oldest first. */
    List<AccreditationRecord> between(RelationPair pair) {
        return jdbc.sql(BETWEEN).param("a", pair.first().value()).param("b", pair.second().value())
                .query((row, number) -> new AccreditationRecord(row.getLong(1), new CountryCode(row.getString(2)),
                        new CountryCode(row.getString(3)), AccreditationLevel.valueOf(row.getString(4)),
                        row.getObject(5, LocalDate.class), DatePrecision.valueOf(row.getString(6)),
                        row.getObject(7, LocalDate.class), precision(row.getString(8)), row.getObject(9, Long.class),
                        row.getObject(10, Long.class), row.getLong(11), SOURCES.convertToEntityAttribute(row.getString(12))))
                .list();
    }

    private static DatePrecision precision(String column) {
        return column == null ? null : DatePrecision.valueOf(column);
    }
}
