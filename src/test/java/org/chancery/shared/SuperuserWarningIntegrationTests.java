package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

@ExtendWith(OutputCaptureExtension.class)
class SuperuserWarningIntegrationTests extends ApiIntegrationTest {

    private static final String WARNING = "a superuser: it may read and change every database of the server";

    @Autowired
    private SuperuserWarning warning;

    @Autowired
    private DataSource dataSource;

    @Test
    void aSuperuserRoleIsWarnedOfOnPostgresqlAndNothingIsSaidOnH2(CapturedOutput output) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        warning.warnOfASuperuser();

        if (DatabaseProduct.isPostgres(dataSource)) {
            // the test database's user, postgres, is a superuser
            String role = jdbc.queryForObject("select current_user", String.class);
            assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user",
                    Boolean.class)).isTrue();
            assertThat(warning.superuser()).contains(role);
            assertThat(output.getOut()).contains("Connected to PostgreSQL as " + role + ", " + WARNING);
        } else {
            assertThat(warning.superuser()).isEmpty();
            assertThat(output.getOut()).doesNotContain(WARNING);
        }
    }
}
