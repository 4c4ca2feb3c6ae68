package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database that a build of {@code main} migrated with a migration's text changed since (each such text kept under
 * {@code db/shipped/<build>/}) is migrated at a start of today's version, given what today's text does beyond the
 * shipped one; any other mismatch still stops the start. (Flyway alone finds no V15, a Java migration Spring hands
 * it: the databases here go without it.)
 */
class ShippedMigrationsTests {

    private static final String KENKEL = "[{\"url\":\"https://github.com/brentonk/us_diplomatic_missions\","
            + "\"publisher\":\"Brenton Kenkel\",\"title\":\"line 155\",\"publishedOn\":null}]";

    private final String url = "jdbc:h2:mem:shipped-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    private final ApplicationContextRunner start = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
            .withUserConfiguration(ShippedMigrations.class)
            .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=sa",
                    "spring.datasource.password=", "spring.flyway.locations=classpath:db/migration");

    @ParameterizedTest(name = "V{0} as {1} shipped it")
    @CsvSource({"16, cd94e44, 14", "19, 1ba9fb1, 18", "21, 4703e1e, 20", "23, 3bb4d95, 22"})
    void aDatabaseThatRanAMigrationAsABuildShippedItIsMigratedAtTheStartOfTodaysVersion(String version, String build,
            String before) {
        ranAsShipped(version, build, before);
        assertThat(ShippedMigrations.SHIPPED).anySatisfy(shipped -> assertThat(shipped)
                .returns(version, ShippedMigrations.Shipped::version).returns(build, ShippedMigrations.Shipped::build)
                .returns(checksumOf(version), ShippedMigrations.Shipped::checksum));
        assertThatThrownBy(() -> today().migrate()).isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch for migration version " + version);

        start.run(context -> assertThat(context).hasNotFailed());

        assertThat(today().info().pending()).isEmpty();
        assertThat(checksumOf(version)).isEqualTo(applied(version).getResolvedChecksum());
        today().validate();
    }

    @Test
    void aDatabaseThatRanV19AsShippedFirstIsGivenWhatTodaysV19DoesBeyondIt() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("18").load().migrate();
        // Buenos Aires: a legation superseded by an embassy opened in October 1914, closed to the day
        jdbc.update("insert into mission (id, sending_country, receiving_country, type, city, status, opened_on, "
                + "opened_precision, closed_on, closed_precision, closing_reason, successor_id, version) values "
                + "(1, 'US', 'AR', 'EMBASSY', 'Buenos Aires', 'OPEN', DATE '1914-10-01', 'MONTH', null, null, null, "
                + "null, 0), (2, 'US', 'AR', 'LEGATION', 'Buenos Aires', 'CLOSED', DATE '1841-01-01', 'YEAR', "
                + "DATE '1914-10-01', 'DAY', 'SUPERSEDED', 1, 0)");
        // Prague: the history import's embassy closing as Czechoslovakia ended; an editor's of the same words
        jdbc.update("insert into mission (id, sending_country, receiving_country, type, city, status, opened_on, "
                + "opened_precision, closed_on, closed_precision, closing_reason, sources, version) values "
                + "(7, 'US', 'CS', 'EMBASSY', 'Prague', 'CLOSED', DATE '1945-05-10', 'DAY', DATE '1993-01-01', 'YEAR', "
                + "'STATE_ENDED', ?, 0), (8, 'US', 'CS', 'CONSULATE', 'Bratislava', 'CLOSED', DATE '1945-05-10', "
                + "'DAY', DATE '1993-01-01', 'YEAR', 'STATE_ENDED', null, 0)", KENKEL);
        ranAsShipped("19", "1ba9fb1", "18");
        assertThat(closings()).as("as the shipped text left them").containsExactly("2 MONTH 0", "7 YEAR 0", "8 YEAR 0");

        start.run(context -> assertThat(context).hasNotFailed());

        assertThat(closings()).as("as today's V19 leaves them").containsExactly("2 MONTH 1", "7 DAY 1", "8 YEAR 0");
    }

    private List<String> closings() {
        return jdbc.queryForList("select id || ' ' || closed_precision || ' ' || version from mission "
                + "where closed_on is not null order by id", String.class);
    }

    /**
     * The checksum of each migration as it landed on {@code main}: a text changed since would stop every database it
     * migrated (a migration is mended by a later one). A new migration adds its own here as it lands.
     */
    @Test
    void everyMigrationKeepsTheTextItLandedWith() {
        Map<String, Integer> landed = new LinkedHashMap<>();
        for (String migration : List.of("1, 1317992063", "2, 1927027486", "3, 147772338", "4, 1868180806",
                "5, 975571747", "6, -725148041", "7, -703899989", "8, -2112673661", "9, 1241435911", "10, 596428179",
                "11, 242173368", "12, 1892226773", "13, -1078581972", "14, -419756357", "16, 526191039",
                "17, 405303295", "18, 320278804", "19, 820109466", "20, -1398628648", "21, 1178117583",
                "22, -1772678802", "23, -1046788133", "24, -366273826", "25, -1620987831", "26, 1279643728",
                "31, 702772849", "32, -1315468528", "33, 629739311",
                "34, 33989752", "35, -329770844",
                "36, -462645992")) {
            String[] versionAndChecksum = migration.split(", ");
            landed.put(versionAndChecksum[0], Integer.valueOf(versionAndChecksum[1]));
        }
        Map<String, Integer> today = new LinkedHashMap<>();
        for (MigrationInfo migration : today().info().all()) {
            today.put(migration.getVersion().getVersion(), migration.getResolvedChecksum());
        }

        assertThat(today).isEqualTo(landed);
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

    /** Today's migrations up to {@code before}, then {@code version} as {@code build} shipped it. */
    private void ranAsShipped(String version, String build, String before) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(before).load().migrate();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/shipped/" + build).target(version)
                .ignoreMigrationPatterns("*:missing").load().migrate();
    }

    private Flyway today() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }

    private Integer checksumOf(String version) {
        return jdbc.queryForObject("select \"checksum\" from \"flyway_schema_history\" where \"version\" = ?",
                Integer.class, version);
    }

    private MigrationInfo applied(String version) {
        for (MigrationInfo migration : today().info().applied()) {
            if (migration.getVersion() != null && migration.getVersion().getVersion().equals(version)) {
                return migration;
            }
        }
        throw new AssertionError("V" + version + " is not applied");
    }
}
