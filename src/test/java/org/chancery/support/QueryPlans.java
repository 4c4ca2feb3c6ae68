package org.chancery.support;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.StringJoiner;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plan the database itself gives for a statement ({@code EXPLAIN}): H2's names the index it reads
 * ("index sorted" when it reads it in the order asked, {@code tableScan} when it reads every row), PostgreSQL's
 * its nodes ({@code Sort}, {@code Seq Scan}), asked with sorts and sequential scans discouraged, as the few rows
 * of a test would otherwise make them the cheapest plan.
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    public static String of(JdbcTemplate jdbc, String sql) {
        boolean postgres = PostgresTestDatabase.enabled();
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            try (Statement statement = connection.createStatement()) {
                if (postgres) {
                    statement.execute("set enable_sort = off");
                    statement.execute("set enable_seqscan = off");
                }
                StringJoiner plan = new StringJoiner("\n");
                try (ResultSet rows = statement.executeQuery("explain " + sql)) {
                    while (rows.next()) {
                        plan.add(rows.getString(1));
                    }
                } finally {
                    if (postgres) {
                        statement.execute("reset enable_sort");
                        statement.execute("reset enable_seqscan");
                    }
                }
                return plan.toString();
            }
        });
    }
}
