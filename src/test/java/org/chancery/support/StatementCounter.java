package org.chancery.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

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
 * from the pool.
 */
public class StatementCounter {

    private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall", "createStatement");

    private final AtomicLong prepared = new AtomicLong();
    private final AtomicLong taken = new AtomicLong();

    /** The statements prepared while {@code action} ran. */
    public long count(Action action) throws Exception {
        long before = prepared.get();
        action.run();
        return prepared.get() - before;
    }

    /** The connections taken from the pool while {@code action} ran. */
    public long connections(Action action) throws Exception {
        long before = taken.get();
        action.run();
        return taken.get() - before;
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
        taken.incrementAndGet();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (PREPARING.contains(method.getName())) {
                        prepared.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
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
