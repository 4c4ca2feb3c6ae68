package org.chancery.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;

class LockWaitsTests {

    private static final String H2_RACE = "General error: \"java.lang.NullPointerException: Cannot invoke"
            + " \"\"org.h2.mvstore.tx.Transaction.hasChanges()\"\" because \"\"this.transaction\"\" is null\"";

    @Test
    void aReadOfTheSessionsThatMeetsH2sRaceWithAnEndingSessionIsAskedAgain() {
        AtomicInteger reads = new AtomicInteger();

        long answer = LockWaits.readingSessions(() -> {
            if (reads.incrementAndGet() < 3) {
                throw failure(new SQLException(H2_RACE, "HY000", 50000));
            }
            return 1L;
        });

        assertThat(answer).isEqualTo(1L);
        assertThat(reads).hasValue(3);
    }

    @Test
    void anyOtherFailureOfTheReadIsThrownAtOnce() {
        AtomicInteger reads = new AtomicInteger();

        assertThatThrownBy(() -> LockWaits.readingSessions(() -> {
            reads.incrementAndGet();
            throw failure(new SQLException("Table \"SESSIONS\" not found", "42S02", 42102));
        })).isInstanceOf(UncategorizedSQLException.class);
        assertThat(reads).hasValue(1);
    }

    @Test
    void theRaceMetOnEveryReadForAboutASecondIsThrown() {
        AtomicInteger reads = new AtomicInteger();

        assertThatThrownBy(() -> LockWaits.readingSessions(() -> {
            reads.incrementAndGet();
            throw failure(new SQLException(H2_RACE, "HY000", 50000));
        })).isInstanceOf(UncategorizedSQLException.class);
        assertThat(reads).hasValue(LockWaits.ATTEMPTS);
    }

    private static UncategorizedSQLException failure(SQLException cause) {
        return new UncategorizedSQLException("StatementCallback", "select count(*) from information_schema.sessions",
                cause);
    }
}
