package org.chancery.shared.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.spi.FilterReply;
import org.chancery.shared.LostConnections;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Keeps Spring's ERROR "Application exception overridden by rollback exception" out of the log when the exception
 * is a lost database connection (the database restarting, an administrator ending the session): the rollback that
 * follows fails on the same closed connection, and that failure, which goes on, is what the request's answer (503)
 * or the import job's end logs as a warning, as README says. An ERROR with a stack trace stays for a bug; this one
 * would page an operator at every restart of the database. Any other exception the rollback overrides is logged as
 * Spring logs it.
 */
@Component
class LostConnectionRollbacks extends LoggingContextFilter {

    /**
     * Where Spring logs an exception a failed rollback overrides: {@code TransactionTemplate} (programmatic) and
     * {@code TransactionInterceptor} (declarative: its logger is named after the runtime class).
     */
    private static final String TRANSACTIONS = "org.springframework.transaction.";
    private static final String OVERRIDDEN = "Application exception overridden by rollback";

    LostConnectionRollbacks() {
        super("lost-connection-rollbacks");
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        boolean overriddenByRollback = level == Level.ERROR && format != null && format.startsWith(OVERRIDDEN)
                && logger.getName().startsWith(TRANSACTIONS);
        return overriddenByRollback && LostConnections.lost(t) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
