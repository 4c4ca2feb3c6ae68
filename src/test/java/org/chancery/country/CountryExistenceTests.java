package org.chancery.country;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class CountryExistenceTests {

    @Test
    void tellsTheDatabaseFromTheWritersOwnConnectionAndBorrowsNoSecondOne() {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:country-existence;DB_CLOSE_DELAY=-1");
        AtomicInteger borrowed = new AtomicInteger();
        DelegatingDataSource pool = new DelegatingDataSource(h2) {
            @Override
            public Connection getConnection() throws SQLException {
                borrowed.incrementAndGet();
                return super.getConnection();
            }
        };
        JdbcClient jdbc = JdbcClient.create(pool);
        jdbc.sql("create table country (code varchar(2) primary key, name varchar(100), started_on date, ended_on date)")
                .update();
        jdbc.sql("insert into country values ('DD', 'German Democratic Republic', date '1949-10-07', date '1990-10-02')")
                .update();
        CountryExistence existence = new CountryExistence(jdbc, pool);
        borrowed.set(0);

        new TransactionTemplate(new DataSourceTransactionManager(pool)).executeWithoutResult(status ->
                existence.lock(new CountryCode("DD")).requireExistOn(LocalDate.of(1974, 9, 4), "the event's date"));

        assertThat(borrowed).as("connections taken from the pool by one write").hasValue(1);
    }
}
