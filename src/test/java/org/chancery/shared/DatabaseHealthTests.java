package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class DatabaseHealthTests {

    private final DataSource dataSource = mock(DataSource.class);

    /** Waits 100 ms for a check: where the test expects a probe to give up. */
    private final DatabaseHealth health = new DatabaseHealth(dataSource, Duration.ofMillis(100));

    /** Waits long enough for any check that answers on a busy machine. */
    private final DatabaseHealth patient = new DatabaseHealth(dataSource, Duration.ofSeconds(20));

    private final CountDownLatch databaseBack = new CountDownLatch(1);

    @AfterEach
    void stop() {
        databaseBack.countDown();
        health.destroy();
        patient.destroy();
    }

    @Test
    void probesWhileTheDatabaseHangsAreDownInTimeAndShareOneWaitForAConnection() throws Exception {
        Connection connection = connection(true);
        when(dataSource.getConnection()).thenAnswer(invocation -> {
            databaseBack.await(10, TimeUnit.SECONDS);
            return connection;
        });

        for (int probe = 0; probe < 3; probe++) {
            long start = System.nanoTime();
            Health answer = health.health();
            assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
            assertThat(answer.getDetails().get("error").toString()).contains("gave no connection within 100 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
        // one check under way on the health thread (which a loaded machine may not have run yet)
        verify(dataSource, timeout(5_000).times(1)).getConnection();

        databaseBack.countDown();
        assertThat(patient.health().getStatus()).isEqualTo(Status.UP);
        assertThat(patient.health().getDetails()).containsEntry("database", "PostgreSQL")
                .containsEntry("validationQuery", "isValid()");
        verify(connection, atLeastOnce()).close();
    }

    @Test
    void aConnectionTheDriverFindsInvalidOrAFailureToConnectIsDown() throws Exception {
        Connection invalid = connection(false);
        when(dataSource.getConnection()).thenReturn(invalid)
                .thenThrow(new SQLException("Connection refused", "08001"));

        assertThat(patient.health().getStatus()).isEqualTo(Status.DOWN);
        Health refused = patient.health();
        assertThat(refused.getStatus()).isEqualTo(Status.DOWN);
        assertThat(refused.getDetails().get("error").toString()).contains("Connection refused");
    }

    private static Connection connection(boolean valid) throws SQLException {
        Connection connection = mock(Connection.class);
        DatabaseMetaData metaData = mock(DatabaseMetaData.class);
        when(connection.isValid(5)).thenReturn(valid);
        when(connection.getMetaData()).thenReturn(metaData);
        when(metaData.getDatabaseProductName()).thenReturn("PostgreSQL");
        return connection;
    }
}
