package org.chancery.shared;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the database refused because it takes none (PostgreSQL made read-only with
 * {@code default_transaction_read_only} for maintenance, a standby; an H2 database opened read-only): told from
 * other errors, however wrapped, by the SQL state of a cause and, for PostgreSQL's, by asking the database whether
 * it is read-only — a write in a transaction begun read-only fails with the same state, and that is a bug, answered
 * and logged as one. The database, not the request, failed.
 *
 * <p>PostgreSQL keeps a session read-only as it was when it began, after the database takes writes again: the
 * pool's sessions would refuse writes until they age out (half an hour). A refusal therefore renews them
 * ({@link #renewSessions}): the pool closes its idle connections and each busy one when it is given back, and opens
 * new ones, which see the database as it is then. At most once a second, whatever the rate of refused writes.
 */
@Component
public class ReadOnlyDatabases {

    /** PostgreSQL's {@code read_only_sql_transaction}. */
    private static final String POSTGRES_READ_ONLY = "25006";

    /** H2's {@code DATABASE_IS_READ_ONLY}: the database was opened so. */
    private static final String H2_READ_ONLY = "90097";

    /** A session's default or a standby: the database read-only, not the transaction alone. */
    private static final String DATABASE_READ_ONLY =
            "select current_setting('default_transaction_read_only') = 'on' or pg_is_in_recovery()";

    /** At most once a second: the pool's sessions renewed, the database asked whether it is read-only. */
    private static final long SECOND_NANOS = Duration.ofSeconds(1).toNanos();

    /** How long after the database was last seen read-only a refusal is still read as its sessions'. */
    private static final long SEEN_READ_ONLY_NANOS = Duration.ofMinutes(1).toNanos();

    private static final Logger log = LoggerFactory.getLogger(ReadOnlyDatabases.class);

    private final DataSource dataSource;

    /** When the sessions were last renewed ({@link System#nanoTime}), or a minute before the first refusal. */
    private final AtomicLong lastRenewal = new AtomicLong(System.nanoTime() - SEEN_READ_ONLY_NANOS);

    /** When the database was last seen read-only ({@link System#nanoTime}), or longer ago than that counts. */
    private final AtomicLong lastSeenReadOnly = new AtomicLong(System.nanoTime() - SEEN_READ_ONLY_NANOS);

    public ReadOnlyDatabases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Whether an exception comes of a write the database refused because it takes none, now or a moment ago: a
     * session begun while it was read-only refuses writes for as long as it lasts, so the one that failed may be such
     * a session while the one asked is already new — within a minute of the database last seen read-only, a refusal
     * is read as one of those.
     */
    public boolean refusedWrite(Throwable e) {
        String state = stateOf(e);
        if (H2_READ_ONLY.equals(state)) {
            return true;
        }
        if (!POSTGRES_READ_ONLY.equals(state)) {
            return false;
        }
        // asked at most once a second while it refuses, not once for each write of a busy instance
        long sinceSeen = System.nanoTime() - lastSeenReadOnly.get();
        if (sinceSeen < SECOND_NANOS) {
            return true;
        }
        if (databaseReadOnly()) {
            lastSeenReadOnly.set(System.nanoTime());
            return true;
        }
        return sinceSeen < SEEN_READ_ONLY_NANOS;
    }

    /** After a write refused as read-only: the pool's sessions renewed, unless they were within the last second. */
    public void renewSessions() {
        long now = System.nanoTime();
        long last = lastRenewal.get();
        if (now - last < SECOND_NANOS || !lastRenewal.compareAndSet(last, now)) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
                if (pool.getHikariPoolMXBean() != null) {
                    pool.getHikariPoolMXBean().softEvictConnections();
                    // said once a while the database stays read-only, not at each renewal
                    if (now - last >= SEEN_READ_ONLY_NANOS) {
                        log.info("Database connections renewed after a write refused as read-only");
                    } else {
                        log.debug("Database connections renewed after a write refused as read-only");
                    }
                }
            }
        } catch (SQLException e) {
            log.warn("Database connections not renewed: {}", e.toString());
        }
    }

    private static String stateOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && (POSTGRES_READ_ONLY.equals(sql.getSQLState())
                    || H2_READ_ONLY.equals(sql.getSQLState()))) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Whether the PostgreSQL database is read-only for the pool's sessions; not if it cannot tell. */
    private boolean databaseReadOnly() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!DatabaseProduct.isPostgres(connection)) {
                return false;
            }
            try (ResultSet answer = statement.executeQuery(DATABASE_READ_ONLY)) {
                return answer.next() && answer.getBoolean(1);
            }
        } catch (SQLException e) {
            log.warn("Could not tell whether the database is read-only: {}", e.toString());
            return false;
        }
    }
}
