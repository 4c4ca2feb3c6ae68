package org.chancery.relation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chancery.country.CountryCode;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.SqlOrder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The relation list as of a day: the one {@code relation_interval} of each pair that covers the day (kept with the
 * pair's events, so no history is replayed), of pairs whose two countries both exist that day. The few countries
 * that do not exist that day are read first and left out by their codes: joined to every interval, the country
 * table cost two thirds of a list's time on H2. A country's list, one row for each country at most, is read whole
 * in one statement along the interval indexes (a union of its pairs as first and as second country), and the pairs
 * of absent countries are left out and the page cut here (comparing each interval's codes with the absent ones in
 * the statement cost H2 a third of its time); the list of every pair is read a page at a time, the absent codes
 * bound as one array (the statement's text is the same whatever their number), with one count when the page does
 * not tell the total. Runs in the caller's transaction (on H2, whose reads are at read committed, its statements
 * may straddle another transaction's commit, as a page and its count may).
 */
@Component
class RelationList {

    /** The API's sort fields and their columns. */
    static final Map<String, String> COLUMNS = Map.of("countryA", "country_a", "countryB", "country_b",
            "status", "status", "since", "since", "consularStatus", "consular_status");

    private static final String SELECT = """
            select i.country_a, i.country_b, i.status, i.since, i.consular_status, i.since_precision
            from relation_interval i
            where i.valid_from <= :day and (i.valid_to is null or i.valid_to > :day)
            """;

    /** The list of every pair leaves out the pairs of the countries absent that day in its statement. */
    private static final String PRESENT = " and i.country_a <> all(:absent) and i.country_b <> all(:absent)";

    private final JdbcClient jdbc;

    RelationList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<RelationStanding> page(CountryCode country, RelationStatus status, LocalDate day, Pageable pageable) {
        String[] absent = jdbc.sql("select code from country where started_on > :day or ended_on < :day")
                .param("day", day).query(String.class).list().toArray(String[]::new);
        String rows = rows(country, status);
        if (country != null) {
            Set<String> gone = Set.of(absent);
            List<RelationStanding> all = bind(jdbc.sql("select * from (" + rows + ") r" + orderBy(pageable.getSort())),
                    country, status, day, null).query(RelationList::standing).list().stream()
                    .filter(standing -> !gone.contains(standing.pair().first().value())
                            && !gone.contains(standing.pair().second().value()))
                    .toList();
            return PageableExecutionUtils.getPage(slice(all, pageable), pageable, all::size);
        }
        String select = "select * from (" + rows + ") r" + orderBy(pageable.getSort())
                + (pageable.isPaged() ? " offset " + pageable.getOffset() + " rows fetch next "
                        + pageable.getPageSize() + " rows only" : "");
        List<RelationStanding> content = bind(jdbc.sql(select), country, status, day, absent)
                .query(RelationList::standing).list();
        return PageableExecutionUtils.getPage(content, pageable,
                () -> bind(jdbc.sql("select count(*) from (" + rows + ") r"), country, status, day, absent)
                        .query(Long.class).single());
    }

    /** The rows of {@code pageable}'s page among {@code all}. */
    private static <T> List<T> slice(List<T> all, Pageable pageable) {
        if (pageable.isUnpaged()) {
            return all;
        }
        int from = (int) Math.min(pageable.getOffset(), all.size());
        return all.subList(from, Math.min(from + pageable.getPageSize(), all.size()));
    }

    private static String rows(CountryCode country, RelationStatus status) {
        String conditions = status == null ? "" : " and i.status = :status";
        if (country == null) {
            return SELECT + PRESENT + conditions;
        }
        return SELECT + " and i.country_a = :country" + conditions
                + " union all " + SELECT + " and i.country_b = :country" + conditions;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, CountryCode country,
            RelationStatus status, LocalDate day, String[] absent) {
        statement = statement.param("day", day);
        if (absent != null) {
            statement = statement.param("absent", absent);
        }
        if (country != null) {
            statement = statement.param("country", country.value());
        }
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        return statement;
    }

    /**
     * The requested order (properties of {@link #COLUMNS}), then the pair's codes, which are unique.
     * {@code countryA} is the pair's order: both codes in its direction, so that the pair descending is
     * the ascending order reversed. Only an order by {@code since}, the one field that may be null, places the
     * nulls ({@link SqlOrder#direction}, as the page request gives it): PostgreSQL reads the intervals along their
     * country index in an order that places no nulls, where one that does made it read every interval and sort
     * them (13–51 ms a page of the COW history's relations, 0.5 ms along the index).
     */
    private static String orderBy(Sort sort) {
        SqlOrder orders = new SqlOrder();
        sort.forEach(order -> {
            String direction = SqlOrder.direction(order);
            orders.by("r." + COLUMNS.get(order.getProperty()), direction);
            if (order.getProperty().equals("countryA")) {
                orders.by("r.country_b", direction);
            }
        });
        return orders.then("r.country_a", "r.country_b").sql();
    }

    private static RelationStanding standing(ResultSet row, int number) throws SQLException {
        return new RelationStanding(RelationPair.of(new CountryCode(row.getString(1)), new CountryCode(row.getString(2))),
                RelationStatus.valueOf(row.getString(3)), row.getObject(4, LocalDate.class),
                row.getString(6) == null ? null : DatePrecision.valueOf(row.getString(6)),
                RelationStatus.valueOf(row.getString(5)));
    }
}
