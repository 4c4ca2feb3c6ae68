package org.chancery.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.chancery.imports.ImportJob;
import org.chancery.imports.ImportStatus;
import org.chancery.imports.Imports;
import org.chancery.support.DatabaseCleaner;
import org.chancery.support.ImportJobs;
import org.chancery.support.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What hostile clients get: requests Tomcat refuses itself, bodies too large, password guessing. A
 * real port for what only a socket can send; small limits so that they are quick to reach.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "chancery.max-request-size=4KB",
        "chancery.imports.public-url=https://chancery.example.org/",
        "chancery.imports.max-size=8KB",
        "chancery.cors.allowed-origins=https://admin.chancery.example",
        "chancery.security.lockout.failures-per-user=3",
        "chancery.security.lockout.failures-per-address=6",
        "chancery.security.lockout.duration=10m",
        "chancery.security.users[0].name=editor",
        "chancery.security.users[0].password={noop}editor-secret",
        "chancery.security.users[0].roles=EDITOR",
        "chancery.security.users[1].name=admin",
        "chancery.security.users[1].password={noop}admin-secret",
        "chancery.security.users[1].roles=ADMIN",
        "chancery.security.users[2].name=guarded",
        "chancery.security.users[2].password={noop}guarded-secret",
        "chancery.security.users[2].roles=EDITOR",
        "chancery.security.users[3].name=Cased",
        "chancery.security.users[3].password={noop}cased-secret",
        "chancery.security.users[3].roles=EDITOR",
        "chancery.security.users[4].name=racer",
        "chancery.security.users[4].password={noop}racer-secret",
        "chancery.security.users[4].roles=EDITOR"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class HardeningIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private MockMvc mvc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private Imports imports;

    @AfterEach
    void cleanDatabase() {
        new DatabaseCleaner(dataSource).clean();
    }

    @Test
    void answersWhatTomcatRefusesItselfAsProblemDetails() throws IOException {
        String[] requests = {
            "GET /api/countries/%00 HTTP/1.1\r\n",
            "GET /api/countries/%C3%28 HTTP/1.1\r\n",
            "GET /api/countries/%zz HTTP/1.1\r\n",
            "GET /api/countries/C%2FU HTTP/1.1\r\n",
            // Tomcat stops reading at the limit: the request id after it is never seen, a new one is made
            "GET /api/countries/CU HTTP/1.1\r\nX-Padding: " + "x".repeat(20_000) + "\r\n",
            "GET /api/relations?asOf=%zz HTTP/1.1\r\n",
            // a request line Tomcat cannot read has its status line and headers all the same, not HTTP/0.9's nothing;
            // the headers after it are never read
            "GET /api/countries/FR http/1.1\r\n",
            "GET /api/countries/F R HTTP/1.1\r\n",
            "GET /api/countries/FR XYZ/1.1\r\n",
        };
        for (String request : requests) {
            Answer answer = send((request + "Host: localhost\r\nX-Request-Id: probe-1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));

            String shown = request.length() > 60 ? request.substring(0, 60) : request;
            assertThat(answer.status()).as(shown).isEqualTo(400);
            assertThat(answer.header("content-type")).as(shown).startsWith("application/problem+json");
            assertThat(answer.header("x-request-id")).as(shown)
                    .matches(request.contains("X-Padding") || request.startsWith("GET /api/countries/F")
                            ? "[0-9a-f]{32}" : "probe-1");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("code").asString()).as(shown).isIn("MALFORMED_REQUEST", "VALIDATION_FAILED");
            assertThat(answer.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<html", "Exception", "at org.");
            assertThat(answer.header("x-content-type-options")).as(shown).isEqualTo("nosniff");
            assertThat(answer.header("x-frame-options")).as(shown).isEqualTo("DENY");
        }
    }

    @Test
    void aTransferCodingMethodOrHttpVersionTomcatDoesNotTakeIsTheRequestsFaultNotAnInternalError()
            throws IOException {
        Map<String, Integer> requests = Map.of(
                "POST /api/diplomats HTTP/1.1\r\nTransfer-Encoding: foo\r\n", 501,
                "CONNECT localhost:443 HTTP/1.1\r\n", 501,
                "GET /api/countries/CU HTTP/3.0\r\n", 505);
        for (Map.Entry<String, Integer> request : requests.entrySet()) {
            Answer answer = send((request.getKey() + "Host: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));

            assertThat(answer.status()).as(request.getKey()).isEqualTo(request.getValue());
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.get("code").asString()).as(request.getKey()).isEqualTo("MALFORMED_REQUEST");
            assertThat(problem.get("detail").asString()).as(request.getKey())
                    .contains(request.getValue() == 501 ? "does not implement" : "HTTP/1.1");
        }
    }

    @Test
    void aRequestOfHttp09WhoseAnswerWouldBeABodyWithoutStatusOrHeadersGetsNothing() throws IOException {
        // served, refused by the application, refused by Tomcat before the application sees it
        for (String line : List.of("GET /api/countries/CU", "POST /api/diplomats", "GET /api/countries/%00",
                "HEAD /api/countries/CU")) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));

                assertThat(socket.getInputStream().readAllBytes()).as(line).isEmpty();
            }
        }
    }

    @Test
    void theAdminPageAnsweredWithoutABodyCarriesTheSecurityHeadersOfEveryAnswer() throws IOException {
        for (String request : List.of("HEAD /admin/ HTTP/1.1\r\n", "HEAD /admin HTTP/1.1\r\n",
                "GET /admin/ HTTP/1.1\r\nIf-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n")) {
            Answer answer = send((request + "Host: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));

            assertThat(answer.status()).as(request).isIn(200, 304);
            assertThat(answer.header("x-content-type-options")).as(request).isEqualTo("nosniff");
            assertThat(answer.header("x-frame-options")).as(request).isEqualTo("DENY");
            assertThat(answer.header("content-security-policy")).as(request).contains("frame-ancestors 'none'");
        }
    }

    @Test
    void anUploadExpectingContinueThatIsRefusedBeforeItsBodyIsReadGetsTheRefusalNotAContinue() throws IOException {
        String admin = Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8));
        Map<String, Integer> refusals = Map.of(
                "", 401,
                "Authorization: Basic " + admin + "\r\nContent-Type: image/png\r\n", 415);
        for (Map.Entry<String, Integer> refusal : refusals.entrySet()) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST /api/imports?format=chancery-ndjson HTTP/1.1\r\n"
                        + "Host: localhost\r\n" + refusal.getKey() + "Content-Length: 50000000\r\n"
                        + "Expect: 100-continue\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1)).readLine();

                assertThat(statusLine).as(refusal.getKey()).startsWith("HTTP/1.1 " + refusal.getValue());
            }
        }
    }

    @Test
    void letsAnAllowedOriginReadWhatTomcatRefusesItself() throws IOException {
        for (String line : List.of("GET /api/countries/%zz HTTP/1.1", "GET /api/countries/C%2FU HTTP/1.1",
                "POST /api/diplomats/%00 HTTP/1.1")) {
            Answer allowed = send((line + "\r\nHost: localhost\r\nOrigin: https://admin.chancery.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            Answer other = send((line + "\r\nHost: localhost\r\nOrigin: https://evil.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));

            assertThat(allowed.status()).as(line).isEqualTo(400);
            assertThat(allowed.header("access-control-allow-origin")).as(line).isEqualTo("https://admin.chancery.example");
            assertThat(allowed.header("access-control-expose-headers")).as(line).contains("X-Request-Id");
            assertThat(other.status()).as(line).isEqualTo(allowed.status());
            assertThat(other.header("access-control-allow-origin")).as(line).isNull();
            assertThat(other.header("content-type")).as(line).startsWith("application/problem+json");
        }
    }

    @Test
    void anAcceptHeaderThatIsNoMediaTypeWritesNothingToTheLog(CapturedOutput output) throws IOException {
        for (String accept : List.of("garbage", ";;;", "application/json;q=abc")) {
            for (String path : List.of("/api/nosuch", "/", "/admin/")) {
                Answer answer = send(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                assertThat(answer.status()).as(path + " " + accept).isLessThan(500);
            }
        }

        assertThat(output.getOut()).doesNotContain("invalid Accept header");
    }

    @Test
    void logsAndCountsWhatTomcatRefusesItselfAsEveryRequest(CapturedOutput output) throws IOException {
        double before = refusedCount();
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        LogLevel configured = logging.getLoggerConfiguration("chancery.requests").getConfiguredLevel();
        logging.setLogLevel("chancery.requests", LogLevel.INFO);
        try {
            // the last two: a path Tomcat cannot read at all, and a header line that is none
            for (String request : List.of("GET /api/countries/%00", "GET /api/countries/%zz", "GET /api/x\"y",
                    "GET /api/countries/FR HTTP/1.1\r\nnot a header")) {
                Answer answer = send((request + (request.contains("HTTP/1.1") ? "" : " HTTP/1.1")
                        + "\r\nHost: localhost\r\nX-Request-Id: refused-1\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                assertThat(answer.status()).as(request).isEqualTo(400);
            }
            // a method is the client's text as a path is: cut as a path is
            Answer answer = send(("A".repeat(7000) + " /api/countries/FR HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Request-Id: long-method-1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer.status()).isEqualTo(405);
        } finally {
            logging.setLogLevel("chancery.requests", configured);
        }

        // the mark of the cut as the log's encoding writes it: "?" on a host whose locale has no "…" (LANG=C; the
        // README's "The host's language and encoding")
        String charset = System.getProperty(LoggingSystemProperty.CONSOLE_CHARSET.getEnvironmentVariableName(),
                Charset.defaultCharset().name());
        String cut = Charset.forName(charset).newEncoder().canEncode('…') ? "…" : "?";
        assertThat(output.getOut())
                .containsPattern("chancery\\.requests\\s+: GET /api/countries/%00 400 [0-9.]+ ms refused-1")
                .containsPattern("chancery\\.requests\\s+: GET /api/countries/%zz 400 [0-9.]+ ms refused-1")
                .containsPattern("chancery\\.requests\\s+: GET - 400 [0-9.]+ ms [0-9a-f]{32}")
                .containsPattern("chancery\\.requests\\s+: A{20}" + Pattern.quote(cut)
                        + " /api/countries/FR 405 [0-9.]+ ms long-method-1")
                .doesNotContain("A".repeat(21), "Error parsing HTTP request header");
        assertThat(refusedCount() - before).isEqualTo(4);
        // nor Tomcat's own line of such a refusal, with its stack trace, the first time a connection's processor
        // meets one (the test cannot know whether an earlier test's request was that first time)
        assertThat(logging.getLoggerConfiguration("org.apache.coyote.http11.Http11Processor").getEffectiveLevel())
                .isEqualTo(LogLevel.WARN);
    }

    private double refusedCount() {
        return meters.find("http.server.requests").tag("method", "GET").tag("uri", "UNKNOWN").tag("status", "400")
                .timers().stream().mapToLong(Timer::count).sum();
    }

    @Test
    void answersAMethodNoHandlerTakesWith405AndTheMethodsOfThePath() throws Exception {
        for (String method : List.of("PROPFIND", "PATCH", "LINK", "get")) {
            Answer answer = send((method + " /api/countries/FR HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: probe-2\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));

            assertThat(answer.status()).as(method).isEqualTo(405);
            assertThat(answer.header("allow")).as(method).isNotNull();
            assertThat(answer.header("allow").split(",\\s*")).as(method).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS", "PUT");
            assertThat(answer.header("x-request-id")).isEqualTo("probe-2");
            assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
        }
        mvc.perform(get("/api/countries/FR")).andExpect(jsonPath("$.name").value("France"))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void answersAMethodNoHandlerTakesOnAPathThatNeedsCredentialsWith401WithoutThem() throws IOException {
        for (String path : List.of("/api/imports", "/api/imports/1", "/api/imports/1/rows", "/api/changes")) {
            for (String method : List.of("PROPFIND", "PATCH")) {
                String request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n";
                Answer anonymous = send((request + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                assertThat(anonymous.status()).as("%s %s", method, path).isEqualTo(401);
                assertThat(anonymous.header("allow")).as("the methods of the path, unsaid").isNull();

                Answer editor = send((request + "Authorization: Basic " + Base64.getEncoder().encodeToString(
                        "editor:editor-secret".getBytes(StandardCharsets.UTF_8)) + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                assertThat(editor.status()).as("%s %s as editor", method, path).isEqualTo(405);
            }
        }
        // the formats are public, as every read: a method no handler takes is answered 405 there, as on a country
        Answer formats = send(("PATCH /api/imports/formats HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(formats.status()).isEqualTo(405);
    }

    @Test
    void saysThatARequestHasTooManyParametersRatherThanABadEncoding() throws IOException {
        String query = "p=1" + "&p=1".repeat(1_500);
        Answer answer = send(("GET /api/countries?" + query + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer.status()).isEqualTo(400);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(problem.get("detail").asString())
                .isEqualTo("The request has more query parameters than the server accepts.");
    }

    @Test
    void answersATraceAsAProblemWithoutEchoingTheRequest() throws IOException {
        Answer answer = send(("TRACE /api/countries/FR HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: probe-3\r\n"
                + "Authorization: Basic ZWRpdG9yOmVkaXRvci1zZWNyZXQ=\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(answer.header("x-request-id")).isEqualTo("probe-3");
        assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(answer.body()).doesNotContain("ZWRpdG9y", "Authorization", "TRACE /");
        // Tomcat dispatches the error page as GET: the request is still counted as the TRACE it was
        assertThat(meters.find("http.server.requests").tag("method", "TRACE").tag("status", "405").timer())
                .isNotNull().satisfies(timer -> assertThat(timer.count()).isPositive());
        assertThat(meters.find("http.server.requests").tag("method", "GET").tag("status", "405").timer()).isNull();
    }

    @Test
    void givesTheFirewallsRefusalsTheHeadersOfEveryAnswer() throws IOException {
        Answer answer = send("GET //api/countries HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(answer.header("x-frame-options")).isEqualTo("DENY");
        assertThat(answer.header("cache-control")).contains("no-store");
    }

    @Test
    void answersAnErrorWithoutABodyAsAProblem() throws Exception {
        mvc.perform(get("/actuator/health/nonexistent")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.instance").value("/actuator/health/nonexistent"));
        mvc.perform(get("/actuator/metrics/no.such.metric").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/error")).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(post("/error")).andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void refusesABodyAboveTheLimitWith413AndChangesNothing() throws Exception {
        String large = "{\"name\": \"" + "x".repeat(5_000) + "\", \"country\": \"CU\"}";
        mvc.perform(post("/api/diplomats").contentType(MediaType.APPLICATION_JSON).content(large)
                        .with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate"));

        byte[] body = large.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        chunked.writeBytes(("POST /api/diplomats HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Basic " + Base64.getEncoder().encodeToString("editor:editor-secret".getBytes(
                        StandardCharsets.UTF_8)) + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        for (int from = 0; from < body.length; from += 1_000) {
            int length = Math.min(1_000, body.length - from);
            chunked.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            chunked.write(body, from, length);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Answer answer = send(chunked.toByteArray());
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");

        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from diplomat", Integer.class))
                .isZero();
        mvc.perform(post("/api/diplomats").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Small Enough\", \"country\": \"CU\"}")
                        .with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isCreated());
    }

    @Test
    void takesImportFilesAboveTheRequestLimitUpToTheirOwn() throws Exception {
        StringBuilder file = new StringBuilder();
        for (int i = 0; file.length() < 6_000; i++) {
            file.append("{\"kind\": \"diplomat\", \"name\": \"Import Row ").append(i).append("\", \"country\": \"CU\"}\n");
        }
        JsonNode job = JSON.readTree(mvc.perform(post("/api/imports").param("format", "chancery-ndjson")
                        .contentType("application/x-ndjson").content(file.toString())
                        .with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());

        assertThat(ImportJobs.awaitEnd(mvc, job.get("id").asLong()).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theImportJobsPathsOtherThanItsUploadKeepTheLimitOfEveryRequest() throws Exception {
        String large = "{\"a\": \"" + "x".repeat(5_000) + "\"}";
        for (MockHttpServletRequestBuilder request : List.of(get("/api/imports/formats"), get("/api/imports"),
                get("/api/imports/1"), get("/api/imports/1/rows"), post("/api/imports/1/cancel"))) {
            mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(large)
                            .with(httpBasic("admin", "admin-secret")))
                    .andExpect(status().isContentTooLarge())
                    .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"));
        }
    }

    @Test
    void theApplicationsOwnFileIsNoUploadAndImportsWhateverTheUploadLimit() throws Exception {
        StringBuilder file = new StringBuilder();
        for (int i = 0; file.length() < 12_000; i++) {
            file.append("{\"kind\": \"diplomat\", \"name\": \"Shipped Row ").append(i).append("\", \"country\": \"CU\"}\n");
        }
        mvc.perform(post("/api/imports").param("format", "chancery-ndjson").contentType("application/x-ndjson")
                        .content(file.toString()).with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isPayloadTooLarge());

        // as the history profile loads the file it ships at start-up
        ImportJob job = imports.runNow(imports.format("chancery-ndjson"),
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), "history",
                "https://chancery.example.org/data");
        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat((long) job.rowsDone()).isEqualTo(file.toString().lines().count());
    }

    @Test
    void anImportCitesItsJobAtTheConfiguredAddressWhateverHostTheRequestNamed() throws Exception {
        String line = "{\"kind\": \"diplomat\", \"name\": \"Cited Here\", \"country\": \"CU\"}\n";
        JsonNode job = JSON.readTree(mvc.perform(post("/api/imports").param("format", "chancery-ndjson")
                        .header("Host", "attacker.example:8443").contentType("application/x-ndjson").content(line)
                        .with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        long id = job.get("id").asLong();
        assertThat(ImportJobs.awaitEnd(mvc, id).get("status").asString()).isEqualTo("SUCCEEDED");

        mvc.perform(get("/api/diplomats").param("q", "Cited Here"))
                .andExpect(jsonPath("$.content[0].sources[0].url").value("https://chancery.example.org/api/imports/" + id));
    }

    @Test
    void locksANameOutAfterRepeatedFailuresEvenForItsRightPassword() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/changes").with(httpBasic("guarded", "guess-" + i)).with(from("192.0.2.10")))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/changes").with(httpBasic("guarded", "guarded-secret")).with(from("192.0.2.11")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("(59\\d|600)")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("TOO_MANY_REQUESTS"));
        mvc.perform(get("/api/changes").with(httpBasic("editor", "editor-secret")).with(from("192.0.2.11")))
                .andExpect(status().isOk());
    }

    @Test
    void locksANameOutWhateverTheLetterCaseItIsTypedIn() throws Exception {
        // the names sign in whatever their case: each spelling counts as the one name, and none gets in while it is locked
        mvc.perform(get("/api/changes").with(httpBasic("CASED", "cased-secret")).with(from("192.0.2.30")))
                .andExpect(status().isOk());
        int i = 0;
        for (String spelling : List.of("cased", "CASED", "Cased")) {
            mvc.perform(get("/api/changes").with(httpBasic(spelling, "guess-" + i++)).with(from("192.0.2.3" + i)))
                    .andExpect(status().isUnauthorized());
        }

        for (String spelling : List.of("cased", "CASED", "cAsEd")) {
            mvc.perform(get("/api/changes").with(httpBasic(spelling, "cased-secret")).with(from("192.0.2.40")))
                    .andExpect(status().isTooManyRequests());
        }
    }

    @Test
    void locksAnAddressOutAfterRepeatedFailuresWhateverTheName() throws Exception {
        for (int i = 0; i < 6; i++) {
            mvc.perform(get("/api/changes").with(httpBasic("nobody-" + i, "guess")).with(from("198.51.100.20")))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/changes").with(httpBasic("admin", "admin-secret")).with(from("198.51.100.20")))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("TOO_MANY_REQUESTS"));
        mvc.perform(get("/api/changes").with(httpBasic("admin", "admin-secret")).with(from("198.51.100.21")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/countries/CU").with(from("198.51.100.20")))
                .andExpect(status().isOk());
    }

    @Test
    void guessesSentAtOnceGetNoMoreTriesThanGuessesSentOneAfterTheOther() throws Exception {
        // each wrong guess costs a BCrypt check: all would pass the lock before the first failure was counted
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String guess = "guess-" + i;
            String address = "203.0.113." + (i % 4 + 1);
            guesses.add(() -> mvc.perform(get("/api/changes").with(httpBasic("racer", guess)).with(from(address)))
                    .andReturn().getResponse().getStatus());
        }

        List<Integer> answers = Parallel.run(guesses);

        assertThat(answers).filteredOn(status -> status == 401).as("checked: %s", answers).hasSize(3);
        assertThat(answers).filteredOn(status -> status == 429).hasSize(9);
    }

    @Test
    void aMultipartTypeWithoutItsBoundaryIsNoReasonToFail() throws IOException {
        Answer read = send(("GET /api/countries/CU HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        String credentials = java.util.Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8));
        Answer upload = send(("POST /api/imports?format=kenkel-us-missions HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Basic " + credentials + "\r\nContent-Type: multipart/form-data\r\nContent-Length: 3\r\n"
                + "Connection: close\r\n\r\nabc").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(read.status()).isEqualTo(200);
        assertThat(upload.status()).isEqualTo(415);
        assertThat(upload.header("content-type")).startsWith("application/problem+json");
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private record Answer(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    @Test
    void aWriteToAPathNoHandlerTakesAnswersTheProblemWhateverItsContentType() throws IOException {
        // Spring's own answer of a path no handler takes read the Content-Type first, and failed on */* (500)
        String admin = Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8));
        for (String type : List.of("*/*", "text/*", "application/json")) {
            Answer answer = send(("PUT /api/diplomats/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + admin
                    + "\r\nContent-Type: " + type + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                    .getBytes(StandardCharsets.UTF_8));

            assertThat(answer.status()).as("%s: %s", type, answer.body()).isEqualTo(404);
            assertThat(answer.body()).contains("\"code\":\"NOT_FOUND\"");
        }
    }

    private Answer send(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String head = response.substring(0, end);
            String body = response.substring(end + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
