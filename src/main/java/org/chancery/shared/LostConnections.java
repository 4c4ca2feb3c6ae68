package org.chancery.shared;

import java.sql.SQLException;
import java.util.Set;

import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;

/**
 * Tells an error of a lost database connection (the database restarting, an administrator ending the session, the
 * network) from the others, however wrapped: the database failed, not the work.
 */
public final class LostConnections {

    /** SQL states of a lost connection beyond class 08: PostgreSQL's 57P01–57P03, H2's 90067, 90098, 90121. */
    private static final Set<String> LOST_CONNECTION_STATES = Set.of("57P01", "57P02", "57P03", "90067", "90098",
            "90121");

    private LostConnections() {
    }

    /**
     * Whether an exception comes of a lost database connection: a cause Spring translated as such; an
     * {@link SQLException} of SQL state class 08 (connection exception), PostgreSQL's 57P01–57P03 (the server
     * shutting down or ending the session) or H2's 90067, 90098 and 90121 (connection broken, database closed); or
     * Hibernate's failure to roll back or commit on a connection the pool had closed (its {@code SQLException}
     * carries no state), which is what overrides the first after the connection was lost.
     */
    public static boolean lost(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLException sql && lost(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof TransactionException && cause.getCause() instanceof SQLException sql
                    && sql.getSQLState() == null) {
                return true;
            }
        }
        return false;
    }

    private static boolean lost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || LOST_CONNECTION_STATES.contains(sqlState));
    }
}
