package org.chancery.milestone;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chancery.relation.RelationPair;
import org.chancery.shared.Ids;
import org.chancery.shared.SourcesConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads milestones as rows, in the caller's transaction: a pair's for the relation view and the
 * timeline (one statement along the pair's index), and a page of the list by its ids (one
 * statement, the ids one array parameter). Every relation view and list page reads them, and
 * loading them as entities through a repository query cost several times the statement.
 */
@Component
class MilestoneRows {

    private static final String COLUMNS = """
            select id, title, target, target_start, target_end, mission_id, achieved_on, cancelled, sources,
                   country_a, country_b
            from milestone
            """;

    private static final String OF_PAIR = COLUMNS + """
            where country_a = :a and country_b = :b
            order by target_end, id""";

    private static final String BY_IDS = COLUMNS + "where id = any(:ids)";

    private static final SourcesConverter SOURCES = new SourcesConverter();

    private final JdbcClient jdbc;

    MilestoneRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pair's milestones, ordered by {@code targetEnd} then id, with their status on {@code today}. */
    List<MilestoneView> ofPair(RelationPair pair, LocalDate today) {
        return jdbc.sql(OF_PAIR)
                .param("a", pair.first().value()).param("b", pair.second().value())
                .query((row, number) -> view(row, today))
                .list();
    }

    /** The milestones with these ids that exist, in the order of the ids, with their status on {@code today}. */
    List<MilestoneView> byIds(List<Long> ids, LocalDate today) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, MilestoneView> found = new LinkedHashMap<>();
        jdbc.sql(BY_IDS).param("ids", ids.toArray(Long[]::new))
                .query((ResultSet row) -> {
                    MilestoneView view = view(row, today);
                    found.put(view.id(), view);
                });
        return Ids.inOrder(ids, found, view -> view);
    }

    private static MilestoneView view(ResultSet row, LocalDate today) throws SQLException {
        LocalDate targetEnd = row.getObject(5, LocalDate.class);
        LocalDate achievedOn = row.getObject(7, LocalDate.class);
        return new MilestoneView(row.getLong(1), List.of(row.getString(10), row.getString(11)), row.getString(2),
                row.getString(3), row.getObject(4, LocalDate.class), targetEnd, row.getObject(6, Long.class),
                Milestone.status(achievedOn, row.getBoolean(8), targetEnd, today), achievedOn,
                Milestone.onTime(achievedOn, targetEnd), SOURCES.convertToEntityAttribute(row.getString(9)));
    }
}
