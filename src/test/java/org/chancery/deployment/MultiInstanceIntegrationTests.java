package org.chancery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import org.chancery.deployment.Api.Answer;
import org.chancery.deployment.RecordedFacts.Event;
import org.chancery.deployment.RecordedFacts.Mission;
import org.chancery.support.DatabaseCleaner;
import org.chancery.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the application, each with its own context, pool and Tomcat, share one
 * PostgreSQL database and receive conflicting writes at the same moment over HTTP; afterwards the
 * rules of API.md hold, both instances serve the same facts, and no request failed with a 5xx.
 */
@Tag("postgres")
@TestInstance(Lifecycle.PER_CLASS)
class MultiInstanceIntegrationTests {

    private ApplicationInstance first;
    private ApplicationInstance second;
    private List<Api> both;

    @BeforeAll
    void startTwoInstances() {
        assertThat(PostgresTestDatabase.enabled()).as("runs in the postgres Maven profile (-Ppostgres)").isTrue();
        // a pile-up of writes on a full pool (below) waits for a connection and for the pairs' locks as long as a
        // loaded machine takes to drain it, not the deployment's 10 s
        String[] patient = {"--spring.datasource.hikari.connection-timeout=60000",
            "--spring.datasource.hikari.data-source-properties.options=-c lock_timeout=60s -c statement_timeout=90s"};
        first = ApplicationInstance.start("first", patient);
        second = ApplicationInstance.start("second", patient);
        both = List.of(first.api(), second.api());
    }

    @AfterAll
    void stopInstances() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @BeforeEach
    @AfterEach
    void cleanDatabase() {
        new DatabaseCleaner(first.dataSource()).clean();
    }

    @Test
    @DisplayName("R7/R8: of parallel openings of planned embassies of one direction on two instances, one succeeds")
    void opensExactlyOneOfManyEmbassiesOpenedAtOnceOnTwoInstances() throws Exception {
        first.api().post("/api/relations/CU/KR/events", "{\"type\": \"ESTABLISHED\", \"date\": \"2024-02-14\"}")
                .requireStatus(201);
        long office = second.api().post("/api/missions", mission("CU", "KR", "PROVISIONAL_OFFICE", "Seoul"))
                .requireStatus(201).id();
        second.api().post("/api/missions/" + office + "/open", "{\"date\": \"2024-03-01\"}").requireStatus(200);
        String[] types = {"EMBASSY", "HIGH_COMMISSION", "NUNCIATURE"};
        List<Long> planned = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            planned.add(api(i).post("/api/missions", mission("CU", "KR", types[i % 3], "Seoul " + i))
                    .requireStatus(201).id());
        }
        List<Callable<Answer>> openings = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            String path = "/api/missions/" + planned.get(i) + "/open";
            String body = "{\"date\": \"" + LocalDate.of(2024, 9, 1).plusDays(i % 4) + "\"}";
            Api api = api(i);
            openings.add(() -> api.post(path, body));
        }

        List<Answer> answers = Race.run(openings);

        assertNoServerError(answers);
        assertThat(answers).filteredOn(a -> a.status() == 200).as("accepted openings").hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() != 200).as("refused openings")
                .allSatisfy(a -> assertThat(a.code()).as(a.toString()).isEqualTo("EMBASSY_ALREADY_OPEN"));
        long embassy = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().id();
        for (Api api : both) {
            List<JsonNode> open = api.all("/api/missions?sending=CU&receiving=KR&status=OPEN");
            assertThat(open).as("open CU missions in KR on %s", api.name()).singleElement()
                    .satisfies(m -> assertThat(m.get("id").asLong()).isEqualTo(embassy));
            JsonNode superseded = api.get("/api/missions/" + office).requireStatus(200).json();
            assertThat(superseded.get("status").asString()).isEqualTo("CLOSED");
            assertThat(superseded.get("closingReason").asString()).isEqualTo("SUPERSEDED");
            assertThat(superseded.get("successorId").asLong()).isEqualTo(embassy);
            RecordedFacts.checkPair(api, "CU", "KR");
            RecordedFacts.checkOneOpenEmbassyPerDirection(api);
        }
    }

    @Test
    @DisplayName("R1/R5/R11/R20: parallel events and an opening on one pair, on two instances, leave a valid history")
    void keepsAValidHistoryUnderParallelEventsOnTwoInstances() throws Exception {
        for (int round = 0; round < 3; round++) {
            long embassy = first.api().post("/api/missions", mission("FR", "DE", "EMBASSY", "Berlin " + round))
                    .requireStatus(201).id();
            List<Callable<Answer>> writes = new ArrayList<>();
            int n = 0;
            for (String[] event : new String[][] {
                    {"ESTABLISHED", "1950-01-01"}, {"ESTABLISHED", "1950-01-02"}, {"ESTABLISHED", "1950-01-01"},
                    {"SEVERED", "1960-01-01"}, {"SEVERED", "1960-01-02"}, {"SEVERED", "1970-01-01"},
                    {"RESTORED", "1965-01-01"}, {"RESTORED", "1965-01-01"}, {"RESTORED", "1975-01-01"},
                    {"CONSULAR_SEVERED", "1962-01-01"}, {"CONSULAR_ESTABLISHED", "1940-01-01"}}) {
                Api api = api(n);
                // either order of the pair, alpha-2 or alpha-3, on either instance: one resource
                String path = switch (n++ % 3) {
                    case 0 -> "/api/relations/FR/DE/events";
                    case 1 -> "/api/relations/de/fr/events";
                    default -> "/api/relations/FRA/DEU/events";
                };
                String body = "{\"type\": \"" + event[0] + "\", \"date\": \"" + event[1] + "\"}";
                writes.add(() -> api.post(path, body));
            }
            Api opener = api(round);
            writes.add(() -> opener.post("/api/missions/" + embassy + "/open", "{\"date\": \"1966-06-01\"}"));

            List<Answer> answers = Race.run(writes);

            assertNoServerError(answers);
            assertThat(answers).as("round %s", round).allSatisfy(a -> {
                if (!a.successful()) {
                    assertThat(a.status()).as(a.toString()).isEqualTo(409);
                    assertThat(a.code()).as(a.toString()).isIn("RELATION_TRANSITION_INVALID",
                            "CONFLICTS_WITH_RECORDED_FACTS", "RELATION_NOT_ESTABLISHED");
                }
            });
            Set<Long> recorded = answers.subList(0, answers.size() - 1).stream().filter(Answer::successful)
                    .map(Answer::id).collect(Collectors.toSet());
            for (Api api : both) {
                List<Event> events = RecordedFacts.checkPair(api, "FR", "DE");
                assertThat(events).extracting(Event::id).as("events on %s, round %s", api.name(), round)
                        .containsExactlyInAnyOrderElementsOf(recorded);
                RecordedFacts.checkOneOpenEmbassyPerDirection(api);
            }
            Mission embassyNow = RecordedFacts.missionsBetween(first.api(), "FR", "DE").stream()
                    .filter(m -> m.id() == embassy).findFirst().orElseThrow();
            if (answers.get(answers.size() - 1).successful()) {
                assertThat(embassyNow.openedOn()).as("the embassy of round %s", round).isEqualTo("1966-06-01");
            } else {
                assertThat(embassyNow.status()).as("the embassy of round %s", round).isEqualTo("PLANNED");
            }
            new DatabaseCleaner(first.dataSource()).clean();
        }
    }

    @Test
    @DisplayName("If-Match: of parallel PUTs of one diplomat with the same If-Match on two instances, one is accepted")
    void acceptsExactlyOneOfParallelPutsWithTheSameIfMatch() throws Exception {
        long id = first.api().post("/api/diplomats", diplomat("Chung Byung-won", "Vice Minister"))
                .requireStatus(201).id();
        Answer read = second.api().get("/api/diplomats/" + id).requireStatus(200);
        List<Callable<Answer>> puts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Api api = api(i);
            String body = diplomat("Chung Byung-won", "Title " + i);
            puts.add(() -> api.put("/api/diplomats/" + id, body, read.etag()));
        }

        List<Answer> answers = Race.run(puts);

        assertNoServerError(answers);
        assertThat(answers).filteredOn(a -> a.status() == 200).as("accepted PUTs").hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() != 200).as("refused PUTs").allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isEqualTo(412);
            assertThat(a.code()).as(a.toString()).isEqualTo("VERSION_MISMATCH");
        });
        Answer accepted = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
        for (Api api : both) {
            Answer now = api.get("/api/diplomats/" + id).requireStatus(200);
            assertThat(now.json().get("title").asString()).isEqualTo(accepted.json().get("title").asString());
            assertThat(now.json().get("version").asLong()).isEqualTo(read.json().get("version").asLong() + 1);
            assertThat(now.etag()).isEqualTo(accepted.etag());
        }
    }

    @Test
    @DisplayName("First writes to pairs without a row yet, piled up on a full connection pool, are all served")
    void servesFirstWritesToNewPairsPiledUpOnAFullPool() throws Exception {
        int pool = ((HikariDataSource) first.dataSource()).getMaximumPoolSize();
        List<String> codes = first.api().all("/api/countries").stream().map(c -> c.get("code").asString())
                .filter(code -> !code.equals("CU")).limit(3L * pool).toList();
        List<Callable<Answer>> writes = new ArrayList<>();
        for (String code : codes) {
            String path = "/api/relations/" + code + "/CU/events";
            writes.add(() -> first.api().post(path, "{\"type\": \"ESTABLISHED\", \"date\": \"1990-01-01\"}"));
        }
        CompletableFuture<List<Answer>> answered;
        try (Connection blocker = PostgresTestDatabase.plainSession()) {
            // holds back every pair lock (SELECT ... FOR UPDATE) until the instance's whole pool waits for it
            blocker.setAutoCommit(false);
            try (Statement sql = blocker.createStatement()) {
                sql.execute("LOCK TABLE relation IN EXCLUSIVE MODE");
            }
            answered = Race.start(writes);
            awaitLockWaiters(blocker, pool);
            blocker.commit();
        }

        List<Answer> answers = answered.get(120, TimeUnit.SECONDS);

        assertNoServerError(answers);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
        for (Api api : both) {
            assertThat(api.all("/api/relations?status=ESTABLISHED")).hasSize(codes.size());
        }
    }

    private static void awaitLockWaiters(Connection connection, int waiters) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int waiting = 0;
        while (System.nanoTime() < deadline) {
            try (Statement sql = connection.createStatement(); ResultSet count = sql.executeQuery("""
                    SELECT count(*) FROM pg_locks l
                    WHERE l.relation = 'relation'::regclass AND NOT l.granted AND l.database =
                        (SELECT oid FROM pg_database WHERE datname = current_database())""")) {
                count.next();
                waiting = count.getInt(1);
            }
            if (waiting >= waiters) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Only " + waiting + " requests waited for the pair locks, not " + waiters);
    }

    private Api api(int i) {
        return both.get(i % 2);
    }

    private static void assertNoServerError(List<Answer> answers) {
        assertThat(answers).as("no 5xx").allSatisfy(a -> assertThat(a.status()).as(a.toString()).isLessThan(500));
    }

    private static String mission(String sending, String receiving, String type, String city) {
        return """
                {"sendingCountry": "%s", "receivingCountry": "%s", "type": "%s", "city": "%s"}"""
                .formatted(sending, receiving, type, city);
    }

    private static String diplomat(String name, String title) {
        return """
                {"name": "%s", "country": "KR", "title": "%s", "organization": "Ministry of Foreign Affairs"}"""
                .formatted(name, title);
    }
}
