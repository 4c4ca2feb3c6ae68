package org.chancery.shared;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the database refused because it takes none (PostgreSQL made read-only with
 * {@code default_transaction_read_only} for maintenance, a standby; an H2 database opened read-only): told from
 * other errors, however wrapped, by the SQL state of a cause; the database, not the request, failed.
 *
 * <p>PostgreSQL keeps a session read-only as it was when it began, after the database takes writes again: the
 * pool's sessions would refuse writes until they age out (half an hour). A refusal therefore renews them
 * ({@link #renewSessions}): the pool closes its idle connections and each busy one when it is given back, and opens
 * new ones, which see the database as it is then. At most once a second, whatever the rate of refused writes.
 */
@Component
public class ReadOnlyDatabases {

    /** PostgreSQL's {@code read_only_sql_transaction}, H2's {@code DATABASE_IS_READ_ONLY}. */
    private static final Set<String> READ_ONLY_STATES = Set.of("25006", "90097");

    private static final long RENEWAL_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private static final Logger log = LoggerFactory.getLogger(ReadOnlyDatabases.class);

    private final DataSource dataSource;

    /** When the sessions were last renewed ({@link System#nanoTime}), or a second before the first refusal. */
    private final AtomicLong lastRenewal = new AtomicLong(System.nanoTime() - RENEWAL_INTERVAL_NANOS);

    ReadOnlyDatabases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether an exception comes of a write the database refused as read-only, by the SQL state of a cause. */
    public static boolean refused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && READ_ONLY_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** After a write refused as read-only: the pool's sessions renewed, unless they were within the last second. */
    public void renewSessions() {
        long now = System.nanoTime();
        long last = lastRenewal.get();
        if (now - last < RENEWAL_INTERVAL_NANOS || !lastRenewal.compareAndSet(last, now)) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
                if (pool.getHikariPoolMXBean() != null) {
                    pool.getHikariPoolMXBean().softEvictConnections();
                    log.info("Database connections renewed after a write refused as read-only");
                }
            }
        } catch (SQLException e) {
            log.warn("Database connections not renewed: {}", e.toString());
        }
    }
}
