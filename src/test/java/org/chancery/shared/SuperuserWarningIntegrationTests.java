package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SuperuserWarningIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private SuperuserWarning warning;

    @Autowired
    private DataSource dataSource;

    @Test
    void aSuperuserRoleIsToldOnPostgresqlAndNothingOnH2() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        if (DatabaseProduct.isPostgres(dataSource)) {
            // the test database's user, postgres, is a superuser
            assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user",
                    Boolean.class)).isTrue();
            assertThat(warning.superuser()).contains(jdbc.queryForObject("select current_user", String.class));
        } else {
            assertThat(warning.superuser()).isEmpty();
        }
    }
}
