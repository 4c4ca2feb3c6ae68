package org.chancery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chancery.support.DatabaseCleaner;
import org.chancery.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An import interrupted by a kill, on PostgreSQL (profile {@code postgres}), on the test run's database. */
@Tag("postgres")
class PostgresImportDurabilityIntegrationTests extends ImportDurabilityScenario {

    @AfterEach
    void cleanDatabase() {
        assertThat(PostgresTestDatabase.enabled()).as("runs in the postgres Maven profile (-Ppostgres)").isTrue();
        new DatabaseCleaner(new DriverManagerDataSource(System.getProperty("spring.datasource.url"),
                System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password")))
                .clean();
    }

    @Override
    protected String database() {
        return "postgres";
    }

    @Override
    protected List<String> databaseArguments() {
        return List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + System.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + System.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + System.getProperty("spring.datasource.password"));
    }
}
