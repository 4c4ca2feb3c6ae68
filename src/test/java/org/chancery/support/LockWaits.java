package org.chancery.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.chancery.shared.DatabaseProduct;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tells when a transaction of the application waits for a row lock that a test's transaction holds. */
public final class LockWaits {

    private LockWaits() {
    }

    /** Waits until a transaction waits for a lock (at most 20 s, then fails). */
    public static void awaitAWaitForALock(JdbcTemplate jdbc) throws InterruptedException {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgres));
        String waiting = postgres
                ? "select count(*) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock'"
                : "select count(*) from information_schema.sessions where blocker_id is not null";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.queryForObject(waiting, Long.class) == 0) {
            assertThat(System.nanoTime()).as("a wait for a lock within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
