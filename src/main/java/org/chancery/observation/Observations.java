package org.chancery.observation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

import org.chancery.country.CountryCode;
import org.chancery.relation.RelationPair;
import org.chancery.shared.DatabaseProduct;
import org.chancery.shared.SqlOrder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads observations as plain rows: a filtered page, a pair's observations, the latest of a pair up
 * to a year, and the counts per year and level of a country's (kept with the observations, so a
 * summary reads some hundred rows of an index, whatever the number of observations). A read of one
 * statement takes no transaction of its own (it joins the caller's); one of two, a page and its
 * count, takes a read-only one.
 */
@Service
public class Observations {

    /** The summary's country for the counts of all countries. */
    static final String ALL_COUNTRIES = "**";

    /** The list's sort fields and their columns. */
    public static final Map<String, String> SORTABLE = Map.of("year", "observed_year", "sendingCountry",
            "sending_country", "receivingCountry", "receiving_country", "level", "observation_level", "id", "id");

    private static final String COLUMNS = """
            select id, observed_year, sending_country, receiving_country, observation_level, raw_code, dataset,
                   sending_dataset_code, receiving_dataset_code, import_job_id, source_line
            from observation""";

    /**
     * The index whose order is the order by each sort field but the year (its tie-breakers included), on H2; the
     * primary key's is named by none.
     */
    private static final Map<String, String> ORDER_INDEXES = Map.of("sendingCountry", "ix_observation_sending",
            "receivingCountry", "ix_observation_receiving", "level", "ix_observation_level", "id", "");

    private final NamedParameterJdbcTemplate jdbc;
    /** Whether the database is H2 (asked once, at the first list read): null until then. */
    private volatile Boolean h2;

    Observations(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private boolean onH2() {
        Boolean known = h2;
        if (known == null) {
            known = !DatabaseProduct.isPostgres(jdbc.getJdbcTemplate().getDataSource());
            h2 = known;
        }
        return known;
    }

    /** Filters of the list; any may be null ({@code direction} null: the country on either side). */
    public record Filter(CountryCode country, ObservationDirection direction, Integer year, ObservationLevel level,
            String dataset) {
    }

    /**
     * A page of the observations the filter keeps, in the page's order (properties of
     * {@link #SORTABLE}; the year, then the sending and receiving countries, by default): one
     * statement for the page and, unless the page tells the total, one of the counts kept with the
     * observations ({@link #count}). An order by year, by
     * either country or by id is read along an index ({@link #orderBy}), so a page of all 310,000
     * observations of the COW data costs what a page of a few does.
     */
    @Transactional(readOnly = true)
    public Page<Observation> search(Filter filter, Pageable pageable) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        Rows rows = rows(filter, parameters);
        String index = onH2() ? rows.orderIndex(pageable.getSort()) : null;
        if (index != null && !fewerAlongTheOrder(filter, pageable.getOffset() + pageable.getPageSize())) {
            index = null;
        }
        List<Observation> content = jdbc.query(rows.ordered(pageable.getSort(), index) + " offset "
                + pageable.getOffset() + " rows fetch next " + pageable.getPageSize() + " rows only", parameters,
                Observations::observation);
        return PageableExecutionUtils.getPage(content, pageable, () -> count(filter));
    }

    /**
     * The number of observations the filter keeps, from the counts kept with them: a country's per side (both summed
     * for either side, a pair being of two countries), all countries' once, as {@code SENDING}; by year, level and
     * dataset. A thousand rows of counts at most (years, levels, datasets), where counting the observations read each
     * one the filter keeps (40–150 ms a page on PostgreSQL for the COW data's 310,000, or its 226,000 of
     * {@code NONE}).
     */
    private long count(Filter filter) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("country",
                filter.country() == null ? ALL_COUNTRIES : filter.country().value());
        StringJoiner conditions = new StringJoiner(" and ", " where ", "");
        conditions.add("country = :country");
        ObservationDirection side = filter.country() == null ? ObservationDirection.SENDING : filter.direction();
        if (side != null) {
            conditions.add("direction = :direction");
            parameters.addValue("direction", side.name());
        }
        if (filter.year() != null) {
            conditions.add("observed_year = :year");
            parameters.addValue("year", filter.year());
        }
        levelAndDataset(filter, conditions, parameters);
        return jdbc.queryForObject("select coalesce(sum(observations), 0) from observation_summary" + conditions,
                parameters, Long.class);
    }

    /** Every observation the filter keeps, in {@code sort}'s order, one at a time (the CSV answer). */
    @Transactional(readOnly = true)
    public void forEach(Filter filter, Sort sort, Consumer<Observation> each) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        streaming.setExceptionTranslator(jdbc.getJdbcTemplate().getExceptionTranslator());
        streaming.setFetchSize(1000);
        // every row is read: the filter's rows found by its index and sorted, not the whole table read in order
        new NamedParameterJdbcTemplate(streaming).query(rows(filter, parameters).ordered(sort, null), parameters,
                (ResultSet row) -> {
                    each.accept(observation(row, 0));
                });
    }

    /**
     * Whether a page ending at row {@code needed} of the filter's level or dataset passes over fewer rows read along
     * its order's index (about {@code needed} divided by the filter's share of all rows) than the filter's index finds
     * and H2 sorts (all its rows), by the counts kept with the observations: a level most rows have (NONE, 73 % of
     * the COW data) or the dataset, yes; a rare level's late pages, or a dataset no row has, no (1.3 s and 0.4–0.9 s
     * a page read along the order, 0.01–0.02 s by the filter's index).
     */
    private boolean fewerAlongTheOrder(Filter filter, long needed) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("all", ALL_COUNTRIES);
        StringJoiner kept = new StringJoiner(" and ");
        levelAndDataset(filter, kept, parameters);
        long[] counts = jdbc.queryForObject("select coalesce(sum(case when " + kept + " then observations end), 0), "
                + "coalesce(sum(observations), 0) from observation_summary where country = :all and direction = "
                + "'SENDING'", parameters, (row, number) -> new long[] {row.getLong(1), row.getLong(2)});
        long ofTheFilter = counts[0];
        long all = counts[1];
        // needed / (ofTheFilter / all) < ofTheFilter, in doubles: a page number near the largest int overflows a long
        return ofTheFilter > 0 && (double) needed * all < (double) ofTheFilter * ofTheFilter;
    }

    /** The observations of a pair, both directions, oldest first. */
    @Transactional(readOnly = true)
    public Page<Observation> between(RelationPair pair, Pageable pageable) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("a", pair.first().value())
                .addValue("b", pair.second().value());
        String rows = COLUMNS + " where sending_country = :a and receiving_country = :b union all " + COLUMNS
                + " where sending_country = :b and receiving_country = :a";
        List<Observation> content = jdbc.query("select * from (" + rows + ") o order by o.observed_year, "
                + "o.sending_country, o.receiving_dataset_code, o.id offset " + pageable.getOffset()
                + " rows fetch next " + pageable.getPageSize() + " rows only", parameters, Observations::observation);
        return PageableExecutionUtils.getPage(content, pageable, () -> jdbc.queryForObject(
                "select count(*) from (" + rows + ") o", parameters, Long.class));
    }

    /**
     * The latest observation of each direction of the pair in or before {@code year}, if any, the pair's first
     * country's first; one statement. Several observations of one year and direction (two states of the dataset that
     * one code stands for, such as Germany and West Germany in 1990, on one side or both) give the higher level of
     * representation (of two alike, the one imported last).
     */
    public List<Observation> latest(RelationPair pair, int year) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("a", pair.first().value())
                .addValue("b", pair.second().value()).addValue("year", year);
        // the union inside a select: H2 keeps the plan of such a statement, but parses a bare union anew each time
        List<Observation> rows = jdbc.query("select * from ((" + latestYearOf("a", "b") + ") union all ("
                + latestYearOf("b", "a") + ")) o", parameters, Observations::observation);
        Comparator<Observation> higher = Comparator.comparingInt((Observation o) -> o.level().representation())
                .thenComparingLong(Observation::id);
        List<Observation> latestOfEach = new ArrayList<>(2);
        for (String sending : List.of(pair.first().value(), pair.second().value())) {
            rows.stream().filter(row -> row.sendingCountry().equals(sending)).max(higher).ifPresent(latestOfEach::add);
        }
        return latestOfEach;
    }

    /** The observations of the latest year in or before {@code :year} of one direction, its countries named. */
    private static String latestYearOf(String sending, String receiving) {
        return COLUMNS + " where sending_country = :" + sending + " and receiving_country = :" + receiving
                + " and observed_year = (select max(observed_year) from observation where sending_country = :"
                + sending + " and receiving_country = :" + receiving + " and observed_year <= :year)";
    }

    /**
     * The observations of a country as {@code direction} (either side if null; every observation once if
     * {@code country} is null), counted per year and level, oldest first: every level in every year, zero
     * where none was observed.
     */
    public List<YearCounts> summary(CountryCode country, ObservationDirection direction, String dataset) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("country",
                country == null ? ALL_COUNTRIES : country.value());
        // the counts of all countries are kept once, as SENDING; a country's per side, both summed when none is asked
        ObservationDirection side = country == null ? ObservationDirection.SENDING : direction;
        String directionCondition = side == null ? "" : " and direction = :direction";
        if (side != null) {
            parameters.addValue("direction", side.name());
        }
        String datasetCondition = "";
        if (dataset != null) {
            datasetCondition = " and dataset = :dataset";
            parameters.addValue("dataset", dataset);
        }
        Map<Integer, Map<ObservationLevel, Long>> years = new LinkedHashMap<>();
        jdbc.query("""
                select observed_year, observation_level, sum(observations) from observation_summary
                where country = :country""" + directionCondition + datasetCondition + """

                group by observed_year, observation_level order by observed_year""", parameters, (ResultSet row) -> {
                    years.computeIfAbsent(row.getInt(1), year -> zeros())
                            .put(ObservationLevel.valueOf(row.getString(2)), row.getLong(3));
                });
        List<YearCounts> summary = new ArrayList<>();
        years.forEach((year, counts) -> summary.add(new YearCounts(year, counts)));
        return summary;
    }

    private static Map<ObservationLevel, Long> zeros() {
        Map<ObservationLevel, Long> counts = new EnumMap<>(ObservationLevel.class);
        for (ObservationLevel level : ObservationLevel.values()) {
            counts.put(level, 0L);
        }
        return counts;
    }

    /**
     * The rows a filter keeps: the conditions on the table, and, for a country on either side, the
     * union of its two indexes' rows; {@code heldFirst}, the column the filter holds without a
     * country (the level, else the dataset), leads the order: the order of that column's index
     * (it, the year, the countries, the id), the same rows in the same order, read along that index
     * instead of sorting every row of the level or dataset in memory (the COW data's 226,000 of
     * NONE: a second a page, now milliseconds).
     */
    private record Rows(String where, boolean eitherSide, String heldFirst, boolean ofAYear) {

        /**
         * The rows in {@code sort}'s order. A single select is ordered as it is: H2 (2.4) reads a
         * derived table's rows all and sorts them, even where an index gives their order, which
         * took seconds a page over the COW data. A country's two sides are a union, ordered as a
         * derived table: some thousand rows at most. A level or a dataset ordered by a country, the
         * level or the id is read along that order's index on H2, its rows of another level or
         * dataset passed over: H2 read the filter's index and sorted all its rows, 2–22 s a page
         * of the COW data's NONE or of its dataset (PostgreSQL weighs both plans itself). Not with a
         * year: the filter's index then finds the year's few rows of the level or dataset at once.
         */
        String ordered(Sort sort, String index) {
            if (!eitherSide) {
                if (index != null) {
                    return COLUMNS + " use index (" + index + ")" + where + orderBy(sort, "", null);
                }
                return COLUMNS + where + orderBy(sort, "", heldFirst);
            }
            String sending = COLUMNS + " where sending_country = :country" + and(where);
            String receiving = COLUMNS + " where receiving_country = :country" + and(where);
            return "select * from (" + sending + " union all " + receiving + ") o" + orderBy(sort, "o.", null);
        }

        /**
         * The index whose order is {@code sort}'s where the rows are a level's or a dataset's (of no one year) in an
         * order the filter's index does not give, else null (see {@link #ordered}).
         */
        String orderIndex(Sort sort) {
            return eitherSide || heldFirst == null || ofAYear || sort.stream().count() > 1 ? null
                    : ORDER_INDEXES.get(sort.stream().findFirst().orElse(Sort.Order.asc("year")).getProperty());
        }

        private static String and(String where) {
            return where.replaceFirst("^ where ", " and ");
        }
    }

    /** The conditions of the filter's level and dataset, if given, and their parameters. */
    private static void levelAndDataset(Filter filter, StringJoiner conditions, MapSqlParameterSource parameters) {
        if (filter.level() != null) {
            conditions.add("observation_level = :level");
            parameters.addValue("level", filter.level().name());
        }
        if (filter.dataset() != null) {
            conditions.add("dataset = :dataset");
            parameters.addValue("dataset", filter.dataset());
        }
    }

    private static Rows rows(Filter filter, MapSqlParameterSource parameters) {
        StringJoiner conditions = new StringJoiner(" and ", " where ", "").setEmptyValue("");
        if (filter.country() != null) {
            parameters.addValue("country", filter.country().value());
            if (filter.direction() == ObservationDirection.SENDING) {
                conditions.add("sending_country = :country");
            } else if (filter.direction() == ObservationDirection.RECEIVING) {
                conditions.add("receiving_country = :country");
            }
        }
        if (filter.year() != null) {
            conditions.add("observed_year = :year");
            parameters.addValue("year", filter.year());
        }
        levelAndDataset(filter, conditions, parameters);
        String heldFirst = filter.country() != null ? null : filter.level() != null ? "observation_level"
                : filter.dataset() != null ? "dataset" : null;
        return new Rows(conditions.toString(), filter.country() != null && filter.direction() == null, heldFirst,
                filter.year() != null);
    }

    /**
     * The requested orders, then the tie-breakers of the first, in its direction: after the year,
     * the sending and the receiving country; after a country, the other country and the year; after
     * the level, the year and the countries; the id last. Each but the level's is the order of an
     * index, read forwards or backwards.
     */
    private static String orderBy(Sort sort, String alias, String heldFirst) {
        SqlOrder orders = new SqlOrder();
        Sort.Order first = sort.stream().findFirst().orElse(Sort.Order.asc("year"));
        String direction = first.isAscending() ? "asc" : "desc";
        if (heldFirst != null) {
            // one value: ordered by it first, in the first order's direction, the order is the same
            orders.by(alias + heldFirst, direction);
        }
        sort.forEach(order -> orders.by(alias + SORTABLE.get(order.getProperty()),
                order.isAscending() ? "asc" : "desc"));
        List<String> tieBreakers = switch (first.getProperty()) {
            case "sendingCountry" -> List.of("sending_country", "receiving_country", "observed_year", "id");
            case "receivingCountry" -> List.of("receiving_country", "sending_country", "observed_year", "id");
            case "id" -> List.of("id");
            default -> List.of("observed_year", "sending_country", "receiving_country", "id");
        };
        tieBreakers.forEach(column -> orders.by(alias + column, direction));
        return orders.sql();
    }

    private static Observation observation(ResultSet row, int number) throws SQLException {
        return new Observation(row.getLong(1), row.getInt(2), row.getString(3), row.getString(4),
                ObservationLevel.valueOf(row.getString(5)), row.getString(6), row.getString(7), row.getString(8),
                row.getString(9), row.getObject(10, Long.class), row.getObject(11, Integer.class));
    }
}
