package org.chancery.milestone;

import java.time.LocalDate;
import java.util.Optional;

import org.chancery.country.CountryCode;
import org.chancery.country.CountryFacts;
import org.chancery.country.Lifetime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** R20 for a change of a country's lifetime: the milestones of its relations are achieved within its existence (R22). */
@Component
@Transactional(readOnly = true)
class MilestoneCountryFacts implements CountryFacts {

    private final JdbcClient jdbc;

    MilestoneCountryFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> outside(CountryCode country, Lifetime lifetime) {
        if (lifetime.unbounded()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, title, achieved_on from milestone
                where (country_a = :c or country_b = :c) and (achieved_on < :first or achieved_on > :last)
                order by achieved_on fetch first 1 rows only""")
                .param("c", country.value()).param("first", lifetime.firstDay()).param("last", lifetime.lastDay())
                .query((row, n) -> "milestone " + row.getLong(1) + " (" + row.getString(2) + ") achieved on "
                        + row.getObject(3, LocalDate.class))
                .optional();
    }
}
