package org.chancery.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class StatementCounterTests {

    private final StatementCounter counter = new StatementCounter();
    private final DataSource dataSource = counter.counting(h2());

    @Test
    void countsTheStatementsAndConnectionsOfTheAskingThread() throws Exception {
        long statements = counter.count(() -> {
            try (Connection connection = dataSource.getConnection();
                    Statement first = connection.createStatement();
                    Statement second = connection.prepareStatement("select 1")) {
                first.execute("select 2");
            }
        });
        long connections = counter.connections(() -> dataSource.getConnection().close());

        assertThat(statements).isEqualTo(2);
        assertThat(connections).isOne();
    }

    @Test
    void recordsTheSqlOfThePreparedStatementsInTheirOrder() throws Exception {
        List<String> sql = counter.sql(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement first = connection.prepareStatement("select 1");
                    PreparedStatement second = connection.prepareStatement("select 2")) {
                first.execute();
            }
        });
        List<String> after = counter.sql(() -> { });

        assertThat(sql).containsExactly("select 1", "select 2");
        assertThat(after).isEmpty();
    }

    @Test
    void leavesOutTheControlOfATransactionAsItLeavesOutItsBeginAndCommit() throws Exception {
        List<String> sql = new ArrayList<>();
        long statements = counter.count(() -> sql.addAll(counter.sql(() -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement control = connection.prepareStatement(
                                "set transaction isolation level repeatable read");
                        PreparedStatement read = connection.prepareStatement("select 1")) {
                    control.execute();
                    read.execute();
                }
                connection.commit();
            }
        })));

        assertThat(statements).isOne();
        assertThat(sql).containsExactly("select 1");
    }

    @Test
    void leavesOutWhatAnotherThreadDoesMeanwhile() throws Exception {
        AtomicBoolean otherRan = new AtomicBoolean();
        long statements = counter.count(() -> {
            Thread scheduled = new Thread(() -> {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement statement = connection.prepareStatement("select 1")) {
                    otherRan.set(statement.execute());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            scheduled.start();
            scheduled.join();
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement("select 1")) {
                statement.execute();
            }
        });

        assertThat(otherRan).isTrue();
        assertThat(statements).isOne();
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:statement-counter");
        return h2;
    }
}
