package org.chancery.milestone;

import java.time.LocalDate;
import java.util.List;

import org.chancery.relation.RelationPair;
import org.chancery.shared.SourcesConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a pair's milestones for the relation view and the timeline: one statement along the
 * pair's index, in the caller's transaction, as rows. Every relation view reads them, and loading
 * them as entities through a repository query cost several times the statement.
 */
@Component
class MilestoneRows {

    private static final String OF_PAIR = """
            select id, title, target, target_start, target_end, mission_id, achieved_on, cancelled, sources
            from milestone
            where country_a = ? and country_b = ?
            order by target_end, id""";

    private static final SourcesConverter SOURCES = new SourcesConverter();

    private final JdbcClient jdbc;

    MilestoneRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pair's milestones, ordered by {@code targetEnd} then id, with their status on {@code today}. */
    List<MilestoneView> ofPair(RelationPair pair, LocalDate today) {
        List<String> countries = pair.codes();
        return jdbc.sql(OF_PAIR)
                .params(pair.first().value(), pair.second().value())
                .query((row, number) -> {
                    LocalDate targetEnd = row.getObject(5, LocalDate.class);
                    LocalDate achievedOn = row.getObject(7, LocalDate.class);
                    return new MilestoneView(row.getLong(1), countries, row.getString(2), row.getString(3),
                            row.getObject(4, LocalDate.class), targetEnd, row.getObject(6, Long.class),
                            Milestone.status(achievedOn, row.getBoolean(8), targetEnd, today), achievedOn,
                            Milestone.onTime(achievedOn, targetEnd), SOURCES.convertToEntityAttribute(row.getString(9)));
                })
                .list();
    }
}
