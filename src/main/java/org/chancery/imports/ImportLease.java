package org.chancery.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.chancery.shared.DatabaseProduct;

/**
 * A running job's hold on its lease, on a connection of its own, from the job's start to its end: while it is held,
 * no instance takes the job for abandoned ({@link ImportJobs#abandoned}). On PostgreSQL, a session's advisory lock on
 * a connection that runs no transaction: the lease row locked for the whole job kept a transaction open as long, and
 * with it every dead row version of the database from vacuum (an import's per-row progress updates made its own job
 * row slower to read with every row). On H2, which has no advisory locks and no vacuum, the lease row locked in a
 * transaction that ends with the job. Either way the hold ends with the connection's session if the server stops.
 */
final class ImportLease implements AutoCloseable {

    /**
     * The advisory locks of leases, keyed by this and the job's id (modulo {@value #KEY_RANGE}, as
     * {@link #ADVISORY_KEY} computes it in SQL).
     */
    static final int ADVISORY_CLASS = 0x43484E59;
    static final int KEY_RANGE = Integer.MAX_VALUE;
    static final String ADVISORY_KEY = ADVISORY_CLASS + ", cast(mod(%s, " + KEY_RANGE + ") as integer)";

    private final Connection connection;
    private final long jobId;
    private final boolean postgres;

    private ImportLease(Connection connection, long jobId, boolean postgres) {
        this.connection = connection;
        this.jobId = jobId;
        this.postgres = postgres;
    }

    /** Holds the lease of a job that has just started ({@link ImportJobs#start}). */
    static ImportLease hold(Connection connection, long jobId) throws SQLException {
        boolean postgres = DatabaseProduct.isPostgres(connection);
        ImportLease lease = new ImportLease(connection, jobId, postgres);
        if (postgres) {
            connection.setAutoCommit(true);
            // waits for a recovery looking at the job at this moment, which holds the same key for its transaction
            lease.query("select pg_advisory_lock(" + ADVISORY_KEY.formatted("?") + ")");
            try {
                lease.requireRow("select job_id from import_lease where job_id = ?");
            } catch (SQLException | RuntimeException e) {
                try {
                    lease.close();
                } catch (SQLException notUnlocked) {
                    e.addSuppressed(notUnlocked);
                }
                throw e;
            }
        } else {
            connection.setAutoCommit(false);
            lease.requireRow("select job_id from import_lease where job_id = ? for update");
        }
        return lease;
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
     * Lets the hold go, released or not: a lease not released stays, free, for the recovery to find (on H2 the
     * connection's return to the pool rolls its transaction back). A session's advisory lock outlives a pooled
     * connection's return: it is unlocked here.
     */
    @Override
    public void close() throws SQLException {
        if (postgres) {
            query("select pg_advisory_unlock(" + ADVISORY_KEY.formatted("?") + ")");
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

    /** The job's lease was gone when its worker came to hold it: the job was found abandoned, and failed, first. */
    static final class Gone extends SQLException {

        Gone(long jobId) {
            super("the lease of import " + jobId + " is gone");
        }
    }
}
