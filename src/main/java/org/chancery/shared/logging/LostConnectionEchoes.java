package org.chancery.shared.logging;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.spi.FilterReply;
import org.chancery.shared.LostConnections;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Keeps out of the log what others log of a lost database connection (the database restarting, an administrator
 * ending the session), which the request's answer (503) or the import job's end logs once, as a warning of one line,
 * as README says: Spring's ERROR "Application (or Commit) exception overridden by rollback exception" (the rollback
 * that follows fails on the same closed connection), and the pool's WARN that it dropped the connection ("marked as
 * broken"), each with a stack trace of up to a hundred lines. An ERROR with a stack trace stays for a bug; these would
 * page an operator at every restart of the database. Any other exception the rollback overrides, and any connection
 * the pool drops for another reason, is logged as Spring and the pool log it.
 */
@Component
class LostConnectionEchoes extends LoggingContextFilter {

    /**
     * Where Spring logs an exception a failed rollback overrides: {@code TransactionTemplate} (programmatic),
     * {@code TransactionInterceptor} (declarative: its logger is named after the runtime class), and the JPA
     * transaction manager (a commit's, its logger named after it too).
     */
    private static final List<String> TRANSACTIONS = List.of("org.springframework.transaction.",
            "org.springframework.orm.");
    private static final List<String> OVERRIDDEN = List.of("Application exception overridden by rollback",
            "Commit exception overridden by rollback");

    /** Where Hikari warns of each connection it drops after an SQL error. */
    private static final String POOL_CONNECTIONS = "com.zaxxer.hikari.pool.ProxyConnection";

    LostConnectionEchoes() {
        super("lost-connection-echoes");
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (logger == null) {
            return FilterReply.NEUTRAL;
        }
        boolean overriddenByRollback = level == Level.ERROR && format != null
                && OVERRIDDEN.stream().anyMatch(format::startsWith)
                && TRANSACTIONS.stream().anyMatch(logger.getName()::startsWith);
        // the pool logs the exception as the last of its arguments, which a turbo filter sees before Logback takes
        // it apart from them
        boolean poolsWarning = level == Level.WARN && logger.getName().equals(POOL_CONNECTIONS);
        Object thrown = poolsWarning && params != null && params.length > 0 ? params[params.length - 1] : t;
        return (overriddenByRollback || poolsWarning) && thrown instanceof Throwable cause
                && LostConnections.lost(cause) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
