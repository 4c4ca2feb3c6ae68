package org.chancery.support;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import java.util.StringJoiner;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plan the database itself gives for a statement ({@code EXPLAIN}): H2's names the index it reads
 * ("index sorted" when it reads it in the order asked, {@code tableScan} when it reads every row), PostgreSQL's
 * its nodes ({@code Sort}, {@code Seq Scan}), asked with sorts and sequential scans discouraged, as the few rows
 * of a test would otherwise make them the cheapest plan.
 *
 * <p>A statement as Hibernate sends it, with {@code ?} parameters: H2 explains it as it is; PostgreSQL 15 explains
 * no statement with unbound parameters, so it is prepared and its generic plan (the one for any values, as
 * {@code plan_cache_mode = force_generic_plan} makes every execution take) explained with nulls for the values.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    public static String of(JdbcTemplate jdbc, String sql) {
        boolean postgres = PostgresTestDatabase.enabled();
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            try (Statement statement = connection.createStatement()) {
                int parameters = postgres ? (int) sql.chars().filter(c -> c == '?').count() : 0;
                StringJoiner plan = new StringJoiner("\n");
                try {
                    if (postgres) {
                        statement.execute("set enable_sort = off");
                        statement.execute("set enable_seqscan = off");
                        statement.execute("set plan_cache_mode = force_generic_plan");
                        if (parameters > 0) {
                            statement.execute("prepare explained as " + numbered(sql));
                        }
                    }
                    String explained = parameters == 0 ? sql
                            : "execute explained (" + String.join(", ", Collections.nCopies(parameters, "null")) + ")";
                    try (ResultSet rows = statement.executeQuery("explain " + explained)) {
                        while (rows.next()) {
                            plan.add(rows.getString(1));
                        }
                    }
                } finally {
                    if (postgres) {
                        // the pooled connection as it was, whatever failed
                        statement.execute("deallocate all");
                        statement.execute("reset plan_cache_mode");
                        statement.execute("reset enable_sort");
                        statement.execute("reset enable_seqscan");
                    }
                }
                return plan.toString();
            }
        });
    }

    /** The statement with PostgreSQL's numbered parameters ({@code $1}, {@code $2}…) for Hibernate's {@code ?}. */
    private static String numbered(String sql) {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++parameter);
            } else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }
}
