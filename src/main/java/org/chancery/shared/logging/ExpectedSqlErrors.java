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
 * the database refused because it takes none (PostgreSQL's SQL state 25006, H2's 90097; the second line, the
 * database's message in its own language, is the next one Hibernate logs on the thread): the answer (503) or the
 * import job's end logs that once, in a line of its own, and a bug (a write in a transaction begun read-only) with
 * its stack trace.
 */
@Component
public class ExpectedSqlErrors extends LoggingContextFilter {

    /** Where Hibernate warns of each SQL error it turns into an exception. */
    private static final String HIBERNATE_SQL_ERRORS = "org.hibernate.orm.jdbc.error";

    /** What the first of Hibernate's two lines of a write refused as read-only holds (PostgreSQL's, H2's). */
    private static final List<String> READ_ONLY_STATES = List.of("SQLState: 25006", "SQLState: 90097");

    /** Whether the next line Hibernate logs of an SQL error on this thread is the message of a read-only refusal. */
    private static final ThreadLocal<Boolean> READ_ONLY_MESSAGE_NEXT = new ThreadLocal<>();

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
        if (logger == null || !logger.getName().equals(HIBERNATE_SQL_ERRORS)) {
            return FilterReply.NEUTRAL;
        }
        if (READ_ONLY_MESSAGE_NEXT.get() != null) {
            // the database's message, in its language ("ERROR: cannot execute INSERT in a read-only transaction")
            READ_ONLY_MESSAGE_NEXT.remove();
            return FilterReply.DENY;
        }
        if (readOnlyState(format, params)) {
            READ_ONLY_MESSAGE_NEXT.set(Boolean.TRUE);
            return FilterReply.DENY;
        }
        return EXPECTED.get() != null ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** Whether Hibernate's line says a write was refused as read-only: "ErrorCode: 0, SQLState: 25006". */
    private static boolean readOnlyState(String format, Object[] params) {
        StringBuilder text = new StringBuilder(format == null ? "" : format);
        if (params != null) {
            for (Object param : params) {
                text.append(' ').append(param);
            }
        }
        return READ_ONLY_STATES.stream().anyMatch(state -> text.indexOf(state) >= 0);
    }
}
