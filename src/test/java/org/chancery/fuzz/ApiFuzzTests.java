package org.chancery.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.chancery.ChanceryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile requests derived from the served OpenAPI description, sent to the running application (the
 * demo data loaded, on its own port): whatever comes, no answer is a 5xx; every error is
 * {@code application/problem+json} with a {@code code} and its status; no answer shows a stack
 * trace, a class name or SQL; and a refused write leaves the database as it was. A failure names
 * its seed and the command that replays it ({@link FuzzSeed}).
 */
@Tag("fuzz")
class ApiFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TRIES = 10_000;

    /** What an error answer must never show (after the client's own text is taken out of it). */
    private static final Pattern LEAK = Pattern.compile("(?i)(\\bat [\\w.$]+\\(\\w+\\.java:\\d+\\)"
            + "|\\w+(exception|error)\\b(?<!\\bno error)|\\b(java|javax|jakarta|sun|org\\.springframework|org\\.hibernate"
            + "|org\\.h2|org\\.postgresql|org\\.apache|tools\\.jackson|com\\.fasterxml|org\\.chancery)\\.[a-z]"
            + "|\\bselect\\b[^.]{0,80}\\bfrom\\b|\\binsert\\s+into\\b|\\bupdate\\s+\\w+\\s+set\\b|\\bdelete\\s+from\\b"
            + "|sqlstate|\\bjdbc\\b|\\bhibernate\\b|\\bstack ?trace\\b|\\bnested exception\\b)");

    private static ConfigurableApplicationContext application;
    private static RawHttp http;
    private static Requests requests;
    private static DatabaseFingerprint database;
    private static List<ApiDescription.Operation> operations;
    private static final Map<String, AtomicInteger> tried = new ConcurrentHashMap<>();
    private static final Map<Integer, AtomicInteger> answered = new ConcurrentHashMap<>();
    private static final AtomicInteger sent = new AtomicInteger();


    @BeforeContainer
    static void startTheApplication() throws IOException {
        // command-line arguments, not default properties: those would yield to application.yml's port 8080
        // (taken whenever the application runs beside the build) and to the tests' own datasource URL
        application = new SpringApplicationBuilder(ChanceryApplication.class)
                .profiles("demo")
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:fuzz;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;OPTIMIZE_REUSE_RESULTS=0",
                        // password guessing is tested on its own (HardeningIntegrationTests): here it would lock
                        // the fuzzing users out
                        "--chancery.security.lockout.failures-per-user=1000000000",
                        "--chancery.security.lockout.failures-per-address=1000000000",
                        "--logging.level.org.chancery=WARN", "--logging.level.org.springframework=WARN",
                        "--logging.level.org.apache=WARN", "--logging.level.com.zaxxer=WARN",
                        "--logging.level.org.hibernate=WARN", "--logging.level.org.flywaydb=WARN");
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        http = new RawHttp(port);
        RawHttp.Answer description = http.send("GET", "/v3/api-docs", Map.of("Accept", "application/json"), null);
        assertThat(description.status()).isEqualTo(200);
        ApiDescription api = new ApiDescription(description.text());
        operations = api.operations();
        List<String> examples = new ArrayList<>();
        RawHttp.Answer formats = http.send("GET", "/api/imports/formats", Map.of("Accept", "application/json"), null);
        JSON.readTree(formats.body()).forEach(format -> examples.add(format.get("example").asString()));
        requests = new Requests(api, examples);
        database = new DatabaseFingerprint(application.getBean(DataSource.class));
    }

    @AfterContainer
    static void stopTheApplicationAndCheckTheCoverage() {
        try {
            if (sent.get() >= TRIES && System.getProperty(FuzzSeed.TRIES) == null) {
                for (ApiDescription.Operation operation : operations) {
                    assertThat(tried.getOrDefault(operation.id(), new AtomicInteger()).get())
                            .as("requests derived from %s", operation).isGreaterThanOrEqualTo(50);
                }
                int successes = answered.entrySet().stream().filter(entry -> entry.getKey() / 100 == 2)
                        .mapToInt(entry -> entry.getValue().get()).sum();
                assertThat(successes).as("answers 2xx: the fuzzer also gets past validation, %s", answered)
                        .isGreaterThan(sent.get() / 20);
            }
        } finally {
            if (http != null) {
                http.close();
            }
            if (application != null) {
                application.close();
            }
        }
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        return requests.any();
    }

    // the generators put the boundary values in themselves (Requests), evenly over the operations; jqwik's
    // own edge cases would mostly repeat the first operation's
    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(FuzzSeed.class)
    void noRequestFailsTheServerLeaksItsInsidesOrChangesDataWhenRefused(@ForAll("requests") FuzzRequest request)
            throws Exception {
        Map<String, String> before = request.writes() ? database.take() : null;
        RawHttp.Answer answer = http.send(request.method(), request.target(), request.headers(), request.body());
        sent.incrementAndGet();
        tried.computeIfAbsent(request.operation().id(), id -> new AtomicInteger()).incrementAndGet();
        answered.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
        Statistics.label("answer").collect(answer.status() / 100 + "xx");
        String shown = request + "\n→ " + answer.status() + " " + answer.headers() + "\n  "
                + FuzzRequest.abbreviated(answer.text(), 2_000);

        assertThat(answer.status()).as("no server error for:\n%s", shown).isLessThan(500);
        if (answer.status() >= 400 && !request.method().equals("HEAD")) {
            assertThat(answer.header("content-type")).as("a problem document for:\n%s", shown)
                    .startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("code").asString("")).as("a code for:\n%s", shown).matches("[A-Z][A-Z0-9_]+");
            assertThat(problem.path("status").asInt()).as("the status in the problem for:\n%s", shown)
                    .isEqualTo(answer.status());
            String leaked = leak(problem, request.inputs());
            assertThat(leaked).as("nothing technical in the answer to:\n%s", shown).isNull();
        }
        if (before != null && answer.status() >= 400) {
            assertThat(database.take()).as("the database unchanged after the refused write:\n%s", shown)
                    .isEqualTo(before);
        }
        if (answer.status() == 202 && request.target().startsWith("/api/imports")) {
            awaitImport(JSON.readTree(answer.body()).get("id").asLong());
        }
    }

    /** The first technical text in the problem's words, once the client's own words are taken out. */
    private static String leak(JsonNode problem, List<String> inputs) {
        List<String> words = new ArrayList<>();
        problem.properties().forEach(field -> {
            if (!field.getKey().equals("instance")) {
                collect(field.getValue(), words);
            }
        });
        for (String word : words) {
            String rest = word;
            for (String input : inputs) {
                if (!input.isEmpty()) {
                    rest = rest.replace(input, " ");
                }
            }
            Matcher matcher = LEAK.matcher(rest);
            if (matcher.find()) {
                return matcher.group() + " in: " + word;
            }
        }
        return null;
    }

    private static void collect(JsonNode node, List<String> words) {
        if (node.isString()) {
            words.add(node.asString());
        } else if (node.isContainer()) {
            node.forEach(child -> collect(child, words));
        }
    }

    /**
     * Lets an import the fuzzer started end before the next request (it writes in the background): its end recorded,
     * and then its lease deleted, which its worker does a moment after.
     */
    private static void awaitImport(long id) throws IOException, InterruptedException {
        String admin = "Basic " + Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            RawHttp.Answer job = http.send("GET", "/api/imports/" + id, Map.of("Authorization", admin,
                    "Accept", "application/json"), null);
            if (!JSON.readTree(job.body()).path("status").asString().equals("RUNNING") && !database.leased(id)) {
                return;
            }
            assertThat(System.nanoTime()).as("import %s still running", id).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
