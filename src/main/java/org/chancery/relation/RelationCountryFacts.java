package org.chancery.relation;

import java.time.LocalDate;
import java.util.Optional;

import org.chancery.country.CountryCode;
import org.chancery.country.CountryFacts;
import org.chancery.country.Lifetime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** R20 for a change of a country's lifetime: the events of its relations stay within its existence (R22). */
@Component
@Transactional(readOnly = true)
class RelationCountryFacts implements CountryFacts {

    private final JdbcClient jdbc;

    RelationCountryFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> outside(CountryCode country, Lifetime lifetime) {
        if (lifetime.unbounded()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select e.type, e.event_date, r.country_a, r.country_b, e.id from relation_event e
                join relation r on r.id = e.relation_id
                where (r.country_a = :c or r.country_b = :c) and (e.event_date < :first or e.event_date > :last)
                order by e.event_date fetch first 1 rows only""")
                .param("c", country.value()).param("first", lifetime.firstDay()).param("last", lifetime.lastDay())
                .query((row, n) -> row.getString(1) + " on " + row.getObject(2, LocalDate.class) + " between "
                        + row.getString(3) + " and " + row.getString(4) + " (event " + row.getLong(5) + ")")
                .optional();
    }
}
