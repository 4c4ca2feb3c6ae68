package org.chancery.shared.logging;

import java.util.List;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Keeps Hibernate's WARN of an SQL error, with its statement, out of the log while code that expects that error runs
 * ({@link #expectedDuring}): two first writes to a pair race for its row, and the unique pair constraint lets one win,
 * as designed. The exception still reaches that code, which rethrows what it did not expect, to be answered and
 * logged as any failure is; everywhere else Hibernate's warning is logged as before, but for the two lines of a write
 * the database refused because it takes none (PostgreSQL's SQL state 25006, H2's 90097): the answer (503) or the
 * import job's end logs that once, in a line of its own, and a bug (a write in a transaction begun read-only) with
 * its stack trace.
 */
@Component
public class ExpectedSqlErrors extends LoggingContextFilter {

    /** Where Hibernate warns of each SQL error it turns into an exception. */
    private static final String HIBERNATE_SQL_ERRORS = "org.hibernate.orm.jdbc.error";

    /** What Hibernate's two lines of a write refused as read-only hold (PostgreSQL's, H2's). */
    private static final List<String> READ_ONLY_SIGNS = List.of("SQLState: 25006", "in a read-only transaction",
            "SQLState: 90097", "[90097-");

    private static final ThreadLocal<Boolean> EXPECTED = new ThreadLocal<>();

    /** Runs {@code action}, whose SQL errors its caller handles, without Hibernate's warnings of them. */
    public static <T> T expectedDuring(Supplier<T> action) {
        boolean outer = EXPECTED.get() != null;
        EXPECTED.set(Boolean.TRUE);
        try {
            return action.get();
        } finally {
            if (!outer) {
                EXPECTED.remove();
            }
        }
    }

    ExpectedSqlErrors() {
        super("expected-sql-errors");
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        return logger != null && logger.getName().equals(HIBERNATE_SQL_ERRORS)
                && (EXPECTED.get() != null || readOnlyRefusal(format, params)) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /**
     * Whether Hibernate's line says a write was refused as read-only: "ErrorCode: 0, SQLState: 25006", then the
     * database's message ("ERROR: cannot execute INSERT in a read-only transaction"; H2's ends "[90097-240]").
     */
    private static boolean readOnlyRefusal(String format, Object[] params) {
        StringBuilder text = new StringBuilder(format == null ? "" : format);
        if (params != null) {
            for (Object param : params) {
                text.append(' ').append(param);
            }
        }
        return READ_ONLY_SIGNS.stream().anyMatch(sign -> text.indexOf(sign) >= 0);
    }
}
