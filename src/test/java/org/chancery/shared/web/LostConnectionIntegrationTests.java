package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chancery.shared.DatabaseProduct;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.HeldRowLock;
import org.chancery.support.LockWaits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A request whose database connection is cut while it runs (the server restarting, an administrator ending the
 * session) answers 503 with {@code Retry-After}, as when no connection can be had at all: the database, not the
 * request, failed. The connection is cut here while the request waits for a row lock a test transaction holds.
 */
@ExtendWith(OutputCaptureExtension.class)
class LostConnectionIntegrationTests extends ApiIntegrationTest {

    private static final String EVENTS = "/api/relations/CU/KR/events";
    private static final String ESTABLISHED = "{\"type\":\"ESTABLISHED\",\"date\":\"2024-02-14\"}";

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aWriteWhoseConnectionIsCutAnswers503AndTheNextRequestsWork(CapturedOutput output) throws Exception {
        MockHttpServletResponse answer = cutWhileItWaits(EVENTS, ESTABLISHED);

        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(503);
        assertThat(answer.getHeader("Retry-After")).isEqualTo("5");
        assertThat(answer.getContentAsString()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
        assertLoggedAsAWarning(output, EVENTS);
        getJson("/api/relations/CU/KR").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("NONE"));
        // not recorded before: an ESTABLISHED recorded twice would be refused (R1)
        postAsEditor(EVENTS, ESTABLISHED).andExpect(status().isCreated());
    }

    /** The same through a service's {@code @Transactional} method (the events above go through a template). */
    @Test
    void aTransactionalWriteWhoseConnectionIsCutAnswers503LoggedAsAWarning(CapturedOutput output) throws Exception {
        long chung = newDiplomat("Chung Byung-won", "KR");
        long martinez = newDiplomat("Eugenio Martínez", "CU");

        MockHttpServletResponse answer = cutWhileItWaits("/api/meetings", """
                {"date": "2024-05-22", "country": "KR", "participants": [{"diplomatId": %s}, {"diplomatId": %s}]}"""
                .formatted(chung, martinez));

        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(503);
        assertLoggedAsAWarning(output, "/api/meetings");
        getJson("/api/meetings").andExpect(jsonPath("$.page.totalElements").value(0));
    }

    /** Sends the write while a test transaction holds Cuba's row, which it waits for, and cuts its session. */
    private MockHttpServletResponse cutWhileItWaits(String path, String body) throws Exception {
        try (HeldRowLock held = HeldRowLock.on(dataSource, "country", "code = ?", "CU")) {
            CompletableFuture<MockHttpServletResponse> write = CompletableFuture.supplyAsync(() -> {
                try {
                    return postAsEditor(path, body).andReturn().getResponse();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            LockWaits.awaitAWaitForALock(jdbc);
            cutTheWaitingSession();
            return write.get(20, TimeUnit.SECONDS);
        }
    }

    private void assertLoggedAsAWarning(CapturedOutput output, String path) {
        assertThat(output.getOut()).contains("Database connection lost during POST " + path)
                .doesNotContain("marked as broken"); // the pool's own warning, with a hundred lines of stack trace
        if (postgres()) {
            // a warning, as README says, not Spring's ERROR for the rollback that failed on the same closed connection
            // (H2 fails the waiting statement of a session it aborts as a deadlock, which that ERROR names)
            assertThat(output.getOut()).doesNotContain("Application exception overridden by rollback");
        }
    }

    private boolean postgres() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgres));
    }

    private void cutTheWaitingSession() {
        LockWaits.readingSessions(() -> jdbc.queryForList(postgres()
                ? "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()"
                        + " and wait_event_type = 'Lock' and backend_type = 'client backend'"
                : "select abort_session(session_id) from information_schema.sessions where blocker_id is not null"));
    }
}
