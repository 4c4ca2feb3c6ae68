package org.chancery.shared.logging;

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
 * logged as any failure is; everywhere else Hibernate's warning is logged as before.
 */
@Component
public class ExpectedSqlErrors extends LoggingContextFilter {

    /** Where Hibernate warns of each SQL error it turns into an exception. */
    private static final String HIBERNATE_SQL_ERRORS = "org.hibernate.orm.jdbc.error";

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
        return EXPECTED.get() != null && logger != null && logger.getName().equals(HIBERNATE_SQL_ERRORS)
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
