package org.chancery.meeting;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An index of meetings by a key (a country, a diplomat), the meeting's date and the meeting, read for the list of
 * the key's meetings: each read is one statement along the index, in the caller's transaction, plain JDBC. The
 * order names every column of the index, the key included, so that the database reads the index (backwards for the
 * newest first) and stops at the page instead of sorting all the key's meetings (H2 reads along an index only for
 * an order that starts with the index's first column).
 */
abstract class MeetingDateIndex {

    private static final String IDS = """
            select i.meeting_id from %1$s i
            where i.%2$s = ? and i.meeting_date >= ? and i.meeting_date <= ?
            order by i.%2$s %3$s, i.meeting_date %3$s, i.meeting_id %3$s
            offset ? rows fetch next ? rows only""";

    private static final String COUNT = """
            select count(*) from %1$s i
            where i.%2$s = ? and i.meeting_date >= ? and i.meeting_date <= ?""";

    private final JdbcClient jdbc;
    private final String oldestFirst;
    private final String newestFirst;
    private final String count;

    /** The index of {@code table}'s rows by {@code key}, {@code meeting_date} and {@code meeting_id}. */
    MeetingDateIndex(JdbcClient jdbc, String table, String key) {
        this.jdbc = jdbc;
        this.oldestFirst = IDS.formatted(table, key, "asc");
        this.newestFirst = IDS.formatted(table, key, "desc");
        this.count = COUNT.formatted(table, key);
    }

    /**
     * The ids of one page of the key's meetings dated from {@code from} to {@code to}, by date, then id, in the
     * {@code direction} given.
     */
    List<Long> ids(Object key, LocalDate from, LocalDate to, Sort.Direction direction, long offset, int size) {
        return jdbc.sql(direction.isAscending() ? oldestFirst : newestFirst)
                .params(key, from, to, offset, size)
                .query(Long.class)
                .list();
    }

    /** The number of the key's meetings dated from {@code from} to {@code to}, counted along the index. */
    long count(Object key, LocalDate from, LocalDate to) {
        return jdbc.sql(count).params(key, from, to).query(Long.class).single();
    }
}
