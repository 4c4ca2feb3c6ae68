package org.chancery.mission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
     * {@code country} matches either side through the two direction indexes (a union of ids)
     * rather than {@code sending = :c or receiving = :c}, which H2 answers by reading every
     * mission.
     */
    Page<Long> ids(MissionService.Filter filter, Pageable pageable) {
        List<String> conditions = new ArrayList<>();
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        where(conditions, parameters, "m.sending_country = :sending", "sending", code(filter.sending()));
        where(conditions, parameters, "m.receiving_country = :receiving", "receiving", code(filter.receiving()));
        where(conditions, parameters, """
                m.id in (select s.id from mission s where s.sending_country = :country
                         union all select r.id from mission r where r.receiving_country = :country)""",
                "country", code(filter.country()));
        where(conditions, parameters, "m.type = :type", "type", filter.type() == null ? null : filter.type().name());
        where(conditions, parameters, "m.status = :status", "status",
                filter.status() == null ? null : filter.status().name());
        where(conditions, parameters, "m.opened_on <= :openOn and (m.closed_on is null or m.closed_on > :openOn)",
                "openOn", filter.openOn());
        String from = " from mission m" + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
        String page = pageable.isPaged()
                ? " offset " + pageable.getOffset() + " rows fetch next " + pageable.getPageSize() + " rows only"
                : "";
        List<Long> ids = jdbc.queryForList("select m.id" + from + orderBy(pageable.getSort()) + page, parameters,
                Long.class);
        return PageableExecutionUtils.getPage(ids, pageable,
                () -> jdbc.queryForObject("select count(*)" + from, parameters, Long.class));
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
            String column = COLUMNS.get(order.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("The mission list cannot be sorted by " + order.getProperty() + ".");
            }
            orders.by("m." + column, SqlOrder.direction(order));
        }
        return orders.sql();
    }

    private static String code(CountryCode code) {
        return code == null ? null : code.value();
    }
}
