package org.chancery.relation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The migration that marks what severances ended (V16) finds it in the histories a database
 * already holds: the diplomatic accreditations and the heads ending on the day of a severance of
 * their pair, not a consul, nor one ending on another day or on a severance of another pair.
 */
class EndedBySeveranceMigrationTests {

    @Test
    void marksTheAccreditationsAndHeadsThatRecordedSeverancesEnded() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("14").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into relation (id, country_a, country_b, status, since, consular_status, version) "
                + "values (1, 'AG', 'US', 'SEVERED', '2000-01-01', 'ESTABLISHED', 0)");
        jdbc.update("insert into relation_event (id, relation_id, type, event_date, date_precision) values "
                + "(1, 1, 'ESTABLISHED', '1981-11-01', 'DAY'), (2, 1, 'SEVERED', '2000-01-01', 'DAY')");
        jdbc.update("insert into accreditation (id, sending_country, receiving_country, accreditation_level, from_date, "
                + "from_precision, to_date, to_precision, version) values "
                + "(1, 'US', 'AG', 'AMBASSADOR', '1994-06-30', 'DAY', '2000-01-01', 'DAY', 0), "
                + "(2, 'AG', 'US', 'CONSUL', '1995-01-01', 'DAY', '2000-01-01', 'DAY', 0), "
                + "(3, 'AG', 'US', 'ENVOY', '1990-01-01', 'DAY', '1993-01-01', 'DAY', 0), "
                + "(4, 'US', 'BB', 'AMBASSADOR', '1990-01-01', 'DAY', '2000-01-01', 'DAY', 0)");
        jdbc.update("insert into diplomat (id, name, country, version) values (1, 'A. Envoy', 'US', 0)");
        jdbc.update("insert into mission (id, sending_country, receiving_country, type, city, status, version) values "
                + "(1, 'US', 'AG', 'EMBASSY', 'St. John''s', 'PLANNED', 0), "
                + "(2, 'US', 'BB', 'EMBASSY', 'Bridgetown', 'PLANNED', 0)");
        jdbc.update("insert into head_of_mission (id, mission_id, diplomat_id, name, head_rank, started_on, "
                + "started_precision, ended_on) values "
                + "(1, 1, 1, 'A. Envoy', 'AMBASSADOR', '1995-01-01', 'DAY', '2000-01-01'), "
                + "(2, 1, 1, 'A. Envoy', 'AMBASSADOR', '1990-01-01', 'DAY', '1994-01-01'), "
                + "(3, 2, 1, 'A. Envoy', 'AMBASSADOR', '1990-01-01', 'DAY', '2000-01-01')");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.queryForList("select id from accreditation where ended_by_severance order by id", Long.class))
                .containsExactly(1L);
        assertThat(jdbc.queryForList("select id from head_of_mission where ended_by_severance order by id", Long.class))
                .containsExactly(1L);
    }
}
