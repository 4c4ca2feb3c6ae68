package org.chancery.shared.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.spi.FilterReply;
import org.chancery.shared.LostConnections;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Keeps the connection pool's warning that it dropped a connection ("marked as broken", with a stack trace of a
 * hundred lines) out of the log when the connection was lost (the database restarting, an administrator ending the
 * session): the request's answer (503) or the import job's end logs that once, as a warning of one line, as README
 * says. The pool's warning of a connection dropped for another reason is logged as the pool logs it.
 */
@Component
class LostConnectionWarnings extends LoggingContextFilter {

    /** Where Hikari warns of each connection it drops after an SQL error. */
    private static final String POOL_CONNECTIONS = "com.zaxxer.hikari.pool.ProxyConnection";

    LostConnectionWarnings() {
        super("lost-connection-warnings");
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        // the pool logs the exception as the last of its arguments, which a turbo filter sees before Logback
        // takes it apart from them
        Object last = params == null || params.length == 0 ? t : params[params.length - 1];
        boolean poolsWarning = level == Level.WARN && logger != null && logger.getName().equals(POOL_CONNECTIONS);
        return poolsWarning && last instanceof Throwable thrown && LostConnections.lost(thrown) ? FilterReply.DENY
                : FilterReply.NEUTRAL;
    }
}
