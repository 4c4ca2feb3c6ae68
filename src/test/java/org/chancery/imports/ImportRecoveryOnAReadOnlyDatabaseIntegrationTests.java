package org.chancery.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.ImportJobs;
import org.chancery.support.ReadOnlyPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The look for abandoned imports, every five seconds, on a database made read-only while a job it would fail is
 * left: said once for as long as the database takes no writes, not every five seconds, and said again if it takes
 * none again after it took some.
 */
@Tag("postgres")
@ExtendWith(OutputCaptureExtension.class)
class ImportRecoveryOnAReadOnlyDatabaseIntegrationTests extends ApiIntegrationTest {

    private static final String SAID = "Could not look for abandoned imports: the database takes no writes";

    @Autowired
    private DataSource dataSource;

    @Autowired
    private ImportWorker worker;

    @Test
    void aDatabaseThatTakesNoWritesIsSaidOnceAWhileItTakesNone(CapturedOutput output) throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long id = json(mvc.perform(post("/api/imports").param("format", "chancery-ndjson")
                .contentType("application/x-ndjson").content("{\"kind\": \"diplomat\", \"name\": \"Kim Gye-gwan\", "
                        + "\"country\": \"KP\"}\n").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isAccepted())).get("id").asLong();
        ImportJobs.awaitEnd(mvc, id);
        try {
            readOnlyWithAJobLeftRunning(pool, id, 3);
            assertThat(output.getOut().split(SAID, -1)).as("said once").hasSize(2);

            pool.getHikariPoolMXBean().softEvictConnections();
            worker.recoverAbandoned(); // the database takes writes: the job is failed as abandoned
            assertThat(jdbc.queryForObject("select status from import_job where id = ?", String.class, id))
                    .isEqualTo("FAILED");
            readOnlyWithAJobLeftRunning(pool, id, 1);
            assertThat(output.getOut().split(SAID, -1)).as("said again").hasSize(3);
            assertThat(output).doesNotContain("org.hibernate.orm.jdbc.error");
        } finally {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    /**
     * The database made read-only, then the job made one its server left running ten minutes ago (by a session that
     * takes writes: a look between the two would fail it), then {@code looks} looks for abandoned jobs.
     */
    private void readOnlyWithAJobLeftRunning(HikariDataSource pool, long id, int looks) throws Exception {
        ReadOnlyPostgres.set(pool, true);
        try {
            ReadOnlyPostgres.write(pool, "update import_job set status = 'RUNNING', finished_at = null, "
                    + "heartbeat_at = now() - interval '10 minutes' where id = " + id,
                    "insert into import_lease (job_id) values (" + id + ")");
            pool.getHikariPoolMXBean().softEvictConnections();
            for (int look = 0; look < looks; look++) {
                worker.recoverAbandoned();
            }
        } finally {
            ReadOnlyPostgres.set(pool, false);
        }
    }
}
