package org.chancery.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class CountryExistenceTests {

    /**
     * A database of its own for each run (PIT runs a test many times in one JVM) with the countries the tests
     * name: the German Democratic Republic (1949-10-07 to 1990-10-02), Germany, France, the United States.
     */
    private static DriverManagerDataSource countries(String name) {
        DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("create table country (code varchar(2) primary key, name varchar(100), started_on date,"
                + " ended_on date)").update();
        jdbc.sql("insert into country values ('DD', 'German Democratic Republic', date '1949-10-07',"
                + " date '1990-10-02'), ('DE', 'Germany', null, null), ('FR', 'France', null, null),"
                + " ('US', 'United States', null, null)").update();
        return h2;
    }

    @Test
    void tellsTheDatabaseFromTheWritersOwnConnectionAndBorrowsNoSecondOne() {
        DriverManagerDataSource h2 = countries("country-existence");
        AtomicInteger borrowed = new AtomicInteger();
        DelegatingDataSource pool = new DelegatingDataSource(h2) {
            @Override
            public Connection getConnection() throws SQLException {
                borrowed.incrementAndGet();
                return super.getConnection();
            }
        };
        CountryExistence existence = new CountryExistence(JdbcClient.create(pool), pool);
        borrowed.set(0);

        new TransactionTemplate(new DataSourceTransactionManager(pool)).executeWithoutResult(status ->
                existence.lock(new CountryCode("DD")).requireExistOn(LocalDate.of(1974, 9, 4), "the event's date"));

        assertThat(borrowed).as("connections taken from the pool by one write").hasValue(1);
    }

    @Test
    void locksTheCountriesThatRowsOfAnotherTableNameAndAnswersTheLifetimesOfThoseAskedOnly() {
        DriverManagerDataSource h2 = countries("country-referrers");
        JdbcClient jdbc = JdbcClient.create(h2);
        jdbc.sql("create table diplomat (id bigint primary key, country varchar(2))").update();
        jdbc.sql("insert into diplomat values (1, 'DD'), (2, 'FR')").update();
        CountryExistence existence = new CountryExistence(jdbc, h2);

        CountryExistence.Lifetimes locked = new TransactionTemplate(new DataSourceTransactionManager(h2))
                .execute(status -> existence.lock(new CountryExistence.Referrers("diplomat", "country", List.of(1L)),
                        new CountryCode("DE")));

        assertThat(locked.of(codes("DD", "DE"))).isPresent();
        assertThat(locked.of(codes("DE", "FR"))).as("FR, the country of a diplomat not named").isEmpty();
        assertThatNoException().isThrownBy(() -> locked.of(codes("DE")).orElseThrow()
                .requireExistOn(LocalDate.of(1995, 1, 1), "the meeting's date"));
        assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> locked.of(codes("DD", "DE"))
                .orElseThrow().requireExistOn(LocalDate.of(1995, 1, 1), "the meeting's date"))
                .withMessageContaining("DD (German Democratic Republic)");
    }

    @Test
    @DisplayName("R22: a closing or an end falls at most on the day after a country's last day")
    void letsAnEndFallOnTheDayAfterTheLastDayButNotLater() {
        DriverManagerDataSource h2 = countries("country-ends");
        CountryExistence existence = new CountryExistence(JdbcClient.create(h2), h2);

        CountryExistence.Lifetimes locked = new TransactionTemplate(new DataSourceTransactionManager(h2))
                .execute(status -> existence.lock(new CountryCode("US"), new CountryCode("DD")));

        assertThat(locked.requireExistOn(LocalDate.of(1974, 12, 9), "the opening date")
                .requireMayEndOn(LocalDate.of(1990, 10, 3), "the closing date")).as("for the next check")
                .isSameAs(locked);
        assertThatExceptionOfType(RuleViolationException.class)
                .isThrownBy(() -> locked.requireMayEndOn(LocalDate.of(1990, 10, 4), "the closing date"))
                .withMessage("DD (German Democratic Republic) ceased to exist on 1990-10-02; the closing date "
                        + "1990-10-04 is later than the day after it, 1990-10-03.")
                .satisfies(e -> assertThat(e.rule()).isEqualTo(Rule.R22_COUNTRY_NOT_IN_EXISTENCE));
    }

    @Test
    void takesNoTableOrColumnThatIsNotAPlainName() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new CountryExistence.Referrers("diplomat d; drop table country", "country", List.of(1L)));
    }

    private static List<CountryCode> codes(String... codes) {
        return Arrays.stream(codes).map(CountryCode::new).toList();
    }
}
