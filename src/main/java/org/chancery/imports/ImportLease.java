package org.chancery.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chancery.shared.DatabaseProduct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running job's hold on its lease, on a connection of its own, from the job's start to its end: while it is held,
 * no instance takes the job for abandoned ({@link ImportJobs#abandoned}). On PostgreSQL, a session's advisory lock on
 * a connection that runs no transaction: the lease row locked for the whole job kept a transaction open as long, and
 * with it every dead row version of the database from vacuum (an import's per-row progress updates made its own job
 * row slower to read with every row). On H2, which has no advisory locks and no vacuum, the lease row locked in a
 * transaction that ends with the job. Either way the hold ends with the connection's session if the server stops.
 *
 * <p>The session may also end while the server runs: an administrator or a script ending idle sessions, the database
 * restarting. The lease is then free while the job goes on, and a recovery (this instance's or another's) may fail the
 * job and let the next one start. So the worker asks between two rows, at most once a second, whether its session is
 * still there ({@link #checkHeld}), and ends the job if not; and a job failed meanwhile takes no more rows
 * ({@link ImportRun.NoLongerRunning}). On PostgreSQL the lease's session is exempt from
 * {@code idle_session_timeout} (it waits, idle, while the job's statements run on other connections) and asks for
 * TCP keepalives every minute, so that a server cut off from the network frees its job's lease within about two
 * minutes instead of the system's default two hours.
 */
final class ImportLease implements AutoCloseable {

    /**
     * The advisory locks of leases, keyed by this and the job's id (modulo {@value #KEY_RANGE}, as
     * {@link #ADVISORY_KEY} computes it in SQL).
     */
    static final int ADVISORY_CLASS = 0x43484E59;
    static final int KEY_RANGE = Integer.MAX_VALUE;
    static final String ADVISORY_KEY = ADVISORY_CLASS + ", cast(mod(%s, " + KEY_RANGE + ") as integer)";

    /**
     * The lease session's settings on PostgreSQL, reset when the connection goes back to the pool. An
     * {@code idle_session_timeout} unknown to the server (before PostgreSQL 14) is no error: nothing ends such a
     * session there.
     */
    private static final Map<String, String> SESSION_SETTINGS = Map.of("idle_session_timeout", "0",
            "tcp_keepalives_idle", "60", "tcp_keepalives_interval", "10", "tcp_keepalives_count", "6");

    /** How often the worker asks whether the lease's session is still there, at most. */
    private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int CHECK_TIMEOUT_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(ImportLease.class);

    private final Connection connection;
    private final long jobId;
    private final boolean postgres;
    private long checkedAt = System.nanoTime();
    private boolean lost;

    private ImportLease(Connection connection, long jobId, boolean postgres) {
        this.connection = connection;
        this.jobId = jobId;
        this.postgres = postgres;
    }

    /**
     * Holds the lease of a job that has just started ({@link ImportJobs#start}) on a connection of its own, which
     * {@link #close} gives back.
     */
    static ImportLease hold(DataSource dataSource, long jobId) throws SQLException {
        Connection connection = dataSource.getConnection();
        boolean postgres;
        try {
            postgres = DatabaseProduct.isPostgres(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        ImportLease lease = new ImportLease(connection, jobId, postgres);
        try {
            if (postgres) {
                connection.setAutoCommit(true);
                lease.configureSession(true);
                // waits for a recovery looking at the job at this moment, which holds the same key for its
                // transaction
                lease.query("select pg_advisory_lock(" + ADVISORY_KEY.formatted("?") + ")");
                lease.requireRow("select job_id from import_lease where job_id = ?");
            } else {
                connection.setAutoCommit(false);
                lease.requireRow("select job_id from import_lease where job_id = ? for update");
            }
            return lease;
        } catch (SQLException | RuntimeException e) {
            try {
                lease.close();
            } catch (SQLException notUnlocked) {
                e.addSuppressed(notUnlocked);
            }
            throw e;
        }
    }

    /**
     * Ends the job here if the lease's session ended (checked at most once a second).
     *
     * @throws Lost if it ended
     */
    void checkHeld() {
        long now = System.nanoTime();
        if (now - checkedAt < CHECK_NANOS) {
            return;
        }
        checkedAt = now;
        if (!stillHeld()) {
            throw new Lost(jobId);
        }
    }

    /** Whether the lease's session is still there (and with it the hold). */
    boolean stillHeld() {
        if (!lost) {
            try {
                lost = !connection.isValid(CHECK_TIMEOUT_SECONDS);
            } catch (SQLException e) {
                lost = true;
            }
        }
        return !lost;
    }

    /** Deletes the lease of a job whose end is recorded. */
    void release() throws SQLException {
        try (PreparedStatement release = connection.prepareStatement("delete from import_lease where job_id = ?")) {
            release.setLong(1, jobId);
            release.executeUpdate();
        }
        if (!postgres) {
            connection.commit();
        }
    }

    /**
     * Lets the hold go, released or not, and gives the connection back: a lease not released stays, free, for the
     * recovery to find (on H2 the connection's return to the pool rolls its transaction back). A session's advisory
     * lock outlives a pooled connection's return: it is unlocked here. A session that ended took its lock with it;
     * the pool then drops its connection.
     */
    @Override
    public void close() throws SQLException {
        try {
            if (postgres && !lost) {
                query("select pg_advisory_unlock(" + ADVISORY_KEY.formatted("?") + ")");
                configureSession(false);
            }
        } catch (SQLException e) {
            if (stillHeld()) {
                throw e;
            }
            // the session ended, and its lock with it
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // the pool drops a connection it cannot close, and the session's holds end with it
                log.info("The connection of import {}'s lease could not be given back: {}", jobId, e.toString());
            }
        }
    }

    /** Sets the lease session's settings, or resets them to the server's. */
    private void configureSession(boolean set) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> setting : SESSION_SETTINGS.entrySet()) {
                try {
                    statement.execute(set ? "set " + setting.getKey() + " = " + setting.getValue()
                            : "reset " + setting.getKey());
                } catch (SQLException unknown) {
                    if (!"42704".equals(unknown.getSQLState())) {
                        throw unknown;
                    }
                }
            }
        }
    }

    private void query(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, jobId);
            try (ResultSet ignored = statement.executeQuery()) {
                // a lock function's answer: the statement's effect is what counts
            }
        }
    }

    private void requireRow(String sql) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setLong(1, jobId);
            try (ResultSet locked = lock.executeQuery()) {
                if (!locked.next()) {
                    throw new Gone(jobId);
                }
            }
        }
    }

    /** The lease's session ended while the job ran: the lease is free, and the job ends. */
    static final class Lost extends RuntimeException {

        Lost(long jobId) {
            super("the database session holding the lease of import " + jobId + " ended", null, false, false);
        }
    }

    /** The job's lease was gone when its worker came to hold it: the job was found abandoned, and failed, first. */
    static final class Gone extends SQLException {

        Gone(long jobId) {
            super("the lease of import " + jobId + " is gone");
        }
    }
}
