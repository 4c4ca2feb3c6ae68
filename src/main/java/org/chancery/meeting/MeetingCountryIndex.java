package org.chancery.meeting;

import java.time.LocalDate;
import java.util.List;

import org.chancery.country.CountryCode;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the country index of meetings ({@code meeting_country}: one row per meeting and participating country,
 * indexed by country, date and meeting) for the list of one country's meetings, as {@link MeetingPairIndex} reads
 * the pair index.
 */
@Component
class MeetingCountryIndex extends MeetingDateIndex {

    MeetingCountryIndex(JdbcClient jdbc) {
        super(jdbc, "meeting_country", "country");
    }

    /** One page of the ids of the meetings the country took part in (see {@link MeetingDateIndex#ids}). */
    List<Long> ids(CountryCode country, LocalDate from, LocalDate to, Sort.Direction direction, long offset,
            int size) {
        return ids(country.value(), from, to, direction, offset, size);
    }

    /** The number of meetings the country took part in dated from {@code from} to {@code to}. */
    long count(CountryCode country, LocalDate from, LocalDate to) {
        return count(country.value(), from, to);
    }
}
