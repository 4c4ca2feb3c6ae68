package org.chancery.meeting;

import java.time.LocalDate;
import java.util.List;

import org.chancery.country.CountryCode;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the country index of meetings ({@code meeting_country}: one row per meeting and
 * participating country, indexed by country, date and meeting) for the list of one country's
 * meetings. Each read is one statement along the index, in the caller's transaction; plain JDBC,
 * as {@link MeetingPairIndex} reads the pair index.
 */
@Component
class MeetingCountryIndex {

    /** One page of the country's meeting ids, in the order of the index read in the direction given. */
    private static final String IDS = """
            select c.meeting_id from meeting_country c
            where c.country = ? and c.meeting_date >= ? and c.meeting_date <= ?
            order by c.country %1$s, c.meeting_date %1$s, c.meeting_id %1$s
            offset ? rows fetch next ? rows only""";
    private static final String OLDEST_FIRST_IDS = IDS.formatted("asc");
    private static final String NEWEST_FIRST_IDS = IDS.formatted("desc");

    private static final String COUNT = """
            select count(*) from meeting_country c
            where c.country = ? and c.meeting_date >= ? and c.meeting_date <= ?""";

    private final JdbcClient jdbc;

    MeetingCountryIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The ids of one page of the meetings the country took part in dated from {@code from} to
     * {@code to}, by date, then id, in the {@code direction} given. The order names every column of
     * the index, the country included, so that the database reads the index (backwards for the
     * newest first) and stops at the page instead of sorting all the country's meetings (H2 reads
     * along an index only for an order that starts with the index's first column).
     */
    List<Long> ids(CountryCode country, LocalDate from, LocalDate to, Sort.Direction direction, long offset,
            int size) {
        return jdbc.sql(direction.isAscending() ? OLDEST_FIRST_IDS : NEWEST_FIRST_IDS)
                .params(country.value(), from, to, offset, size)
                .query(Long.class)
                .list();
    }

    /**
     * The number of meetings the country took part in dated from {@code from} to {@code to},
     * counted along the index.
     */
    long count(CountryCode country, LocalDate from, LocalDate to) {
        return jdbc.sql(COUNT)
                .params(country.value(), from, to)
                .query(Long.class)
                .single();
    }
}
