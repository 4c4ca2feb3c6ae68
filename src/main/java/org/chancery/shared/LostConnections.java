package org.chancery.shared;

import java.sql.SQLException;
import java.util.Set;

import org.hibernate.TransactionException;
import org.springframework.dao.RecoverableDataAccessException;

/**
 * Tells an error of a lost database connection (the database restarting, an administrator ending the session, the
 * network) from the others, however wrapped: the database failed, not the work.
 */
public final class LostConnections {

    /**
     * SQL states of a lost connection beyond class 08: PostgreSQL's 57P01–57P05 (administrator, crash or shutdown
     * ending the session, the database dropped, {@code idle_session_timeout}), H2's 90067, 90098, 90121.
     */
    private static final Set<String> LOST_CONNECTION_STATES = Set.of("57P01", "57P02", "57P03", "57P04", "57P05",
            "90067", "90098", "90121");

    private LostConnections() {
    }

    /**
     * Whether an exception comes of a lost database connection, by the SQL state of a cause: class 08 (connection
     * exception) and those of {@link #LOST_CONNECTION_STATES}; or a {@link RecoverableDataAccessException} (the
     * driver's {@code SQLRecoverableException}); or Hibernate's failure to roll back or commit on a connection the
     * pool had closed ({@code "Connection is closed"}, with no state), which is what overrides the first error after
     * the connection was lost. Not every {@code DataAccessResourceFailureException}: Spring gives that name to a full
     * disk or a statement too complex (SQL state classes 53, 54) as well.
     */
    public static boolean lost(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLException sql && lost(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof TransactionException && cause.getCause() instanceof SQLException sql
                    && sql.getSQLState() == null && String.valueOf(sql.getMessage()).contains("is closed")) {
                return true;
            }
        }
        return false;
    }

    private static boolean lost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || LOST_CONNECTION_STATES.contains(sqlState));
    }
}
