package org.chancery.imports;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The countries of the facts that row reports name, as the change feed names them, sorted: a relation's two
 * countries for an event or a milestone, the sending and the receiving country of a mission, a head of mission, an
 * accreditation or an observation, the countries of a meeting's participants, a diplomat's country, a country's own
 * code; none for a fact no longer recorded. One statement per kind and thousand facts for a page or a chunk of
 * reports, however many facts of the kind it names.
 */
@Component
class FactCountries {

    /** The ids a statement asks for at a time, well within what both databases take as parameters. */
    private static final int BATCH = 1000;

    /** For each kind: the fact's id and one of its countries, a row for each. */
    private static final Map<String, String> COUNTRIES = Map.of(
            "event", pair("relation_event e join relation r on r.id = e.relation_id", "e.id", "r.country_a",
                    "r.country_b"),
            "milestone", pair("milestone", "id", "country_a", "country_b"),
            "mission", pair("mission", "id", "sending_country", "receiving_country"),
            "accreditation", pair("accreditation", "id", "sending_country", "receiving_country"),
            "observation", pair("observation", "id", "sending_country", "receiving_country"),
            "head", pair("head_of_mission h join mission m on m.id = h.mission_id", "h.id", "m.sending_country",
                    "m.receiving_country"),
            "meeting", "select meeting_id, country from meeting_country where meeting_id in (:ids)",
            "diplomat", "select id, country from diplomat where id in (:ids)",
            "country", "select code, code from country where code in (:ids)");

    private final JdbcClient jdbc;

    FactCountries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The two countries of the facts of {@code from} whose {@code id} is asked for, a row each. */
    private static String pair(String from, String id, String first, String second) {
        return "select " + id + ", " + first + " from " + from + " where " + id + " in (:ids) union all select " + id
                + ", " + second + " from " + from + " where " + id + " in (:ids)";
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
                report.outcome(), report.code(), report.detail(), report.flags(),
                report.facts().stream().map(fact -> withCountries(fact, countries)).toList())).toList();
    }

    /** The fact with the countries read for it: none if it is gone; as it is for a kind of no countries. */
    private static FactRef withCountries(FactRef fact, Map<String, Map<Object, List<String>>> countries) {
        Map<Object, List<String>> ofKind = countries.get(fact.kind());
        return ofKind == null ? fact : fact.withCountries(ofKind.getOrDefault(key(fact), List.of()));
    }

    private Map<Object, List<String>> read(String kind, List<Object> ids) {
        Map<Object, SortedSet<String>> countries = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            jdbc.sql(COUNTRIES.get(kind)).param("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)))
                    .query(row -> {
                        Object id = kind.equals("country") ? row.getString(1) : (Object) row.getLong(1);
                        countries.computeIfAbsent(id, fact -> new TreeSet<>()).add(row.getString(2));
                    });
        }
        Map<Object, List<String>> sorted = new HashMap<>();
        countries.forEach((id, of) -> sorted.put(id, List.copyOf(of)));
        return sorted;
    }

    /** The fact's id as the statements read it: a number, or a country's code. */
    private static Object key(FactRef fact) {
        return fact.id() instanceof Number number ? (Object) number.longValue() : fact.id();
    }
}
