package org.chancery.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.chancery.country.CountryCode;
import org.chancery.milestone.MilestoneService;
import org.chancery.mission.MissionService;
import org.chancery.relation.EventType;
import org.chancery.relation.RecordedEvent;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.shared.DatabaseProduct;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.VersionPrecondition;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.ImportJobs;
import org.chancery.support.LockWaits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An import's row looks up the facts its line names before it takes its pair's lock, and a concurrent write may
 * commit while it waits for that lock: the row then decides on what that write committed, as a request does, and a
 * legal line is imported (it was refused as a "concurrent write held the facts too long", or its job failed on a
 * mission read as planned that had opened, or it was refused under R20 where the write created the pair's row); a
 * line whose fact that write recorded is {@code ALREADY_PRESENT}, as when imported after it (it was refused by R1).
 */
class ImportRowRaceIntegrationTests extends ApiIntegrationTest {

    private static final RelationPair BJ_FJ = RelationPair.of(new CountryCode("BJ"), new CountryCode("FJ"));

    @Autowired
    private RelationService relations;

    @Autowired
    private MissionService missions;

    @Autowired
    private MilestoneService milestones;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aRowWhosePairAConcurrentWriteChangedWhileItWaitedIsImportedOnWhatThatWriteCommitted() throws Exception {
        recordEvent("BJ", "FJ", "ESTABLISHED", "2000-01-01");

        JsonNode row = importWhileHeld(severing("2005-01-01"), """
                {"kind": "event", "countries": ["BJ", "FJ"], "type": "CONSULAR_SEVERED", "date": "2006-01-01"}
                """);

        assertThat(row.get("outcome").asString()).as(row.toString()).isEqualTo("IMPORTED");
        JsonNode events = json(getJson("/api/relations/BJ/FJ")).get("events");
        assertThat(events.findValuesAsString("type")).containsExactly("ESTABLISHED", "SEVERED", "CONSULAR_SEVERED");
    }

    @Test
    void aRowReadsAMissionThatOpenedWhileItWaitedAsOpen() throws Exception {
        recordEvent("BJ", "FJ", "ESTABLISHED", "2000-01-01");
        long planned = planMission("BJ", "FJ", "EMBASSY", "Suva");

        JsonNode row = importWhileHeld(() -> missions.open(planned, day("2005-01-01"), null, VersionPrecondition.ANY),
                """
                {"kind": "mission", "sendingCountry": "BJ", "receivingCountry": "FJ", "type": "EMBASSY", \
                "city": "Lautoka", "openedOn": "2001-01-01", "closedOn": "2003-01-01", "closingReason": "moved"}
                """);

        assertThat(row.get("outcome").asString()).as(row.toString()).isEqualTo("IMPORTED");
        assertThat(json(getJson("/api/missions/" + planned)).get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void aRowWhosePairsRowAConcurrentWriteCreatedWhileItWaitedIsImportedOnThatRow() throws Exception {
        JsonNode row = importWhileHeld(() -> relations.underPairLock(BJ_FJ, relation -> relation.id()), """
                {"kind": "event", "countries": ["BJ", "FJ"], "type": "ESTABLISHED", "date": "2000-01-01"}
                """);

        assertThat(row.get("outcome").asString()).as(row.toString()).isEqualTo("IMPORTED");
        assertThat(json(getJson("/api/relations/BJ/FJ")).get("status").asString()).isEqualTo("ESTABLISHED");
    }

    @Test
    void aLineWhoseFactAConcurrentWriteRecordedWhileTheRowWaitedIsAlreadyPresent() throws Exception {
        recordEvent("BJ", "FJ", "ESTABLISHED", "1990-01-01");

        JsonNode row = importWhileHeld(severing("2000-01-01"), """
                {"kind": "event", "countries": ["BJ", "FJ"], "type": "SEVERED", "date": "2000-01-01"}
                """);

        assertThat(row.get("outcome").asString()).as(row.toString()).isEqualTo("ALREADY_PRESENT");
        assertThat(json(getJson("/api/relations/BJ/FJ")).get("events")).hasSize(2);
    }

    @Test
    void aLineAchievingAMilestoneThatAConcurrentWriteAchievedWhileTheRowWaitedIsAlreadyPresent() throws Exception {
        recordEvent("BJ", "FJ", "ESTABLISHED", "2000-01-01");
        long treaty = create("/api/relations/BJ/FJ/milestones", "{\"title\": \"Treaty\", \"target\": \"2011\"}")
                .get("id").asLong();

        JsonNode row = importWhileHeld(() -> milestones.achieve(treaty, LocalDate.parse("2010-01-01")), """
                {"kind": "milestone", "countries": ["BJ", "FJ"], "title": "Treaty", "target": "2011", \
                "achievedOn": "2010-01-01"}
                """);

        assertThat(row.get("outcome").asString()).as(row.toString()).isEqualTo("ALREADY_PRESENT");
        assertThat(json(getJson("/api/milestones/" + treaty)).get("achievedOn").asString()).isEqualTo("2010-01-01");
    }

    /**
     * Runs {@code write} in a transaction of the test's own (as an import's row does: the pair's row created, if
     * needed, and locked in it), imports {@code line} while that transaction holds the lock, commits once the row
     * waits for it and answers the row's report.
     */
    private JsonNode importWhileHeld(Supplier<?> write, String line) throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Object> concurrent = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(transactions).execute(status -> {
                    Object done = write.get();
                    written.countDown();
                    try {
                        assertThat(commit.await(30, TimeUnit.SECONDS)).as("the import's row waits").isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return done;
                }));
        try {
            assertThat(written.await(20, TimeUnit.SECONDS)).as("the concurrent write made").isTrue();
            long job = json(mvc.perform(post("/api/imports").param("format", "chancery-ndjson")
                    .contentType("application/x-ndjson").content(line).with(httpBasic("admin", "admin-secret")))
                    .andExpect(status().isAccepted())).get("id").asLong();
            awaitTheRowsWait(job);
            commit.countDown();
            concurrent.get(30, TimeUnit.SECONDS);
            JsonNode ended = ImportJobs.awaitEnd(mvc, job, Duration.ofMinutes(1));
            assertThat(ended.get("status").asString()).as(ended.toString()).isEqualTo("SUCCEEDED");
            return json(mvc.perform(get("/api/imports/" + job + "/rows").with(httpBasic("editor", "editor-secret"))))
                    .get("content").get(0);
        } finally {
            commit.countDown();
        }
    }

    /**
     * Waits until the job's row waits for the test's transaction: for its lock, or (H2, which does not name the
     * blocker of an insert whose key an uncommitted row holds) in the insert of the pair's row.
     */
    private void awaitTheRowsWait(long job) throws InterruptedException {
        BooleanSupplier ended = () -> !"RUNNING".equals(
                jdbc.queryForObject("select status from import_job where id = ?", String.class, job));
        if (Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgres))) {
            LockWaits.awaitAWaitForALock(jdbc, ended);
            return;
        }
        String inserting = "select count(*) from information_schema.sessions"
                + " where blocker_id is not null or lower(executing_statement) like 'insert into relation %'";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!ended.getAsBoolean() && LockWaits.readingSessions(() -> jdbc.queryForObject(inserting, Long.class)) == 0) {
            assertThat(System.nanoTime()).as("the row waiting within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A severance of BJ–FJ on {@code date}, as a request records it. */
    private Supplier<RecordedEvent> severing(String date) {
        return () -> relations.record(BJ_FJ, EventType.SEVERED, day(date), null, List.of());
    }

    private static FuzzyDate day(String date) {
        return FuzzyDate.of(LocalDate.parse(date), DatePrecision.DAY);
    }
}
