package org.chancery.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.ImportJobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Request ids, the request log, metrics and what {@code Accept: application/problem+json} gets. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTests extends ApiIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    @Test
    void tellsAdminsWhichBuildRunsOnWhichJava() throws Exception {
        mvc.perform(get("/actuator/info").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.build.artifact").value("chancery"))
                .andExpect(jsonPath("$.build.version").isNotEmpty())
                .andExpect(jsonPath("$.build.time").isNotEmpty())
                .andExpect(jsonPath("$.java.version").value(System.getProperty("java.version")));
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
    }

    @Test
    void echoesAPlausibleRequestIdInTheAnswerTheProblemAndTheLogLine(CapturedOutput output) throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel("chancery.requests", LogLevel.INFO);
        try {
            requestTwice();
        } finally {
            logging.setLogLevel("chancery.requests", LogLevel.WARN);
        }

        assertThat(output.getOut())
                .containsPattern("chancery\\.requests\\s+: GET /api/countries/\\{code\\} 200 [0-9.]+ ms desk-42\\.a:b_c")
                .containsPattern("chancery\\.requests\\s+: GET /api/countries/\\{code\\} 404 [0-9.]+ ms desk-43")
                .as("a path no handler of its own took is logged as the path").containsPattern(
                        "chancery\\.requests\\s+: GET /api/nothing/here 404 [0-9.]+ ms desk-44");
    }

    private void requestTwice() throws Exception {
        mvc.perform(get("/api/countries/{code}", "CU").header("X-Request-Id", "desk-42.a:b_c"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Request-Id", "desk-42.a:b_c"));
        mvc.perform(get("/api/countries/{code}", "QQ").header("X-Request-Id", "desk-43"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("X-Request-Id", "desk-43"))
                .andExpect(jsonPath("$.requestId").value("desk-43"))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/nothing/here").header("X-Request-Id", "desk-44")).andExpect(status().isNotFound());
    }

    @Test
    void replacesAMissingOrImplausibleRequestIdWithANewOne() throws Exception {
        String generated = mvc.perform(get("/api/countries/{code}", "CU"))
                .andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f]{32}")))
                .andReturn().getResponse().getHeader("X-Request-Id");
        for (String implausible : new String[] {"x".repeat(65), "a b", "<script>", "id\u00e9"}) {
            String answered = mvc.perform(get("/api/countries/{code}", "QQ").header("X-Request-Id", implausible))
                    .andExpect(status().isNotFound())
                    .andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f]{32}")))
                    .andReturn().getResponse().getHeader("X-Request-Id");
            assertThat(answered).isNotEqualTo(generated);
            assertThat(json(mvc.perform(get("/api/countries/QQ").header("X-Request-Id", implausible)))
                    .get("requestId").asString()).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void acceptsProblemJsonAloneAnsweringSuccessesInJsonAndErrorsAsProblems() throws Exception {
        mvc.perform(get("/api/countries/{code}", "CU").accept(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.code").value("CU"));
        mvc.perform(get("/api/relations").accept(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(status().isOk());
        mvc.perform(get("/api/relations").param("asOf", "yesterday").accept(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        mvc.perform(post("/api/diplomats").contentType(MediaType.APPLICATION_JSON).content("{}")
                        .accept(MediaType.APPLICATION_PROBLEM_JSON).with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void servesPrometheusMetricsToAdminsOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
        mvc.perform(get("/actuator/prometheus").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void isNotReadyWithinSecondsWhileTheDatabaseGivesNoConnectionAndIsAliveAndReadyAgainOnceItDoes()
            throws Exception {
        int pool = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        assertThat(dataSource.unwrap(HikariDataSource.class).getConnectionTimeout())
                .as("a request waits longer for a connection than a probe").isGreaterThan(7_000);
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < pool; i++) {
                taken.add(dataSource.getConnection());
            }

            long start = System.nanoTime();
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("DOWN"));
            long readiness = System.nanoTime();
            mvc.perform(get("/actuator/health").with(httpBasic("admin", "admin-secret")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.components.db.status").value("DOWN"))
                    .andExpect(jsonPath("$.components.db.details.error")
                            .value(containsString("gave no connection within 2 s")));
            // each waited its 2 s, not a request's wait for a connection (the rest: a loaded machine's slack)
            assertThat(Duration.ofNanos(readiness - start)).isLessThan(Duration.ofSeconds(7));
            assertThat(Duration.ofNanos(System.nanoTime() - readiness)).isLessThan(Duration.ofSeconds(7));
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }

        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health").with(httpBasic("admin", "admin-secret"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.details.validationQuery").value("isValid()"));
    }

    @Test
    void countsAWriteARuleRefusedButNotAReadARuleAnswered() throws Exception {
        double before = sameCountryRefusals();

        getJson("/api/relations/{a}/{b}", "CU", "CU").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("SAME_COUNTRY"));
        assertThat(sameCountryRefusals()).as("a read is not a refused write").isEqualTo(before);

        postAsEditor("/api/relations/{a}/{b}/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1990-01-01\"}", "CU",
                "CU").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("SAME_COUNTRY"));
        assertThat(sameCountryRefusals()).isEqualTo(before + 1);
    }

    private double sameCountryRefusals() {
        Counter counter = meters.find("chancery.rule.refusals").tags("rule", "R4", "code", "SAME_COUNTRY").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void countsRequestsPerRouteRuleRefusalsByCodeAndImportRowsByOutcome() throws Exception {
        getJson("/api/countries/{code}", "KR").andExpect(status().isOk());
        postAsEditor("/api/relations/{a}/{b}/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1990-01-01\"}", "CU",
                "CU").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("SAME_COUNTRY"));
        JsonNode job = json(mvc.perform(post("/api/imports").param("format", "chancery-ndjson")
                        .contentType("application/x-ndjson")
                        .content("{\"kind\": \"diplomat\", \"name\": \"Metric Counter\", \"country\": \"CU\"}\n")
                        .with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isAccepted()));
        ImportJobs.awaitEnd(mvc, job.get("id").asLong());

        String metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("# TYPE")))
                .andReturn().getResponse().getContentAsString();

        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"200\"[^}]*"
                        + "uri=\"/api/countries/\\{code}\"[^}]*} [1-9]")
                .containsPattern("chancery_rule_refusals_total\\{code=\"SAME_COUNTRY\",[^}]*rule=\"R4\"[^}]*} [1-9]")
                .containsPattern("chancery_import_rows_total\\{format=\"chancery-ndjson\",[^}]*outcome=\"IMPORTED\"[^}]*} "
                        + "[1-9]")
                .contains("jvm_memory_used_bytes", "jvm_gc_", "hikaricp_connections_active", "process_cpu_usage")
                // what each of the application's own series counts, said by its HELP line
                .contains("# HELP chancery_rule_refusals_total Writes sent to the API that a rule refused",
                        "# HELP chancery_import_rows_total Import rows reported, by format and outcome");
    }
}
