package org.chancery.shared;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool that an H2 connection whose session was closed (ended with {@code ABORT_SESSION}, the
 * database closed) is dead: the pool drops it instead of handing it to the next request, which would fail as well.
 * Hikari knows PostgreSQL's states of a lost connection (class 08, 57P01–57P03) but not H2's. Named by
 * {@code spring.datasource.hikari.exception-override-class-name}.
 */
public final class ClosedH2Sessions implements SQLExceptionOverride {

    /** H2's connection broken, database closed, database called at shutdown. */
    private static final Set<String> CLOSED = Set.of("90067", "90098", "90121");

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        // (an error without a state is none of them: Set.of's contains refuses null)
        return e.getSQLState() != null && CLOSED.contains(e.getSQLState()) ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
