package org.chancery.mission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chancery.country.CountryCode;
import org.chancery.mission.MissionView.HeadView;
import org.chancery.relation.RelationPair;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Ids;
import org.chancery.shared.PartialDate;
import org.chancery.shared.SourcesConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads missions with their heads as the mission list and the timeline show them, in one
 * statement whatever the number of missions (the ids of a page are one array parameter). A read
 * model over plain rows: the missions are not loaded into the persistence context, where
 * hydrating them and then batch-loading their heads as entities cost more than reading them. Runs
 * in the caller's transaction.
 */
@Component
class MissionViews {

    private static final String COLUMNS = """
            select m.id, m.sending_country, m.receiving_country, m.type, m.city, m.status, m.planned_opening,
                   m.opened_on, m.opened_precision, m.closed_on, m.closed_precision, m.closing_reason,
                   m.protecting_power, m.predecessor_id, m.successor_id, m.version, m.sources,
                   h.id, h.diplomat_id, h.name, h.head_rank, h.agrement_on, h.started_on, h.started_precision,
                   h.ended_on, h.ended_precision, h.sources
            """;

    private static final String HEADS = "left join head_of_mission h on h.mission_id = m.id\n";

    private static final String BY_IDS = COLUMNS + "from mission m\n" + HEADS + """
            where m.id = any(:ids)
            order by m.id, h.started_on, h.id""";

    /**
     * A pair's missions as one table: the union of the two directions, each read along the direction index. Not
     * {@code m.id in (a union of their ids)}, which H2 answers in about one and a half times as long (the five
     * missions of the bench world's longest pair with their heads, 39 µs against 68).
     */
    private static final String OF_PAIR = """
            from (select * from mission s where s.sending_country = :a and s.receiving_country = :b
                  union all select * from mission r where r.sending_country = :b and r.receiving_country = :a) m
            """;

    private static final String BETWEEN = COLUMNS + OF_PAIR + HEADS + "order by m.id, h.started_on, h.id";

    /** A pair's missions as the relation view shows them on a day: their dates and states, no heads. */
    private static final String ON_DAY_BETWEEN = """
            select m.id, m.sending_country, m.receiving_country, m.type, m.city, m.status, m.opened_on,
                   m.opened_precision, m.closed_on, m.closed_precision
            """ + OF_PAIR + "order by m.id";

    private static final SourcesConverter SOURCES = new SourcesConverter();

    private final JdbcClient jdbc;

    MissionViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The missions with these ids that exist, in the order of the ids. */
    List<MissionView> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Ids.inOrder(ids, read(jdbc.sql(BY_IDS).param("ids", ids.toArray(Long[]::new))), Builder::build);
    }

    /** The missions of a pair, both directions, by id. */
    List<MissionView> between(RelationPair pair) {
        return read(jdbc.sql(BETWEEN).param("a", pair.first().value()).param("b", pair.second().value()))
                .values().stream().map(Builder::build).toList();
    }

    /** The missions of a pair, both directions, by id, as they stood at the end of {@code day}. */
    List<MissionOnDay> onDayBetween(RelationPair pair, LocalDate day) {
        return jdbc.sql(ON_DAY_BETWEEN).param("a", pair.first().value()).param("b", pair.second().value())
                .query((row, n) -> MissionOnDay.of(row.getLong(1), row.getString(2), row.getString(3),
                        MissionType.valueOf(row.getString(4)), row.getString(5), MissionStatus.valueOf(row.getString(6)),
                        row.getObject(7, LocalDate.class), precision(row.getString(8)),
                        row.getObject(9, LocalDate.class), precision(row.getString(10)), day))
                .list();
    }

    /** The missions of the statement's rows, by id in the order they come, each with its heads. */
    private static Map<Long, Builder> read(JdbcClient.StatementSpec statement) {
        Map<Long, Builder> missions = new LinkedHashMap<>();
        statement.query((ResultSet row) -> {
            Builder mission = missions.get(row.getLong(1));
            if (mission == null) {
                mission = new Builder(row);
                missions.put(mission.id, mission);
            }
            long head = row.getLong(18);
            if (!row.wasNull()) {
                mission.heads.add(new HeadView(head, mission.id, row.getLong(19), row.getString(20),
                        HeadRank.valueOf(row.getString(21)), row.getObject(22, LocalDate.class),
                        row.getObject(23, LocalDate.class), precision(row.getString(24)),
                        row.getObject(25, LocalDate.class), precision(row.getString(26)),
                        SOURCES.convertToEntityAttribute(row.getString(27))));
            }
        });
        return missions;
    }

    private static DatePrecision precision(String column) {
        return column == null ? null : DatePrecision.valueOf(column);
    }

    /** One mission's columns, and its heads as their rows come. */
    private static final class Builder {

        private final long id;
        private final String sending;
        private final String receiving;
        private final MissionType type;
        private final String city;
        private final MissionStatus status;
        private final String plannedOpening;
        private final LocalDate openedOn;
        private final DatePrecision openedPrecision;
        private final LocalDate closedOn;
        private final DatePrecision closedPrecision;
        private final String closingReason;
        private final String protectingPower;
        private final Long predecessorId;
        private final Long successorId;
        private final long version;
        private final String sources;
        private final List<HeadView> heads = new ArrayList<>(4);

        Builder(ResultSet row) throws SQLException {
            id = row.getLong(1);
            sending = row.getString(2);
            receiving = row.getString(3);
            type = MissionType.valueOf(row.getString(4));
            city = row.getString(5);
            status = MissionStatus.valueOf(row.getString(6));
            plannedOpening = row.getString(7);
            openedOn = row.getObject(8, LocalDate.class);
            openedPrecision = precision(row.getString(9));
            closedOn = row.getObject(10, LocalDate.class);
            closedPrecision = precision(row.getString(11));
            closingReason = row.getString(12);
            protectingPower = row.getString(13);
            predecessorId = row.getObject(14, Long.class);
            successorId = row.getObject(15, Long.class);
            version = row.getLong(16);
            sources = row.getString(17);
        }

        MissionView build() {
            return new MissionView(id, new CountryCode(sending), new CountryCode(receiving), type, city, status,
                    plannedOpening == null ? null : PartialDate.parse(plannedOpening), openedOn, openedPrecision,
                    closedOn, closedPrecision, closingReason,
                    protectingPower == null ? null : new CountryCode(protectingPower), predecessorId, successorId,
                    version, SOURCES.convertToEntityAttribute(sources), List.copyOf(heads));
        }
    }
}
