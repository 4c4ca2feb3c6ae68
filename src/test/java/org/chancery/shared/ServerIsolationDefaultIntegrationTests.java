package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A PostgreSQL database whose default isolation an operator raised ({@code default_transaction_isolation}, here to
 * serializable) before Chancery started: its writes still run at read committed, the isolation their row locks and
 * rules are written for, and its read-only transactions at the snapshot they ask for. Left to the default, parallel
 * writes each checked a rule on what stood before the others (four accreditations of one direction recorded) or were
 * refused 409 where they should pass. The application of this class starts (a pool of its own) once the default is
 * raised.
 */
@Tag("postgres")
@TestPropertySource(properties = "spring.datasource.hikari.pool-name=raised-isolation")
class ServerIsolationDefaultIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeAll
    static void raiseTheDatabasesDefault() throws SQLException {
        assertThat(PostgresTestDatabase.enabled()).as("runs in the postgres Maven profile (-Ppostgres)").isTrue();
        PostgresTestDatabase.setDefaultIsolation("serializable");
    }

    @AfterAll
    static void resetTheDatabasesDefault() throws SQLException {
        PostgresTestDatabase.setDefaultIsolation(null);
    }

    @AfterEach
    void nameTuvaluAgain() {
        jdbc.update("update country set name = 'Tuvalu' where code = 'TV'");
    }

    @Test
    void aWritingTransactionRunsAtReadCommittedAndAReadOnlyOneAtRepeatableRead() throws SQLException {
        assertThat(isolationOf(new TransactionTemplate(transactions))).isEqualTo("read committed");
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        assertThat(isolationOf(readOnly)).isEqualTo("repeatable read");
        assertThat(dataSource.unwrap(HikariDataSource.class).getPoolName()).isEqualTo("raised-isolation");
        assertThat(defaultIsolationOfAPlainSession()).as("the database's default").isEqualTo("serializable");
    }

    @Test
    void aConnectionGivenBackByATransactionOfAnotherIsolationRunsTheNextWriteAtReadCommitted() throws SQLException {
        TransactionTemplate serializable = new TransactionTemplate(transactions);
        serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
        int size = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        for (int round = 0; round < size; round++) {
            assertThat(isolationOf(serializable)).isEqualTo("serializable");
            assertThat(isolationOf(new TransactionTemplate(transactions))).as("round " + round)
                    .isEqualTo("read committed");
        }
    }

    @Test
    void aWritingTransactionReadsWhatCommittedMeanwhileAndWritesOverIt() throws Exception {
        List<String> read = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            read.add(nameOfTuvalu());
            try {
                CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(
                        other -> jdbc.update("update country set name = 'Tuvalu (renamed)' where code = 'TV'")))
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            read.add(nameOfTuvalu());
            // a row another transaction changed since this one began: written over, not refused as a conflict
            jdbc.update("update country set name = 'Tuvalu (renamed twice)' where code = 'TV'");
        });

        assertThat(read).containsExactly("Tuvalu", "Tuvalu (renamed)");
        assertThat(nameOfTuvalu()).isEqualTo("Tuvalu (renamed twice)");
    }

    private String isolationOf(TransactionTemplate transaction) {
        return transaction.execute(status -> jdbc.queryForObject("show transaction_isolation", String.class));
    }

    private String nameOfTuvalu() {
        return jdbc.queryForObject("select name from country where code = 'TV'", String.class);
    }

    /** The default isolation of a session begun without the application's pool. */
    private static String defaultIsolationOfAPlainSession() throws SQLException {
        try (Connection connection = PostgresTestDatabase.plainSession();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show default_transaction_isolation")) {
            result.next();
            return result.getString(1);
        }
    }
}
