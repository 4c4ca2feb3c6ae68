package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * Every connection of the pool taken (by slow requests, a burst of writes): a request that cannot get one in time
 * is answered 503 with Retry-After, as a problem, not a 500, and writes nothing.
 */
@TestPropertySource(properties = "spring.datasource.hikari.connection-timeout=250")
class DatabaseUnavailableIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ProblemDetailsAdvice advice;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private ScheduledTaskHolder scheduling;

    /**
     * This context's search for abandoned jobs every 5 s stopped, and its last run ended: a run while a test takes
     * the connections would hold one the test counts on, or time out too and be counted with the request's.
     */
    @BeforeEach
    void noSearchForAbandonedJobsMeanwhile() throws Exception {
        List<ScheduledTask> recoveries = scheduling.getScheduledTasks().stream()
                .filter(task -> task.toString().endsWith("ImportWorker.recoverAbandoned")).toList();
        assertThat(recoveries).hasSize(1);
        recoveries.forEach(task -> task.cancel(false));
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (hikari.getHikariPoolMXBean().getActiveConnections() > 0) {
            assertThat(System.nanoTime()).as("the pool's connections all back within 20 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void aRequestThatGetsNoConnectionInTimeIsA503ProblemWithRetryAfterAndChangesNothing() throws Exception {
        int pool = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < pool; i++) {
                taken.add(dataSource.getConnection());
            }

            getJson("/api/relations/US/CU").andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing was changed")));
            mvc.perform(post("/api/relations/US/CU/events").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"type\": \"ESTABLISHED\", \"date\": \"1902-05-20\"}").with(httpBasic("editor", "editor-secret")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }

        assertThat(jdbc.queryForObject("select count(*) from relation_event", Long.class)).isZero();
        getJson("/api/relations/US/CU").andExpect(status().isOk());
    }

    @Test
    void anImportSentWhileNoConnectionCanBeHadWaitsForOneOnceAndIsA503() throws Exception {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        int pool = hikari.getMaximumPoolSize();
        double timeoutsBefore = meters.get("hikaricp.connections.timeout").counter().count();
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < pool; i++) {
                taken.add(dataSource.getConnection());
            }

            mvc.perform(post("/api/imports").param("format", "chancery-ndjson").contentType("application/x-ndjson")
                            .content("{\"kind\": \"diplomat\", \"name\": \"Ana Ruiz\", \"country\": \"CU\"}")
                            .with(httpBasic("admin", "admin-secret")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }

        // the search for abandoned jobs found no connection: the job was not tried after it
        assertThat(meters.get("hikaricp.connections.timeout").counter().count() - timeoutsBefore).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from import_job", Long.class)).isZero();
    }

    @Test
    void aStatementOutOfTimeIsA503WithoutRetryAfterAndNoConnectionOutsideATransactionA503WithIt() {
        ResponseEntity<ProblemDetail> slow = advice.databaseTooSlow(
                new QueryTimeoutException("canceling statement due to statement timeout"),
                new MockHttpServletRequest("GET", "/api/meetings"));
        assertThat(slow.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(slow.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(slow.getBody().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");

        ResponseEntity<ProblemDetail> noConnection = advice.databaseUnavailable(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"),
                new MockHttpServletRequest("GET", "/api/imports"));
        assertThat(noConnection.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(noConnection.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }
}
