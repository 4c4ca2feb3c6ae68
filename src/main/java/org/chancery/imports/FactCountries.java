package org.chancery.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The countries of the facts that row reports name, as the change feed names them: a relation's two
 * countries for an event or a milestone, the sending and the receiving country for a mission, a head
 * of mission, an accreditation or an observation, the countries of a meeting's participants (sorted), a
 * diplomat's country, a country's own code; none for a fact no longer recorded. One statement per kind
 * for a page or a chunk of reports, whatever their number.
 */
@Component
class FactCountries {

    /** The ids a statement asks for at a time, well within what both databases take as parameters. */
    private static final int BATCH = 1000;

    /** For each kind: the fact's id and its countries, one row per country, in the order they are named. */
    private static final Map<String, String> COUNTRIES = Map.of(
            "event", """
                    select e.id, r.country_a, 1 from relation_event e join relation r on r.id = e.relation_id
                    where e.id in (:ids)
                    union all
                    select e.id, r.country_b, 2 from relation_event e join relation r on r.id = e.relation_id
                    where e.id in (:ids)""",
            "milestone", pair("milestone", "country_a", "country_b"),
            "mission", pair("mission", "sending_country", "receiving_country"),
            "accreditation", pair("accreditation", "sending_country", "receiving_country"),
            "observation", pair("observation", "sending_country", "receiving_country"),
            "head", """
                    select h.id, m.sending_country, 1 from head_of_mission h join mission m on m.id = h.mission_id
                    where h.id in (:ids)
                    union all
                    select h.id, m.receiving_country, 2 from head_of_mission h join mission m on m.id = h.mission_id
                    where h.id in (:ids)""",
            "meeting", "select meeting_id, country, 0 from meeting_country where meeting_id in (:ids)",
            "diplomat", "select id, country, 0 from diplomat where id in (:ids)",
            "country", "select code, code, 0 from country where code in (:ids)");

    private final JdbcClient jdbc;

    FactCountries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String pair(String table, String first, String second) {
        return "select id, " + first + ", 1 from " + table + " where id in (:ids) union all select id, " + second
                + ", 2 from " + table + " where id in (:ids)";
    }

    /** The reports with their facts' countries. */
    List<RowReport> of(List<RowReport> reports) {
        Map<String, Set<Object>> ids = new HashMap<>();
        for (RowReport report : reports) {
            for (FactRef fact : report.facts()) {
                if (COUNTRIES.containsKey(fact.kind())) {
                    ids.computeIfAbsent(fact.kind(), kind -> new LinkedHashSet<>()).add(key(fact));
                }
            }
        }
        if (ids.isEmpty()) {
            return reports;
        }
        Map<String, Map<Object, List<String>>> countries = new HashMap<>();
        ids.forEach((kind, of) -> countries.put(kind, read(kind, List.copyOf(of))));
        return reports.stream().map(report -> report.facts().isEmpty() ? report : new RowReport(report.line(),
                report.outcome(), report.code(), report.detail(), report.flags(), report.facts().stream()
                        .map(fact -> fact.withCountries(countries.getOrDefault(fact.kind(), Map.of())
                                .getOrDefault(key(fact), List.of())))
                        .toList())).toList();
    }

    private Map<Object, List<String>> read(String kind, List<Object> ids) {
        record Named(Object id, String country, int place) {
        }
        List<Named> named = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            named.addAll(jdbc.sql(COUNTRIES.get(kind)).param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
                    .query((row, number) -> new Named(kind.equals("country") ? row.getString(1) : row.getLong(1),
                            row.getString(2), row.getInt(3)))
                    .list());
        }
        // a meeting's countries sorted, as its change names them; a pair's in their order
        named.sort((a, b) -> a.place() != b.place() ? Integer.compare(a.place(), b.place())
                : a.country().compareTo(b.country()));
        Map<Object, List<String>> countries = new HashMap<>();
        named.forEach(each -> countries.computeIfAbsent(each.id(), id -> new ArrayList<>()).add(each.country()));
        return countries;
    }

    /** The fact's id as the statements read it: a number, or a country's code. */
    private static Object key(FactRef fact) {
        return fact.id() instanceof Number number ? (Object) number.longValue() : fact.id();
    }
}
