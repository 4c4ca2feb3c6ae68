package org.chancery.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class HeldRowLockTests {

    @Test
    void lookingForALockLeavesTheSessionsLockTimeoutAsItWasForTheRequestThatUsesTheConnectionNext()
            throws SQLException {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:held-row-lock;LOCK_TIMEOUT=10000", "sa", "", true);
        try {
            try (Connection connection = dataSource.getConnection(); Statement table = connection.createStatement()) {
                table.execute("CREATE TABLE diplomat (id BIGINT PRIMARY KEY)");
                table.execute("INSERT INTO diplomat VALUES (1)");
            }
            try (HeldRowLock held = HeldRowLock.on(new SingleConnectionDataSource(
                    "jdbc:h2:mem:held-row-lock", "sa", "", true), "diplomat", "id = ?", 1)) {
                assertThat(HeldRowLock.isLocked(dataSource, "diplomat", "id = ?", 1)).isTrue();
            }
            assertThat(HeldRowLock.isLocked(dataSource, "diplomat", "id = ?", 1)).isFalse();

            try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
                    ResultSet timeout = query.executeQuery("SELECT LOCK_TIMEOUT()")) {
                timeout.next();
                assertThat(timeout.getLong(1)).isEqualTo(10_000);
            }
        } finally {
            dataSource.destroy();
        }
    }
}
