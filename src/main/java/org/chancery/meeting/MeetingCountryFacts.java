package org.chancery.meeting;

import java.time.LocalDate;
import java.util.Optional;

import org.chancery.country.CountryCode;
import org.chancery.country.CountryFacts;
import org.chancery.country.Lifetime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * R20 for a change of a country's lifetime: the meetings it took part in, or that took place in it,
 * stay within its existence (R22); read along the country and date indexes.
 */
@Component
@Transactional(readOnly = true)
class MeetingCountryFacts implements CountryFacts {

    private final JdbcClient jdbc;

    MeetingCountryFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> outside(CountryCode country, Lifetime lifetime) {
        if (lifetime.unbounded()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select m.id, m.meeting_date, m.city from meeting m
                where m.id in (select c.meeting_id from meeting_country c
                               where c.country = :c and (c.meeting_date < :first or c.meeting_date > :last)
                               union all
                               select l.id from meeting l
                               where l.country = :c and (l.meeting_date < :first or l.meeting_date > :last))
                order by m.meeting_date, m.id fetch first 1 rows only""")
                .param("c", country.value()).param("first", lifetime.firstDay()).param("last", lifetime.lastDay())
                .query((row, n) -> Meeting.describe(row.getLong(1), row.getObject(2, LocalDate.class), row.getString(3)))
                .optional();
    }
}
