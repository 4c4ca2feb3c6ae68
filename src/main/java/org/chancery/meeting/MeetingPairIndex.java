package org.chancery.meeting;

import java.time.LocalDate;
import java.util.List;

import org.chancery.relation.RelationPair;
import org.chancery.shared.DatePrecision;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the pair index of meetings ({@code meeting_pair}: one row per meeting and pair of
 * participating countries, indexed by pair, date and meeting) and the pairs' totals
 * ({@code meeting_pair_total}). Each read is one statement along the index, in the caller's
 * transaction; plain JDBC, as these small statements run several times in every relation view
 * and timeline and their rows are not entities.
 */
@Component
class MeetingPairIndex {

    private static final String FIRST = """
            select m.id, m.meeting_date, m.date_precision, m.city, m.title
            from meeting_pair p join meeting m on m.id = p.meeting_id
            where p.country_a = ? and p.country_b = ? and p.meeting_date >= ? and p.meeting_date <= ?
            order by p.country_a, p.country_b, p.meeting_date, p.meeting_id
            fetch first ? rows only""";

    /**
     * The pair's meetings after one (by date, then id) up to a day, oldest first: the index is read from that
     * meeting's day on, the meetings of that day up to it left out.
     */
    private static final String AFTER = """
            select m.id, m.meeting_date, m.date_precision, m.city, m.title
            from meeting_pair p join meeting m on m.id = p.meeting_id
            where p.country_a = ? and p.country_b = ? and p.meeting_date >= ? and p.meeting_date <= ?
              and (p.meeting_date > ? or p.meeting_id > ?)
            order by p.country_a, p.country_b, p.meeting_date, p.meeting_id
            fetch first ? rows only""";

    /** One page of the pair's meeting ids, in the order of the index read in the direction given. */
    private static final String IDS = """
            select p.meeting_id from meeting_pair p
            where p.country_a = ? and p.country_b = ? and p.meeting_date >= ? and p.meeting_date <= ?
            order by p.country_a %1$s, p.country_b %1$s, p.meeting_date %1$s, p.meeting_id %1$s
            offset ? rows fetch next ? rows only""";
    private static final String OLDEST_FIRST_IDS = IDS.formatted("asc");
    private static final String NEWEST_FIRST_IDS = IDS.formatted("desc");

    private static final String COUNT = """
            select count(*) from meeting_pair p
            where p.country_a = ? and p.country_b = ? and p.meeting_date >= ? and p.meeting_date <= ?""";

    private static final String TOTAL = """
            select meetings, latest_meeting from meeting_pair_total where country_a = ? and country_b = ?""";

    private static final RowMapper<MeetingRef> MEETING_REF = (row, number) -> new MeetingRef(row.getLong(1),
            row.getObject(2, LocalDate.class), DatePrecision.valueOf(row.getString(3)), row.getString(4),
            row.getString(5));

    private final JdbcClient jdbc;

    MeetingPairIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The first {@code limit} meetings of the pair dated from {@code from} to {@code to}, oldest
     * first (of meetings on the same day, the one recorded first). The order names every column of
     * the index, so that the database reads it in order and stops at the limit instead of sorting
     * all the pair's meetings.
     */
    List<MeetingRef> oldestFirst(RelationPair pair, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql(FIRST)
                .params(pair.first().value(), pair.second().value(), from, to, limit)
                .query(MEETING_REF)
                .list();
    }

    /** The next {@code limit} meetings of the pair after {@code after} (by date, then id) dated up to {@code to}. */
    List<MeetingRef> oldestAfter(RelationPair pair, MeetingRef after, LocalDate to, int limit) {
        return jdbc.sql(AFTER)
                .params(pair.first().value(), pair.second().value(), after.date(), to, after.date(), after.id(), limit)
                .query(MEETING_REF)
                .list();
    }

    /**
     * The ids of one page of the meetings of the pair dated from {@code from} to {@code to}, by
     * date, then id, in the {@code direction} given, read along the index (backwards for the newest
     * first).
     */
    List<Long> ids(RelationPair pair, LocalDate from, LocalDate to, Sort.Direction direction, long offset, int size) {
        return jdbc.sql(direction.isAscending() ? OLDEST_FIRST_IDS : NEWEST_FIRST_IDS)
                .params(pair.first().value(), pair.second().value(), from, to, offset, size)
                .query(Long.class)
                .list();
    }

    /** The number of meetings of the pair dated from {@code from} to {@code to}, counted along the index. */
    long count(RelationPair pair, LocalDate from, LocalDate to) {
        return jdbc.sql(COUNT)
                .params(pair.first().value(), pair.second().value(), from, to)
                .query(Long.class)
                .single();
    }

    /** The pair's total: the number of its meetings and the date of the latest. */
    MeetingPairTotals.Total total(RelationPair pair) {
        return jdbc.sql(TOTAL)
                .params(pair.first().value(), pair.second().value())
                .query((row, number) -> new MeetingPairTotals.Total(row.getLong(1),
                        row.getObject(2, LocalDate.class)))
                .optional()
                .orElse(MeetingPairTotals.Total.NONE);
    }
}
