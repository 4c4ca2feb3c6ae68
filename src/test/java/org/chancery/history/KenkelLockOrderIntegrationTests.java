package org.chancery.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.chancery.country.CountryCode;
import org.chancery.country.CountryExistence;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.ImportJobs;
import org.chancery.support.LockWaits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The first row of a U.S. interests section writes on two pairs, the U.S. pair and the protecting power's with the
 * receiving state (R9), and takes both pairs' locks before any country's, as every write takes a pair's and then its
 * countries': a request on the U.S. pair that holds it and then locks a country of the row waits for nothing in a
 * circle. (The row locked Switzerland–Cuba and its countries, then waited for Cuba–U.S.: on H2, one of the two was
 * refused as a deadlock.)
 */
class KenkelLockOrderIntegrationTests extends ApiIntegrationTest {

    private static final String FILE = "/history/mission_status_range_cow_v0.1.csv";

    @Autowired
    private RelationService relations;

    @Autowired
    private CountryExistence existence;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void anInterestsSectionsFirstRowTakesBothPairsBeforeTheirCountriesAsARequestOnOneOfThemDoes() throws Exception {
        List<String> lines = lines();
        List<String> cuba = lines.stream().filter(line -> line.startsWith("CUB,")).toList();
        assertThat(cuba.get(5)).endsWith(",1977-09-01,2015-07-19,Interests");
        // up to the severance of 1961: the pair Cuba–U.S. has its row
        JsonNode before = importRows(Stream.concat(Stream.of(lines.get(0)), cuba.stream().limit(5)).toList());
        assertThat(before.get("status").asString()).isEqualTo("SUCCEEDED");

        CountDownLatch pairHeld = new CountDownLatch(1);
        CountDownLatch rowWaiting = new CountDownLatch(1);
        // a request on Cuba–U.S., as a head's appointment takes its locks: the pair, then the countries
        CompletableFuture<Duration> request = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(transactions).execute(status -> {
                    relations.lockPairs(List.of(RelationPair.of(new CountryCode("CU"), new CountryCode("US"))));
                    pairHeld.countDown();
                    awaitSignal(rowWaiting);
                    long started = System.nanoTime();
                    existence.lock(new CountryCode("CU"), new CountryCode("US"));
                    return Duration.ofNanos(System.nanoTime() - started);
                }));
        assertThat(pairHeld.await(10, TimeUnit.SECONDS)).isTrue();
        long job = json(mvc.perform(post("/api/imports").param("format", "kenkel-us-missions").contentType("text/csv")
                .content(String.join("\n", Stream.concat(Stream.of(lines.get(0)), cuba.stream()).toList()) + "\n")
                .with(httpBasic("admin", "admin-secret"))).andExpect(status().isAccepted())).get("id").asLong();
        // the import's row waits behind the request's pair
        try {
            LockWaits.awaitAWaitForALock(jdbc);
        } finally {
            rowWaiting.countDown();
        }

        assertThat(request.get(30, TimeUnit.SECONDS)).as("the request's wait for the countries")
                .isLessThan(Duration.ofSeconds(5)); // a wait for the lock ends in 10 s
        JsonNode ended = ImportJobs.awaitEnd(mvc, job, Duration.ofMinutes(1));
        assertThat(ended.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode section = json(mvc.perform(get("/api/imports/" + job + "/rows?size=200")
                .with(httpBasic("editor", "editor-secret")))).get("content").get(5);
        assertThat(section.get("outcome").asString()).as(section.toString()).isEqualTo("IMPORTED");
    }

    private JsonNode importRows(List<String> rows) throws Exception {
        JsonNode started = json(mvc.perform(post("/api/imports").param("format", "kenkel-us-missions")
                .contentType("text/csv").content(String.join("\n", rows) + "\n")
                .with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isAccepted()));
        return ImportJobs.awaitEnd(mvc, started.get("id").asLong(), Duration.ofMinutes(1));
    }

    private static List<String> lines() throws Exception {
        try (InputStream in = KenkelLockOrderIntegrationTests.class.getResourceAsStream(FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /**
     * Waits for the test's signal inside the other writer's transaction; without it (30 s) that writer fails
     * instead of going on, since the lock order under test would not have been exercised.
     */
    private static void awaitSignal(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the request under test never reached its lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
