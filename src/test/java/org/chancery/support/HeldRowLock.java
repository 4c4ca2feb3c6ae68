package org.chancery.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chancery.shared.DatabaseProduct;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A row lock held by a transaction of the test's own, as a concurrent write holds it until it
 * commits: shows that a request waits for that write instead of deciding on what it read before.
 */
public final class HeldRowLock implements AutoCloseable {

    /** How long a request must still be waiting while the lock is held. */
    private static final long WAITING_MILLIS = 700;

    private final Connection connection;
    private final DataSource dataSource;

    private HeldRowLock(Connection connection, DataSource dataSource) {
        this.connection = connection;
        this.dataSource = dataSource;
    }

    /** Locks the rows of {@code table} that {@code where} (with {@code ?} for the values) selects; at least one. */
    public static HeldRowLock on(DataSource dataSource, String table, String where, Object... values)
            throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(false);
            // the lock a write of the row takes: on PostgreSQL one that lets a foreign key to the row be checked
            String mode = DatabaseProduct.isPostgres(connection) ? " FOR NO KEY UPDATE" : " FOR UPDATE";
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT 1 FROM " + table + " WHERE " + where + mode)) {
                for (int i = 0; i < values.length; i++) {
                    lock.setObject(i + 1, values[i]);
                }
                assertThat(lock.executeQuery().next()).as("a row of %s where %s", table, where).isTrue();
            }
            return new HeldRowLock(connection, dataSource);
        } catch (SQLException | RuntimeException | Error e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Sends {@code request} from another thread, checks that it has not answered while the lock is
     * held, releases the lock (as the write holding it would commit) and answers its status.
     */
    public int statusOnceReleased(Callable<Integer> request, String description) throws Exception {
        return statusOnceReleased(request, description, () -> { });
    }

    /** {@link #statusOnceReleased(Callable, String)} that also checks {@code whileWaiting} as the request waits. */
    public int statusOnceReleased(Callable<Integer> request, String description, Check whileWaiting) throws Exception {
        return statusOnceEnded(request, description, whileWaiting, connection::rollback);
    }

    /**
     * As {@link #statusOnceReleased(Callable, String)}, but the transaction holding the lock runs {@code statements}
     * and commits: a concurrent write that changed the row while the request waited for it.
     */
    public int statusOnceCommitted(Callable<Integer> request, String description, String... statements)
            throws Exception {
        return statusOnceEnded(request, description, () -> { }, () -> {
            try (Statement write = connection.createStatement()) {
                for (String statement : statements) {
                    write.executeUpdate(statement);
                }
            }
            connection.commit();
        });
    }

    private int statusOnceEnded(Callable<Integer> request, String description, Check whileWaiting, Check end)
            throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> answer = thread.submit(request);
            Thread.sleep(WAITING_MILLIS);
            try {
                // on a loaded machine the request may not have reached the lock yet: what it holds meanwhile is
                // checked once it waits (or it has answered, which the next line says)
                LockWaits.awaitAWaitForALock(new JdbcTemplate(dataSource), answer::isDone);
                assertThat(answer).as("%s, while the row is locked", description).isNotDone();
                whileWaiting.check();
            } catch (Exception | AssertionError failed) {
                // the request goes on once the lock is released: let it end before the test cleans up
                connection.rollback();
                try {
                    answer.get(20, TimeUnit.SECONDS);
                } catch (Exception ended) {
                    failed.addSuppressed(ended);
                }
                throw failed;
            }
            end.check();
            return answer.get(20, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
    }

    /** Whether another transaction holds a lock on the rows of {@code table} that {@code where} selects. */
    public static boolean isLocked(DataSource dataSource, String table, String where, Object... values)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            boolean postgres = DatabaseProduct.isPostgres(connection);
            // H2's lock timeout belongs to the session, which the pool hands to a request next: it is put back after
            long kept = postgres ? 0 : h2LockTimeout(connection);
            try (Statement timeout = connection.createStatement()) {
                timeout.execute(postgres ? "SET LOCAL lock_timeout = '200ms'" : "SET LOCK_TIMEOUT 200");
            }
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT 1 FROM " + table + " WHERE " + where + " FOR UPDATE")) {
                for (int i = 0; i < values.length; i++) {
                    lock.setObject(i + 1, values[i]);
                }
                lock.executeQuery().close();
                return false;
            } catch (SQLException waitedTooLong) {
                return true;
            } finally {
                connection.rollback();
                if (!postgres) {
                    try (Statement timeout = connection.createStatement()) {
                        timeout.execute("SET LOCK_TIMEOUT " + kept);
                    }
                }
            }
        }
    }

    private static long h2LockTimeout(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet result = query.executeQuery("SELECT LOCK_TIMEOUT()")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** A check made while a request waits. */
    @FunctionalInterface
    public interface Check {
        void check() throws Exception;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
