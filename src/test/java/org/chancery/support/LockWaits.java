package org.chancery.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.chancery.shared.DatabaseProduct;
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
                        + " and wait_event_type = 'Lock'"
                : "select count(*) from information_schema.sessions where blocker_id is not null";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!over.getAsBoolean() && jdbc.queryForObject(waiting, Long.class) == 0) {
            assertThat(System.nanoTime()).as("a wait for a lock within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
