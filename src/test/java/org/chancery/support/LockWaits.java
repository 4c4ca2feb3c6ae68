package org.chancery.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.chancery.shared.DatabaseProduct;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tells when a transaction of the application waits for a row lock that a test's transaction holds. */
public final class LockWaits {

    private LockWaits() {
    }

    /** Waits until a transaction waits for a lock (at most 20 s, then fails). */
    public static void awaitAWaitForALock(JdbcTemplate jdbc) throws InterruptedException {
        awaitAWaitForALock(jdbc, () -> false);
    }

    /**
     * Waits until a transaction waits for a lock or {@code over} (the work that could wait has ended without
     * waiting: PostgreSQL's shared locks let it pass where H2's exclusive ones hold it), at most 20 s, then fails.
     */
    public static void awaitAWaitForALock(JdbcTemplate jdbc, BooleanSupplier over) throws InterruptedException {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgres));
        String waiting = postgres
                ? "select count(*) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock' and backend_type = 'client backend'"
                : "select count(*) from information_schema.sessions where blocker_id is not null";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!over.getAsBoolean() && readingSessions(() -> jdbc.queryForObject(waiting, Long.class)) == 0) {
            assertThat(System.nanoTime()).as("a wait for a lock within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** How often {@link #readingSessions} reads while H2 fails on a session, {@link #PAUSE} apart (about a second). */
    static final int ATTEMPTS = 50;
    private static final Duration PAUSE = Duration.ofMillis(20);

    /**
     * Runs a read of H2's {@code information_schema.sessions}, again after a pause (up to {@link #ATTEMPTS} times)
     * where H2 fails on a session that commits or ends while the read walks it: a "General error" wrapping a
     * NullPointerException (h2database issue 4352, still in 2.4). The session can stay so until its next statement
     * (five reads in a row met it once in CI), hence the pause. Any other failure is thrown at once.
     */
    public static <T> T readingSessions(Supplier<T> read) {
        for (int attempt = 1;; attempt++) {
            try {
                return read.get();
            } catch (DataAccessException e) {
                if (attempt == ATTEMPTS || !(e.getMostSpecificCause() instanceof SQLException sql)
                        || sql.getErrorCode() != 50000
                        || !String.valueOf(sql.getMessage()).contains("NullPointerException")) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading H2's sessions again", interrupted);
        }
    }
}
