package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database that a build of {@code main} migrated with a migration's text changed since (V16 as cd94e44 shipped
 * it, kept under {@code db/shipped/}) is migrated at a start of today's version; any other mismatch still stops it.
 * (Flyway alone finds no V15, a Java migration Spring hands it: the databases here go without it.)
 */
class ShippedMigrationsTests {

    private final String url = "jdbc:h2:mem:shipped-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    private final ApplicationContextRunner start = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
            .withUserConfiguration(ShippedMigrations.class)
            .withPropertyValues("spring.datasource.url=" + url, "spring.flyway.locations=classpath:db/migration");

    @Test
    void aDatabaseThatRanV16AsCd94e44ShippedItIsMigratedAtTheStartOfTodaysVersion() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("14").load().migrate();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/shipped/cd94e44").target("16")
                .ignoreMigrationPatterns("*:missing").load().migrate();
        assertThat(checksumOf("16")).isEqualTo(ShippedMigrations.SHIPPED.get("16"));
        assertThatThrownBy(() -> today().migrate()).isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch for migration version 16");

        start.run(context -> assertThat(context).hasNotFailed());

        assertThat(today().info().pending()).isEmpty();
        assertThat(checksumOf("16")).isEqualTo(today().info().applied()[indexOf("16")].getResolvedChecksum());
        today().validate();
    }

    @Test
    void anyOtherChangedChecksumStillStopsTheStart() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("16").load().migrate();
        jdbc.update("update \"flyway_schema_history\" set \"checksum\" = 12345 where \"version\" = '16'");

        start.run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("checksum mismatch for migration version 16"));

        assertThat(checksumOf("16")).isEqualTo(12345);
        assertThat(today().info().pending()).isNotEmpty();
    }

    private Flyway today() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }

    private Integer checksumOf(String version) {
        return jdbc.queryForObject("select \"checksum\" from \"flyway_schema_history\" where \"version\" = ?",
                Integer.class, version);
    }

    private int indexOf(String version) {
        var applied = today().info().applied();
        for (int i = 0; i < applied.length; i++) {
            if (applied[i].getVersion() != null && applied[i].getVersion().getVersion().equals(version)) {
                return i;
            }
        }
        throw new AssertionError("V" + version + " is not applied");
    }
}
