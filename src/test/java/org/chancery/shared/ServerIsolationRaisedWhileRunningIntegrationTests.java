package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A PostgreSQL database whose default isolation is raised while Chancery runs (see
 * {@link ServerIsolationDefaultIntegrationTests} for one raised before it starts): the connections opened since still
 * run its writes at read committed, though the pool, having seen read committed at its start, sets no isolation.
 */
@Tag("postgres")
class ServerIsolationRaisedWhileRunningIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void raiseTheDatabasesDefault() throws SQLException {
        assertThat(PostgresTestDatabase.enabled()).as("runs in the postgres Maven profile (-Ppostgres)").isTrue();
        PostgresTestDatabase.setDefaultIsolation("serializable");
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }

    @AfterEach
    void resetTheDatabasesDefault() throws SQLException {
        try {
            PostgresTestDatabase.setDefaultIsolation(null);
        } finally {
            dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        }
    }

    @Test
    void aConnectionOpenedSinceRunsAWritingTransactionAtReadCommitted() {
        String isolation = new TransactionTemplate(transactions).execute(
                status -> jdbc.queryForObject("show transaction_isolation", String.class));

        assertThat(isolation).isEqualTo("read committed");
    }
}
