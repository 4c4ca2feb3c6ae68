package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.PostgresTestDatabase;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A PostgreSQL database made read-only while Chancery runs (maintenance, a standby after a failover): its writes
 * answer 503 with {@code Retry-After}, not 500, its reads go on, and once the database takes writes again the pool
 * drops each session that refused one, so that writes work again without a restart.
 */
@Tag("postgres")
@ExtendWith(OutputCaptureExtension.class)
class ReadOnlyDatabaseIntegrationTests extends ApiIntegrationTest {

    private static final String DIPLOMAT = "{\"name\": \"Kang Kyung-wha\", \"country\": \"KR\"}";

    @Autowired
    private DataSource dataSource;

    @Autowired
    private ProblemDetailsAdvice advice;

    @Test
    void writesToADatabaseMadeReadOnlyAnswer503AndWorkAgainOnceItTakesWrites(CapturedOutput output) throws Exception {
        assertThat(PostgresTestDatabase.enabled()).as("runs in the postgres Maven profile (-Ppostgres)").isTrue();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        setReadOnly(pool, true);
        try {
            pool.getHikariPoolMXBean().softEvictConnections(); // the sessions from now on take the setting
            postAsEditor("/api/diplomats", DIPLOMAT)
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("read-only")));
            getJson("/api/relations/CU/KR").andExpect(status().isOk());
        } finally {
            setReadOnly(pool, false);
        }

        // the pool's sessions are read-only still: a refused write renews them (at most once a second)
        int answer = 0;
        for (int attempt = 0; attempt < 20 && answer != 201; attempt++) {
            answer = postAsEditor("/api/diplomats", DIPLOMAT).andReturn().getResponse().getStatus();
            assertThat(answer).isIn(201, 503);
            Thread.sleep(answer == 201 ? 0 : 250);
        }
        try {
            assertThat(answer).isEqualTo(201);
            // a session begun while the database was read-only, refusing a write after it takes writes again, as
            // the pool's sessions are new by now: still the database's refusal, not a bug's
            assertThat(advice.unexpected(new JpaSystemException(new RuntimeException(new SQLException(
                    "cannot execute INSERT in a read-only transaction", "25006"))),
                    new MockHttpServletRequest("POST", "/api/diplomats")).getStatusCode())
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            getJson("/api/diplomats").andExpect(jsonPath("$.page.totalElements").value(1));
            assertThat(output).contains("Database read-only for POST /api/diplomats")
                    .doesNotContain("Unexpected error")
                    .as("Hibernate's two lines of each refused statement").doesNotContain("SQLState: 25006")
                    .doesNotContain("org.hibernate.orm.jdbc.error");
        } finally {
            pool.getHikariPoolMXBean().softEvictConnections(); // none left read-only for the cleaning after the test
        }
    }

    @Test
    void theChangeFeedOfADatabaseMadeReadOnlyIsReadAsNumberedAndTheRestNumberedOnceItTakesWrites() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        postAsEditor("/api/diplomats", DIPLOMAT).andExpect(status().isCreated());
        long seq = json(changes("")).get("content").get(0).get("seq").asLong();
        postAsEditor("/api/diplomats", "{\"name\": \"Ri Son-gwon\", \"country\": \"KP\"}")
                .andExpect(status().isCreated()); // waits for its seq: the feed numbers as it is read
        setReadOnly(pool, true);
        try {
            pool.getHikariPoolMXBean().softEvictConnections();
            changes("").andExpect(status().isOk()).andExpect(jsonPath("$.content[*].seq").value(Matchers.contains(
                    (int) seq)));
            String csv = mvc.perform(get("/api/changes").accept("text/csv").with(httpBasic("editor", "editor-secret")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(csv.lines()).as("a header and the change numbered before").hasSize(2);
        } finally {
            setReadOnly(pool, false);
        }

        // the sessions that refused the numbering are renewed (at most once a second): the change waiting is numbered
        int listed = 1;
        for (int attempt = 0; attempt < 20 && listed != 2; attempt++) {
            Thread.sleep(250);
            listed = json(changes("").andExpect(status().isOk())).get("content").size();
        }
        try {
            assertThat(listed).isEqualTo(2);
            changes("?after=" + seq).andExpect(jsonPath("$.content[0].seq").value((int) seq + 1));
        } finally {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    private ResultActions changes(String query) throws Exception {
        return mvc.perform(get("/api/changes" + query).accept(MediaType.APPLICATION_JSON)
                .with(httpBasic("editor", "editor-secret")));
    }

    /** Sets the database's default, on a connection of its own (the pool's are left as they are). */
    private static void setReadOnly(HikariDataSource pool, boolean readOnly) throws SQLException {
        try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword()); Statement statement = connection.createStatement()) {
            statement.execute("set default_transaction_read_only = off");
            statement.execute("alter database \"" + connection.getCatalog() + "\" "
                    + (readOnly ? "set default_transaction_read_only = on" : "reset default_transaction_read_only"));
        }
    }
}
