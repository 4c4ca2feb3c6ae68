package org.chancery.mission;

import java.time.LocalDate;
import java.util.Optional;

import org.chancery.country.CountryCode;
import org.chancery.country.CountryFacts;
import org.chancery.country.Lifetime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * R20 for a change of a country's lifetime: the openings and closings of the missions it sends,
 * receives or protects, and the periods of the heads of those it sends or receives, stay within its
 * existence (R22).
 */
@Component
@Transactional(readOnly = true)
class MissionCountryFacts implements CountryFacts {

    private final JdbcClient jdbc;

    MissionCountryFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> outside(CountryCode country, Lifetime lifetime) {
        if (lifetime.unbounded()) {
            return Optional.empty();
        }
        Optional<String> mission = jdbc.sql("""
                select type, id, sending_country, receiving_country, opened_on, closed_on from mission
                where (sending_country = :c or receiving_country = :c or protecting_power = :c)
                  and (opened_on < :first or opened_on > :last or closed_on > :lastEnd)
                order by id fetch first 1 rows only""")
                .param("c", country.value()).param("first", lifetime.firstDay()).param("last", lifetime.lastDay())
                .param("lastEnd", lifetime.lastEndDay())
                .query(mission("")).optional();
        if (mission.isPresent()) {
            return mission;
        }
        return jdbc.sql("""
                select h.name, h.id, m.id, h.started_on, h.ended_on from head_of_mission h
                join mission m on m.id = h.mission_id
                where (m.sending_country = :c or m.receiving_country = :c)
                  and (h.started_on < :first or h.started_on > :last or h.ended_on > :lastEnd)
                order by h.id fetch first 1 rows only""")
                .param("c", country.value()).param("first", lifetime.firstDay()).param("last", lifetime.lastDay())
                .param("lastEnd", lifetime.lastEndDay())
                .query(head("")).optional();
    }

    /** A mission it sends, receives or protects still open, or a head of mission of one it sends or receives still serving. */
    @Override
    public Optional<String> goingOn(CountryCode country) {
        Optional<String> mission = jdbc.sql("""
                select type, id, sending_country, receiving_country, opened_on, closed_on from mission
                where (sending_country = :c or receiving_country = :c or protecting_power = :c)
                  and opened_on is not null and closed_on is null
                order by id fetch first 1 rows only""")
                .param("c", country.value())
                .query(mission(", still open")).optional();
        if (mission.isPresent()) {
            return mission;
        }
        return jdbc.sql("""
                select h.name, h.id, m.id, h.started_on, h.ended_on from head_of_mission h
                join mission m on m.id = h.mission_id
                where (m.sending_country = :c or m.receiving_country = :c) and h.ended_on is null
                order by h.id fetch first 1 rows only""")
                .param("c", country.value())
                .query(head(", still serving")).optional();
    }

    /** A mission row (type, id, sending, receiving, opened, closed) in words; {@code open} said of one not closed. */
    private static RowMapper<String> mission(String open) {
        return (row, n) -> row.getString(1) + " " + row.getLong(2) + " of " + row.getString(3) + " in "
                + row.getString(4) + " (opened " + row.getObject(5, LocalDate.class)
                + (row.getObject(6) == null ? open : ", closed " + row.getObject(6, LocalDate.class)) + ")";
    }

    /** A head's row (name, id, mission, started, ended) in words; {@code serving} said of one not ended. */
    private static RowMapper<String> head(String serving) {
        return (row, n) -> "head of mission " + row.getString(1) + " (" + row.getLong(2) + ", mission "
                + row.getLong(3) + ", from " + row.getObject(4, LocalDate.class)
                + (row.getObject(5) == null ? serving : " to " + row.getObject(5, LocalDate.class)) + ")";
    }
}
