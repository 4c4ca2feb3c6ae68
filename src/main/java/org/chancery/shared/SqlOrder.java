package org.chancery.shared;

import java.util.HashSet;
import java.util.Set;
import java.util.StringJoiner;

import org.springframework.data.domain.Sort;

/**
 * An SQL (or JPQL) {@code order by} that names no column twice: the requested orders, then the
 * tie-breakers that are not among them already. The orders a client chooses are written through
 * it. Sorting on a column a second time orders nothing, and H2 (2.4) answers it with broken rows —
 * a {@code NullPointerException} or an {@code ArrayIndexOutOfBoundsException} while the rows are
 * read — once the sorted result is kept on disk: in a file database, a result of more rows than
 * {@code MAX_MEMORY_ROWS} (ten thousand for a 256 MB heap), such as every relation of the world or
 * every observation.
 */
public final class SqlOrder {

    private final Set<String> columns = new HashSet<>();
    private final StringJoiner sql = new StringJoiner(", ", " order by ", "");

    /**
     * Orders by {@code column} in {@code direction} ({@code "asc"}, {@code "desc nulls last"}, …),
     * unless it orders by it already.
     */
    public SqlOrder by(String column, String direction) {
        if (columns.add(column)) {
            sql.add(column + " " + direction);
        }
        return this;
    }

    /**
     * The SQL direction of a requested order: {@code asc} or {@code desc}, and its nulls' place if
     * the order gives one ({@link org.chancery.shared.web.PageRequests} gives it for a field that
     * may be null).
     */
    public static String direction(Sort.Order order) {
        String direction = order.isAscending() ? "asc" : "desc";
        return switch (order.getNullHandling()) {
            case NULLS_FIRST -> direction + " nulls first";
            case NULLS_LAST -> direction + " nulls last";
            case NATIVE -> direction;
        };
    }

    /** Then by each of {@code tieBreakers}, ascending, that it does not order by already. */
    public SqlOrder then(String... tieBreakers) {
        for (String column : tieBreakers) {
            if (columns.add(column)) {
                sql.add(column);
            }
        }
        return this;
    }

    /** The clause, with a leading space; empty if it orders by nothing. */
    public String sql() {
        return columns.isEmpty() ? "" : sql.toString();
    }
}
