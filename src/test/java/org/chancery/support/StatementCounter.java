package org.chancery.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application prepares on its connections, whoever prepares them
 * (Hibernate, Spring Data, a {@code JdbcTemplate}); a JDBC batch is one statement, as it is one
 * round trip. The tests that prove "no N+1" count with it. It also counts the connections taken
 * from the pool. A transaction's own control is no statement of its work, as the driver's {@code BEGIN} and
 * {@code COMMIT} are not: the {@code set transaction} that begins a snapshot read on PostgreSQL
 * ({@link org.chancery.shared} {@code SnapshotReads}), sent with the {@code BEGIN}, is neither counted nor recorded.
 *
 * <p>It counts per thread: a count is of what the asking thread did (a MockMvc request runs on
 * it), so that a scheduled task of the application — the import worker looks for abandoned
 * imports every five seconds, on its own thread and connection — never adds to a test's count.
 */
public class StatementCounter {

    private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall", "createStatement");

    private final ThreadLocal<Tally> tally = ThreadLocal.withInitial(Tally::new);

    /** The statements this thread prepared while {@code action} ran. */
    public long count(Action action) throws Exception {
        Tally mine = tally.get();
        long before = mine.prepared;
        action.run();
        return mine.prepared - before;
    }

    /** The SQL of the statements this thread prepared while {@code action} ran, in their order. */
    public List<String> sql(Action action) throws Exception {
        Tally mine = tally.get();
        List<String> recorded = new ArrayList<>();
        mine.recording = recorded;
        try {
            action.run();
        } finally {
            mine.recording = null;
        }
        return recorded;
    }

    /** The connections this thread took from the pool while {@code action} ran. */
    public long connections(Action action) throws Exception {
        Tally mine = tally.get();
        long before = mine.taken;
        action.run();
        return mine.taken - before;
    }

    /** What one thread prepared and took; only that thread reads or writes it. */
    private static final class Tally {
        long prepared;
        long taken;
        List<String> recording;
    }

    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    DataSource counting(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return counting(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return counting(super.getConnection(username, password));
            }
        };
    }

    private Connection counting(Connection target) {
        tally.get().taken++;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (PREPARING.contains(method.getName()) && !transactionControl(args)) {
                        Tally mine = tally.get();
                        mine.prepared++;
                        if (mine.recording != null && args != null && args[0] instanceof String sql) {
                            mine.recording.add(sql);
                        }
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean transactionControl(Object[] args) {
        return args != null && args.length > 0 && args[0] instanceof String sql
                && sql.regionMatches(true, 0, "set transaction ", 0, "set transaction ".length());
    }

    /** Puts the counter around the application's data source. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }

        @Bean
        static BeanPostProcessor countingDataSource(ObjectProvider<StatementCounter> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)
                            ? counter.getObject().counting(dataSource) : bean;
                }
            };
        }
    }
}
