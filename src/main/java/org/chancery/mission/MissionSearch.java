package org.chancery.mission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.chancery.country.CountryCode;
import org.chancery.shared.SqlOrder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The mission list's ids in SQL, with only the conditions of the filters a request gives, so that
 * each combination is its own statement, planned once. Through Hibernate the same two statements
 * cost a fifth of a list request (issue 17's profile: translating, binding and reading a JPQL
 * query and its count); the missions themselves are read as rows ({@link MissionViews}). Plain
 * JDBC, so not a fragment of {@link MissionRepository}: it runs in the caller's transaction.
 */
@Component
class MissionSearch {

    /** The column of each sort property of the list (its allow-list is the controller's). */
    private static final Map<String, String> COLUMNS = Map.of("id", "id", "sendingCountry", "sending_country",
            "receivingCountry", "receiving_country", "type", "type", "city", "city", "status", "status",
            "openedOn", "opened_on", "closedOn", "closed_on");

    private final NamedParameterJdbcTemplate jdbc;

    MissionSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * {@code country} matches either side through the two direction indexes: a union of the missions it sends and
     * those it receives, each with every other filter's conditions (no mission is both, R4), which the page and its
     * count read as one table. Not {@code sending = :c or receiving = :c}, which H2 answers by reading every
     * mission, nor {@code m.id in (that union)}, which H2 checks along every mission too for the count (11 ms on the
     * bench world of scale 1, 22,297 missions, against 0.2 ms; 2.2 ms against 0.1 for the first page's ids).
     */
    Page<Long> ids(MissionService.Filter filter, Pageable pageable) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        where(conditions, parameters, "m.sending_country = :sending", "sending", code(filter.sending()));
        where(conditions, parameters, "m.receiving_country = :receiving", "receiving", code(filter.receiving()));
        where(conditions, parameters, "m.type = :type", "type", filter.type() == null ? null : filter.type().name());
        where(conditions, parameters, "m.status = :status", "status",
                filter.status() == null ? null : filter.status().name());
        where(conditions, parameters, "m.opened_on <= :openOn and (m.closed_on is null or m.closed_on > :openOn)",
                "openOn", filter.openOn());
        String from;
        if (filter.country() == null) {
            from = " from mission m" + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
        } else {
            parameters.addValue("country", code(filter.country()));
            String columns = columns(pageable.getSort());
            from = " from (" + side(columns, "m.sending_country = :country", conditions) + " union all "
                    + side(columns, "m.receiving_country = :country", conditions) + ") m";
        }
        String page = pageable.isPaged()
                ? " offset " + pageable.getOffset() + " rows fetch next " + pageable.getPageSize() + " rows only"
                : "";
        List<Long> ids = jdbc.queryForList("select m.id" + from + orderBy(pageable.getSort()) + page, parameters,
                Long.class);
        return PageableExecutionUtils.getPage(ids, pageable,
                () -> jdbc.queryForObject("select count(*)" + from, parameters, Long.class));
    }

    /**
     * The missions of one side of the country that meet the other conditions, with {@code columns}: the id and the
     * columns the page is sorted by, no more, so that a side filtered by the country and a day, sorted by id, the
     * countries or the days, is read from that side's index of opening and closing days alone (V36), without each
     * mission's row (a filter or sort by type, city or status still reads the rows).
     */
    private static String side(String columns, String country, List<String> conditions) {
        return "select " + columns + " from mission m where " + country
                + conditions.stream().map(condition -> " and " + condition).collect(Collectors.joining());
    }

    /** The id and the columns of the sort's properties, once each. */
    private static String columns(Sort sort) {
        Set<String> columns = new TreeSet<>(Set.of("m.id"));
        sort.forEach(order -> columns.add("m." + column(order)));
        return String.join(", ", columns);
    }

    private static void where(List<String> conditions, MapSqlParameterSource parameters, String condition,
            String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.addValue(name, value);
        }
    }

    private static String orderBy(Sort sort) {
        SqlOrder orders = new SqlOrder();
        for (Sort.Order order : sort) {
            orders.by("m." + column(order), SqlOrder.direction(order));
        }
        return orders.sql();
    }

    private static String column(Sort.Order order) {
        String column = COLUMNS.get(order.getProperty());
        if (column == null) {
            throw new IllegalArgumentException("The mission list cannot be sorted by " + order.getProperty() + ".");
        }
        return column;
    }

    private static String code(CountryCode code) {
        return code == null ? null : code.value();
    }
}
