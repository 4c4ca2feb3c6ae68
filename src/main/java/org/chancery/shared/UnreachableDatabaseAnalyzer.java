package org.chancery.shared;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A database that cannot be reached, refuses the credentials, or (H2's file) is held by another process stops the
 * start with Spring Boot's "APPLICATION FAILED TO START" report naming the address and what the database said,
 * rather than a stack trace whose first words were about migrations (registered in {@code META-INF/spring.factories}).
 */
class UnreachableDatabaseAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** H2's error code for a file database another process has open ("Database may be already in use"). */
    private static final int H2_DATABASE_IN_USE = 90020;

    /** H2's codes of a database that is not found (90013, 90146) and of a broken connection to its server (90067). */
    private static final Set<Integer> H2_UNREACHABLE = Set.of(90013, 90146, 90067);

    private final Environment environment;

    UnreachableDatabaseAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        boolean inUse = cause.getErrorCode() == H2_DATABASE_IN_USE;
        // SQL states of class 08: connection exceptions; 28: invalid authorization; 3D000: no such database
        if (!inUse && !H2_UNREACHABLE.contains(cause.getErrorCode()) && !state.startsWith("08")
                && !state.startsWith("28") && !state.equals("3D000")) {
            return null;
        }
        String description = "The database at " + address() + " could not be used: " + firstLine(cause.getMessage());
        String action = inUse ? "Stop the other process that has this file database open (another Chancery started "
                + "in the same folder holds ./data), or give this one a database of its own (spring.datasource.url)."
                : "Check that the database runs and takes connections at that address, and that "
                        + "spring.datasource.url, spring.datasource.username and spring.datasource.password name it "
                        + "and a user it knows (for PostgreSQL, the postgres profile reads SPRING_DATASOURCE_URL).";
        return new FailureAnalysis(description, action, cause);
    }

    /** The configured URL without its parameters, which may hold a password. */
    private String address() {
        String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url not set)");
        int parameters = url.startsWith("jdbc:h2:") ? url.indexOf(';') : url.indexOf('?');
        return parameters < 0 ? url : url.substring(0, parameters);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
