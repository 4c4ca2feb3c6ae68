package org.chancery.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chancery.shared.FactChanged;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.HeldRowLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The change feed (API.md 1.1): every successful write once, in order; refused writes never. */
class ChangeFeedIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private ApplicationEventPublisher events;

    @Autowired
    private ChangeFeed feed;

    @Autowired
    private PlatformTransactionManager transactionManager;

    private JsonNode changes(String query) throws Exception {
        return json(mvc.perform(get("/api/changes" + query).with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isOk())).get("content");
    }

    private static List<String> describe(JsonNode changes) {
        List<String> described = new ArrayList<>();
        changes.forEach(change -> described.add(change.get("action").asString() + " " + change.get("kind").asString()
                + " " + change.get("id").asString() + " " + change.get("countries").toString() + " by "
                + change.get("user").asString()));
        return described;
    }

    @Test
    void recordsEverySuccessfulWriteOnceWithWhoMadeItAndNeverARefusedOne() throws Exception {
        long event = recordEvent("CU", "KR", "ESTABLISHED", "2024-02-14").get("id").asLong();
        postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2024-03-01\"}")
                .andExpect(status().isConflict());
        long embassy = planMission("KR", "CU", "EMBASSY", "Havana");
        openMission(embassy, "2025-01-17").andExpect(status().isOk());
        long diplomat = newDiplomat("Chung Byung-won", "KR");
        postAsAdmin("/api/countries", "{\"code\":\"XK\",\"alpha3\":\"XKX\",\"name\":\"Kosovo\"}")
                .andExpect(status().isCreated());
        JsonNode severance = recordEvent("CU", "KR", "SEVERED", "2025-06-01");

        JsonNode feed = changes("");
        assertThat(describe(feed)).containsExactly(
                "CREATED event " + event + " [\"CU\",\"KR\"] by editor",
                "CREATED mission " + embassy + " [\"CU\",\"KR\"] by editor",
                "UPDATED mission " + embassy + " [\"CU\",\"KR\"] by editor",
                "CREATED diplomat " + diplomat + " [\"KR\"] by editor",
                "CREATED country XK [\"XK\"] by admin",
                "UPDATED mission " + embassy + " [\"CU\",\"KR\"] by editor",
                "CREATED event " + severance.get("id").asLong() + " [\"CU\",\"KR\"] by editor");
        List<Long> seqs = feed.valueStream().map(change -> change.get("seq").asLong()).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(feed.get(0).get("at").asString()).endsWith("Z");

        assertThat(describe(changes("?after=" + seqs.get(4)))).hasSize(2);
        assertThat(describe(changes("?kind=mission"))).hasSize(3);
        assertThat(changes("?after=" + seqs.get(6))).isEmpty();
        deleteAsEditor("/api/relations/CU/KR/events/" + event).andExpect(status().isConflict());
        assertThat(changes("?after=" + seqs.get(6))).as("a refused deletion").isEmpty();
    }

    @Test
    void listsTheChangesOfOneCountrysFactsWithTheOtherFiltersAndAsCsv() throws Exception {
        long cuKr = recordEvent("CU", "KR", "ESTABLISHED", "2024-02-14").get("id").asLong();
        recordEvent("FR", "DE", "ESTABLISHED", "1950-01-01");
        long embassy = planMission("KR", "CU", "EMBASSY", "Havana");
        long korean = newDiplomat("Chung Byung-won", "KR");
        newDiplomat("Jean Dupont", "FR");
        postAsAdmin("/api/countries", "{\"code\":\"XK\",\"alpha3\":\"XKX\",\"name\":\"Kosovo\"}")
                .andExpect(status().isCreated());

        assertThat(describe(changes("?country=KR"))).containsExactly(
                "CREATED event " + cuKr + " [\"CU\",\"KR\"] by editor",
                "CREATED mission " + embassy + " [\"CU\",\"KR\"] by editor",
                "CREATED diplomat " + korean + " [\"KR\"] by editor");
        assertThat(describe(changes("?country=kor&kind=diplomat"))).containsExactly(
                "CREATED diplomat " + korean + " [\"KR\"] by editor");
        assertThat(describe(changes("?country=XKX"))).containsExactly("CREATED country XK [\"XK\"] by admin");
        long first = changes("?country=KR").get(0).get("seq").asLong();
        assertThat(changes("?country=KR&after=" + first)).hasSize(2);
        assertThat(changes("?country=KP")).isEmpty();
        // counted along the country's own rows, with a kind too, a page at a time
        mvc.perform(get("/api/changes?country=KR&size=1&page=1").with(httpBasic("editor", "editor-secret")))
                .andExpect(jsonPath("$.content[0].kind").value("mission"))
                .andExpect(jsonPath("$.page.totalElements").value(3));
        mvc.perform(get("/api/changes?country=KR&kind=event&size=1&after=0").with(httpBasic("editor", "editor-secret")))
                .andExpect(jsonPath("$.page.totalElements").value(1));
        assertThat(jdbc.queryForList("select country || ' ' || kind from change_log_country "
                + "where seq = ? order by country", String.class, first)).containsExactly("CU event", "KR event");
        String csv = mvc.perform(get("/api/changes?country=CU&format=csv").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines()).hasSize(3).noneMatch(line -> line.contains("diplomat"));
        mvc.perform(get("/api/changes?country=ZZ").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("country"));
    }

    /** API.md: every successful write appears exactly once; a PUT of the values there already are is one. */
    @Test
    void aReplacementByTheSameValuesIsAWriteTheFeedRecordsThoughItsVersionStays() throws Exception {
        long diplomat = newDiplomat("Chung Byung-won", "KR");
        String chung = "{\"name\":\"Chung Byung-won\",\"country\":\"KR\",\"title\":\"Ambassador\"}";
        for (int time = 1; time <= 2; time++) {
            putAsEditor("/api/diplomats/" + diplomat, chung).andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"1\""));
        }
        postAsAdmin("/api/countries", "{\"code\":\"XK\",\"alpha3\":\"XKX\",\"name\":\"Kosovo\"}")
                .andExpect(status().isCreated());
        String kosovo = "{\"name\":\"Kosovo\",\"startedOn\":\"2008-02-17\",\"endedOn\":null}";
        for (int time = 1; time <= 2; time++) {
            mvc.perform(withBody(put("/api/countries/XK"), kosovo).with(httpBasic("admin", "admin-secret")))
                    .andExpect(status().isOk()).andExpect(header().string("ETag", "\"1\""));
        }

        assertThat(describe(changes(""))).containsExactly(
                "CREATED diplomat " + diplomat + " [\"KR\"] by editor",
                "UPDATED diplomat " + diplomat + " [\"KR\"] by editor",
                "UPDATED diplomat " + diplomat + " [\"KR\"] by editor",
                "CREATED country XK [\"XK\"] by admin",
                "UPDATED country XK [\"XK\"] by admin",
                "UPDATED country XK [\"XK\"] by admin");
    }

    /** A read conflicts with nothing: held up by writers for too long, the database was busy (README). */
    @Test
    void aReadHeldUpByAConcurrentWriterIsAskedToRetryNotToldOfAConflict() throws Exception {
        long diplomat = newDiplomat("Chung Byung-won", "KR");

        try (HeldRowLock held = HeldRowLock.on(dataSource, "change_sequencer", "id = ?", 1)) {
            mvc.perform(get("/api/changes").with(httpBasic("editor", "editor-secret")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"))
                    .andExpect(jsonPath("$.detail").value(containsString("held by concurrent writes")));
        }

        assertThat(describe(changes(""))).containsExactly("CREATED diplomat " + diplomat + " [\"KR\"] by editor");
    }

    /** With no change waiting for its seq, a read neither waits for the sequencer's lock nor writes. */
    @Test
    void aReadWithNothingToNumberAnswersWhileAnotherInstanceNumbers() throws Exception {
        long diplomat = newDiplomat("Chung Byung-won", "KR");
        changes(""); // numbered

        try (HeldRowLock held = HeldRowLock.on(dataSource, "change_sequencer", "id = ?", 1)) {
            assertThat(describe(changes(""))).containsExactly("CREATED diplomat " + diplomat + " [\"KR\"] by editor");
        }
    }

    @Test
    void recordsTheHeadsThatAClosingOrASeveranceEndsBesideTheirMission() throws Exception {
        recordEvent("KI", "TV", "ESTABLISHED", "2000-01-01");
        long embassy = planMission("KI", "TV", "EMBASSY", "Funafuti");
        openMission(embassy, "2001-01-01").andExpect(status().isOk());
        long first = create("/api/missions/" + embassy + "/heads", "{\"diplomatId\":" + newDiplomat("Kiribati One", "KI")
                + ",\"rank\":\"CHARGE_D_AFFAIRES\",\"startedOn\":\"2001-01-01\"}").get("id").asLong();
        closeMission(embassy, "2005-01-01").andExpect(status().isOk());
        long office = planMission("KI", "TV", "PROVISIONAL_OFFICE", "Funafuti");
        openMission(office, "2006-01-01").andExpect(status().isOk());
        long second = create("/api/missions/" + office + "/heads", "{\"diplomatId\":" + newDiplomat("Kiribati Two", "KI")
                + ",\"rank\":\"CHARGE_D_AFFAIRES\",\"startedOn\":\"2006-01-01\"}").get("id").asLong();
        long seq = changes("").valueStream().mapToLong(change -> change.get("seq").asLong()).max().orElseThrow();

        recordEvent("KI", "TV", "SEVERED", "2010-01-01");

        assertThat(describe(changes("?kind=head"))).containsExactly(
                "CREATED head " + first + " [\"KI\",\"TV\"] by editor",
                "UPDATED head " + first + " [\"KI\",\"TV\"] by editor",
                "CREATED head " + second + " [\"KI\",\"TV\"] by editor",
                "UPDATED head " + second + " [\"KI\",\"TV\"] by editor");
        assertThat(describe(changes("?after=" + seq))).containsExactlyInAnyOrder(
                "UPDATED mission " + office + " [\"KI\",\"TV\"] by editor",
                "UPDATED head " + second + " [\"KI\",\"TV\"] by editor",
                "CREATED event " + json(getJson("/api/relations/KI/TV")).get("events").get(1).get("id").asLong()
                        + " [\"KI\",\"TV\"] by editor");
    }

    /**
     * A client keeping a copy reads again what the feed names: a head's change is one of its mission (heads, current
     * head, version), and a renaming one of every meeting that shows the diplomat's name.
     */
    @Test
    void recordsAHeadsChangeAsOneOfItsMissionTooAndARenamingAsOneOfTheMeetingsShowingTheName() throws Exception {
        recordEvent("KI", "TV", "ESTABLISHED", "2000-01-01");
        long embassy = planMission("KI", "TV", "EMBASSY", "Funafuti");
        openMission(embassy, "2001-01-01").andExpect(status().isOk());
        long office = planMission("KI", "TV", "PROVISIONAL_OFFICE", "Funafuti");
        long kiribati = newDiplomat("Kiribati One", "KI");
        long tuvalu = newDiplomat("Tuvalu One", "TV");
        long talks = create("/api/meetings", "{\"date\": \"2002-01-01\", \"country\": \"TV\", \"participants\": "
                + "[{\"diplomatId\": " + kiribati + "}, {\"diplomatId\": " + tuvalu + "}]}").get("id").asLong();
        long withNauru = create("/api/meetings", "{\"date\": \"2003-01-01\", \"country\": \"KI\", \"participants\": "
                + "[{\"diplomatId\": " + kiribati + "}, {\"diplomatId\": " + newDiplomat("Nauru One", "NR") + "}]}")
                .get("id").asLong();
        long seq = changes("?size=200").valueStream().mapToLong(change -> change.get("seq").asLong()).max()
                .orElseThrow();

        long head = create("/api/missions/" + embassy + "/heads", "{\"diplomatId\":" + kiribati
                + ",\"rank\":\"CHARGE_D_AFFAIRES\",\"startedOn\":\"2001-01-01\"}").get("id").asLong();
        postAsEditor("/api/missions/" + embassy + "/heads/" + head + "/end", "{\"date\": \"2004-01-01\"}")
                .andExpect(status().isOk());
        // a head serving a mission not yet open, ended by a severance (R11)
        long waiting = create("/api/missions/" + office + "/heads", "{\"diplomatId\":" + kiribati
                + ",\"rank\":\"CHARGE_D_AFFAIRES\",\"startedOn\":\"2005-01-01\"}").get("id").asLong();
        long severance = recordEvent("KI", "TV", "SEVERED", "2006-01-01").get("id").asLong();
        putAsEditor("/api/diplomats/" + kiribati, "{\"name\": \"Kiribati Renamed\", \"country\": \"KI\"}")
                .andExpect(status().isOk());

        assertThat(describe(changes("?after=" + seq + "&size=200"))).containsExactly(
                "CREATED head " + head + " [\"KI\",\"TV\"] by editor",
                "UPDATED mission " + embassy + " [\"KI\",\"TV\"] by editor",
                "UPDATED head " + head + " [\"KI\",\"TV\"] by editor",
                "UPDATED mission " + embassy + " [\"KI\",\"TV\"] by editor",
                "CREATED head " + waiting + " [\"KI\",\"TV\"] by editor",
                "UPDATED mission " + office + " [\"KI\",\"TV\"] by editor",
                // the severance closes the embassy (its head ended before) and ends the head of the office not open
                "UPDATED mission " + embassy + " [\"KI\",\"TV\"] by editor",
                "UPDATED head " + waiting + " [\"KI\",\"TV\"] by editor",
                "UPDATED mission " + office + " [\"KI\",\"TV\"] by editor",
                "CREATED event " + severance + " [\"KI\",\"TV\"] by editor",
                // the renaming
                "UPDATED meeting " + talks + " [\"KI\",\"TV\"] by editor",
                "UPDATED meeting " + withNauru + " [\"KI\",\"NR\"] by editor",
                "UPDATED head " + head + " [\"KI\",\"TV\"] by editor",
                "UPDATED mission " + embassy + " [\"KI\",\"TV\"] by editor",
                "UPDATED head " + waiting + " [\"KI\",\"TV\"] by editor",
                "UPDATED mission " + office + " [\"KI\",\"TV\"] by editor",
                "UPDATED diplomat " + kiribati + " [\"KI\"] by editor");
    }

    @Test
    void recordsOneChangePerFactOfAnImportAndTheJobItself() throws Exception {
        mvc.perform(post("/api/imports").param("format", "chancery-ndjson").contentType("application/x-ndjson")
                .content("""
                        {"kind": "event", "countries": ["CU", "KR"], "type": "ESTABLISHED", "date": "1949-01-01"}
                        {"kind": "diplomat", "name": "Kim", "country": "KP"}
                        {"kind": "event", "countries": ["CU", "KR"], "type": "ESTABLISHED", "date": "1950-01-01"}
                        """.getBytes(StandardCharsets.UTF_8)).with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isAccepted());
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> feed;
        do {
            Thread.sleep(50);
            feed = describe(changes(""));
        } while (feed.stream().noneMatch(change -> change.startsWith("UPDATED import")) && System.nanoTime() < deadline);

        assertThat(feed).hasSize(4);
        assertThat(feed.get(0)).startsWith("CREATED import ").endsWith("[] by admin");
        assertThat(feed.get(1)).startsWith("CREATED event ").endsWith("[\"CU\",\"KR\"] by admin");
        assertThat(feed.get(2)).startsWith("CREATED diplomat ").endsWith("[\"KP\"] by admin");
        assertThat(feed.get(3)).startsWith("UPDATED import ");
    }

    @Test
    void isForEditorsAndRefusesABadQuery() throws Exception {
        mvc.perform(get("/api/changes")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/changes").with(httpBasic("reader", "reader-secret"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/changes?after=-1").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("after"));
        mvc.perform(get("/api/changes?kind=observation").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(get("/api/changes?after=x").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        newDiplomat("Someone", "KR");
        getJson("/api/diplomats").andExpect(jsonPath("$.content[0].user").doesNotExist());
    }

    @Test
    void numbersTheChangesCommittedSinceTheLastReadBeforeListingThemAsCsv() throws Exception {
        long first = newDiplomat("Ana Ruiz", "CU");
        long second = newDiplomat("Kim Min-jun", "KR");

        // no JSON read numbered them: the CSV download does, before its read-only pages
        String csv = mvc.perform(get("/api/changes?format=csv").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        List<String> rows = csv.lines().skip(1).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains("CREATED", "diplomat", String.valueOf(first), "editor");
        assertThat(rows.get(1)).contains("CREATED", "diplomat", String.valueOf(second));
        assertThat(describe(changes(""))).hasSize(2);
    }

    /** Changes waiting to be numbered, written {@code each} by {@code each} (a transaction's), their fact ids 0, 1… */
    private void waiting(int changes, int each) {
        jdbc.batchUpdate("insert into change_log (id, tx, recorded_at, user_name, action, kind, fact_id, countries) "
                        + "values (?, ?, current_timestamp, 'admin', 'CREATED', 'diplomat', ?, 'KR')",
                java.util.stream.IntStream.range(0, changes).mapToObj(i -> new Object[] {1_000_000L + i,
                        1_000_000L + i - i % each, String.valueOf(i)}).toList());
    }

    @Test
    void listsAsCsvEveryChangeWaitingToBeNumberedHoweverMany() throws Exception {
        // more than one numbering's batch (20,000), as a large import leaves them
        waiting(20_005, 3);

        String csv = mvc.perform(get("/api/changes?format=csv").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        List<String> rows = csv.lines().skip(1).toList();
        assertThat(rows).hasSize(20_005);
        assertThat(rows.stream().map(row -> Integer.parseInt(row.split(",")[5]))).isSorted();
    }

    @Test
    void aBatchOfNumberingLeavesATransactionItWouldCutToTheNextWhole() {
        // written three by three: the transaction of changes 19,998 to 20,000 waits for the second batch
        waiting(20_005, 3);

        feed.number();

        assertThat(jdbc.queryForObject("select count(*) from change_log where seq is not null", Long.class))
                .isEqualTo(19_998);
        feed.numberAll();
        List<Long> cut = jdbc.queryForList("select seq from change_log where id between ? and ? order by id",
                Long.class, 1_019_998L, 1_020_000L);
        assertThat(cut).containsExactly(cut.get(0), cut.get(0) + 1, cut.get(0) + 2);
        assertThat(jdbc.queryForObject("select count(*) from change_log where seq is null", Long.class)).isZero();
    }

    @Test
    void aTransactionOfMoreChangesThanABatchIsNumberedOverSeveral() {
        waiting(20_005, 20_005);

        feed.number();

        assertThat(jdbc.queryForObject("select count(*) from change_log where seq is not null", Long.class))
                .isEqualTo(20_000);
        feed.numberAll();
        assertThat(jdbc.queryForList("select seq from change_log order by id", Long.class)).hasSize(20_005)
                .isSorted().doesNotContainNull();
    }

    @Test
    void numbersTheChangesOfOneWriteTogetherThoughAnotherCommittedWhileItWasUnderWay() throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CountDownLatch firstRecorded = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // a severance: its event, then the accreditation it ends
            Future<?> severance = thread.submit(() -> transaction.executeWithoutResult(status -> {
                events.publishEvent(FactChanged.created("event", 1, "BV", "BY"));
                firstRecorded.countDown();
                try {
                    assertThat(otherCommitted.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                events.publishEvent(FactChanged.updated("accreditation", 2, "BV", "BY"));
            }));
            assertThat(firstRecorded.await(30, TimeUnit.SECONDS)).isTrue();
            transaction.executeWithoutResult(status -> events.publishEvent(FactChanged.created("diplomat", 3, "KR")));
            otherCommitted.countDown();
            severance.get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }

        assertThat(changes("")).extracting(change -> change.get("kind").asString() + " " + change.get("id").asString())
                .containsExactly("diplomat 3", "event 1", "accreditation 2");
    }

    @Test
    void readsTheCsvPagesAfterTheLastSeqOfEachWithoutCountingThem() throws Exception {
        jdbc.batchUpdate("insert into change_log (id, recorded_at, user_name, action, kind, fact_id, countries) "
                        + "values (nextval('change_log_seq'), current_timestamp, 'admin', 'CREATED', ?, ?, 'KR')",
                java.util.stream.IntStream.range(0, 3_005).mapToObj(i -> new Object[] {
                        i % 5 == 0 ? "meeting" : "diplomat", String.valueOf(i)}).toList());
        changes("");

        String[] csv = new String[1];
        long statements = this.statements.count(() -> csv[0] = mvc.perform(get("/api/changes?format=csv")
                .with(httpBasic("editor", "editor-secret"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());

        List<String> rows = csv[0].lines().skip(1).toList();
        assertThat(rows).hasSize(3_005);
        assertThat(rows.stream().map(row -> Long.parseLong(row.substring(0, row.indexOf(','))))).isSorted()
                .doesNotHaveDuplicates();
        // four pages of at most a thousand, and the numbering's check (nothing waiting: no lock taken)
        assertThat(statements).isEqualTo(4 + 1);
        long first = Long.parseLong(rows.get(0).substring(0, rows.get(0).indexOf(',')));
        // of one kind, after the first thousand: the meetings among them, every fifth change
        String meetings = mvc.perform(get("/api/changes?format=csv&kind=meeting&after=" + (first - 1 + 1000))
                .with(httpBasic("editor", "editor-secret"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(meetings.lines().skip(1)).hasSize(401).allSatisfy(row -> assertThat(row).contains(",meeting,"));
    }

    @Test
    void pagesTwentyChangesByDefaultAsEveryListDoes() throws Exception {
        for (int i = 0; i < 21; i++) {
            newDiplomat("Diplomat " + i, "KR");
        }
        mvc.perform(get("/api/changes").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(20))
                .andExpect(jsonPath("$.page.size").value(20))
                .andExpect(jsonPath("$.page.totalElements").value(21));
        mvc.perform(get("/api/changes?size=500").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(21))
                .andExpect(jsonPath("$.page.size").value(200));
    }

    @Test
    void aClientPollingWithTheLastSeqItSawMissesNothingWhileWritersCommitInParallel() throws Exception {
        int writers = 4;
        int each = 25;
        Set<String> written = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            work.add(threads.submit(() -> {
                for (int i = 0; i < each; i++) {
                    String body = "{\"name\":\"Writer " + writer + " diplomat " + i + "\",\"country\":\""
                            + (writer % 2 == 0 ? "KR" : "CU") + "\"}";
                    written.add(json(postAsEditor("/api/diplomats", body).andExpect(status().isCreated()))
                            .get("id").asString());
                }
                return null;
            }));
        }
        List<Long> seen = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        long last = 0;
        int quietPolls = 0;
        while (quietPolls < 2) {
            boolean stillWriting = work.stream().anyMatch(future -> !future.isDone());
            JsonNode page = changes("?after=" + last + "&size=7");
            for (JsonNode change : page) {
                long seq = change.get("seq").asLong();
                assertThat(seq).as("seq after %s", last).isGreaterThan(last);
                last = seq;
                seen.add(seq);
                assertThat(seenIds.add(change.get("id").asString())).as("seen once: %s", change).isTrue();
            }
            quietPolls = !stillWriting && page.isEmpty() ? quietPolls + 1 : 0;
        }
        for (Future<?> future : work) {
            future.get();
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seenIds).isEqualTo(written).hasSize(writers * each);
        assertThat(seen).isSorted().doesNotHaveDuplicates();
    }
}
