package org.chancery.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

import org.chancery.shared.ConflictException;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.ImportJobs;
import org.chancery.support.PostgresTestDatabase;
import org.chancery.support.QueryPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/** Import jobs (API.md 1.1, "Imports"), with the chancery-ndjson format. */
class ImportApiIntegrationTests extends ApiIntegrationTest {

    /** The README's worked example: a country, an event, a mission opened and closed, a head. */
    static final String WORKED_EXAMPLE = """
            {"kind": "country", "code": "XK", "alpha3": "XKX", "name": "Kosovo", "startedOn": "2008-02-17"}
            {"kind": "event", "countries": ["US", "XK"], "type": "ESTABLISHED", "date": "2008-02-18", "sources": [{"url": "https://history.state.gov/countries/kosovo"}]}
            {"kind": "diplomat", "ref": "d1", "name": "Tina Kaidanow", "country": "US", "title": "Ambassador"}
            {"kind": "mission", "ref": "m1", "sendingCountry": "US", "receivingCountry": "XK", "type": "LIAISON_OFFICE", "city": "Pristina", "openedOn": "2008-02-18", "closedOn": "2008-04-08"}
            {"kind": "mission", "ref": "m2", "sendingCountry": "US", "receivingCountry": "XK", "type": "EMBASSY", "city": "Pristina", "openedOn": "2008-04-08"}
            {"kind": "head", "missionRef": "m2", "diplomatRef": "d1", "rank": "AMBASSADOR", "agrementOn": "2008-07-01", "startedOn": "2008-07-11", "endedOn": "2009-12-01"}
            """;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Imports imports;

    @Autowired
    private ImportWorker worker;

    private ResultActions upload(String format, String contentType, byte[] body) throws Exception {
        return mvc.perform(post("/api/imports").param("format", format).contentType(contentType).content(body)
                .with(httpBasic("admin", "admin-secret")));
    }

    private ResultActions uploadNdjson(String body) throws Exception {
        return upload("chancery-ndjson", "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8));
    }

    private static final String KENKEL_HEADER = "country_abbrev_cow,country_code_cow,country_name_cow,"
            + "country_name_usdos,date_start,date_end,us_mission_status\r\n";

    /** Starts a job of a CSV format, expects 202, and waits for its end. */
    private JsonNode importedCsv(String format, String csv) throws Exception {
        JsonNode job = json(upload(format, "text/csv", csv.getBytes(StandardCharsets.UTF_8)).andExpect(status().isAccepted()));
        return awaitEnd(job.get("id").asLong());
    }

    /** Starts a job, expects 202, and waits for its end. */
    private JsonNode imported(String ndjson) throws Exception {
        JsonNode job = json(uploadNdjson(ndjson).andExpect(status().isAccepted()));
        return awaitEnd(job.get("id").asLong());
    }

    private JsonNode awaitEnd(long id) throws Exception {
        return ImportJobs.awaitEnd(mvc, id);
    }

    private JsonNode rows(long id, String query) throws Exception {
        return json(mvc.perform(get("/api/imports/" + id + "/rows" + query).with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isOk()));
    }

    @Test
    void importsTheWorkedExampleThroughTheRulesAndReportsEveryRow() throws Exception {
        clock.setToday(java.time.LocalDate.of(2026, 6, 1));
        JsonNode started = json(uploadNdjson(WORKED_EXAMPLE)
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("/api/imports/\\d+")))
                .andExpect(jsonPath("$.format").value("chancery-ndjson"))
                .andExpect(jsonPath("$.createdBy").value("admin"))
                .andExpect(jsonPath("$.rowsTotal").value(6)));
        JsonNode job = awaitEnd(started.get("id").asLong());

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("rowsDone").asInt()).isEqualTo(6);
        assertThat(job.get("outcomes").get("IMPORTED").asInt()).as("%s", rows(job.get("id").asLong(), ""))
                .isEqualTo(6);
        assertThat(job.get("finishedAt").isNull()).isFalse();
        assertThat(job.get("cancelledBy").isNull()).isTrue();
        JsonNode report = rows(job.get("id").asLong(), "");
        assertThat(report.get("content")).extracting(row -> row.get("line").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(report.get("content").get(3).get("facts").get(0).get("kind").asString()).isEqualTo("mission");
        long embassy = report.get("content").get(4).get("facts").get(0).get("id").asLong();

        getJson("/api/relations/US/XK").andExpect(jsonPath("$.status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.since").value("2008-02-18"))
                .andExpect(jsonPath("$.events[0].sources[0].url").value("https://history.state.gov/countries/kosovo"))
                .andExpect(jsonPath("$.events[0].sources[1].title").value(containsString("line 2")));
        getJson("/api/missions/" + embassy).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.heads[0].name").value("Tina Kaidanow"))
                .andExpect(jsonPath("$.heads[0].endedOn").value("2009-12-01"));
        getJson("/api/missions?sending=US&type=LIAISON_OFFICE").andExpect(jsonPath("$.content[0].closedOn")
                .value("2008-04-08"));
        getJson("/api/countries/XK").andExpect(jsonPath("$.startedOn").value("2008-02-17"));
    }

    @Test
    void importingTheSameFileAgainCreatesNothingAndAnswersAlreadyPresent() throws Exception {
        imported(WORKED_EXAMPLE);
        long missions = json(getJson("/api/missions")).get("page").get("totalElements").asLong();

        JsonNode again = imported(WORKED_EXAMPLE);

        assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.get("outcomes").get("ALREADY_PRESENT").asInt()).isEqualTo(6);
        assertThat(again.get("outcomes").get("IMPORTED").asInt()).isZero();
        assertThat(json(getJson("/api/missions")).get("page").get("totalElements").asLong()).isEqualTo(missions);
        assertThat(json(getJson("/api/diplomats")).get("page").get("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void aLineWithATextLongerThanItsFieldTakesIsRejectedSayingInWhichUnitItIsCounted() throws Exception {
        JsonNode job = imported("{\"kind\": \"diplomat\", \"name\": \"" + "\uD83D\uDE00".repeat(151)
                + "\", \"country\": \"CN\"}\n");

        JsonNode row = rows(job.get("id").asLong(), "").get("content").get(0);
        assertThat(row.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(row.get("detail").asString()).contains("name", "must be at most 300 characters long (an emoji",
                "this is 302");
    }

    @Test
    void aLineWithANameOfWhichNothingIsSeenIsRejected() throws Exception {
        JsonNode job = imported("{\"kind\": \"diplomat\", \"name\": \"\\u00a0\\u200f\", \"country\": \"CN\"}\n");

        JsonNode row = rows(job.get("id").asLong(), "").get("content").get(0);
        assertThat(row.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(row.get("detail").asString()).contains("name", "must not be blank");
    }

    @Test
    void aDiplomatLineFindsTheDiplomatRecordedWithTheSameLettersInTheOtherUnicodeForm() throws Exception {
        String composed = "B\u00f9i Thanh S\u01a1n";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        long recorded = create("/api/diplomats", "{\"name\": \"" + decomposed + "\", \"country\": \"VN\"}")
                .get("id").asLong();

        JsonNode job = imported("{\"kind\": \"diplomat\", \"name\": \"" + composed + "\", \"country\": \"VN\"}\n");

        JsonNode row = rows(job.get("id").asLong(), "").get("content").get(0);
        assertThat(row.get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
        assertThat(row.get("facts").get(0).get("id").asLong()).isEqualTo(recorded);
        assertThat(json(getJson("/api/diplomats?country=VN")).get("page").get("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void aDiplomatLineFindsTheDiplomatRecordedWithoutTheNoBreakSpacesAroundItsName() throws Exception {
        long recorded = create("/api/diplomats", "{\"name\": \"Tō Kyō\", \"country\": \"JP\"}").get("id").asLong();

        JsonNode job = imported("{\"kind\": \"diplomat\", \"name\": \"\\u00a0Tō Kyō\\u200b\\u202f\", "
                + "\"country\": \"JP\"}\n");

        JsonNode row = rows(job.get("id").asLong(), "").get("content").get(0);
        assertThat(row.get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
        assertThat(row.get("facts").get(0).get("id").asLong()).isEqualTo(recorded);
        assertThat(row.get("flags")).isEmpty();
    }

    @Test
    void aDiplomatLineFindsTheDiplomatAnEarlierReleaseKeptWithANoBreakSpaceAroundItsName() throws Exception {
        long recorded = create("/api/diplomats", "{\"name\": \"Sa Ga\", \"country\": \"JP\"}").get("id").asLong();
        // as a release before 2026-12-05 kept it (its search key as V30 wrote it)
        jdbc.update("update diplomat set name = ? where id = ?", "\u00a0Sa Ga", recorded);

        for (String name : List.of("\\u00a0Sa Ga", "Sa Ga")) {
            JsonNode job = imported("{\"kind\": \"diplomat\", \"name\": \"" + name + "\", \"country\": \"JP\"}\n");

            JsonNode row = rows(job.get("id").asLong(), "").get("content").get(0);
            assertThat(row.get("outcome").asString()).as(name).isEqualTo("ALREADY_PRESENT");
            assertThat(row.get("facts").get(0).get("id").asLong()).isEqualTo(recorded);
        }
    }

    @Test
    void aMeetingLineIsNotFlaggedForOutcomesAnEarlierReleaseKeptWithWhatIsNotSeenOrOfNothingSeen() throws Exception {
        String line = "{\"kind\": \"meeting\", \"date\": \"2021-03-04\", \"country\": \"CU\", \"outcomes\": [%s], "
                + "\"participants\": [{\"diplomatRef\": \"a\"}, {\"diplomatRef\": \"b\"}]}\n";
        String diplomats = """
                {"kind": "diplomat", "ref": "a", "name": "Ana Torres", "country": "CU"}
                {"kind": "diplomat", "ref": "b", "name": "Kim Min-jun", "country": "KR"}
                """;
        long meeting = rows(imported(diplomats + line.formatted("\"agreed\"")).get("id").asLong(), "")
                .get("content").get(2).get("facts").get(0).get("id").asLong();
        // as a release before 2026-12-05 kept them
        jdbc.update("update meeting set outcomes = ? where id = ?", "[\"\\u00a0agreed\\u00a0\",\"\\u200b\"]", meeting);

        JsonNode row = rows(imported(diplomats + line.formatted("\"agreed\\u00a0\"")).get("id").asLong(), "")
                .get("content").get(2);
        assertThat(row.get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
        assertThat(row.get("flags")).isEmpty();
    }

    @Test
    void aPlannedMissionLineFindsThePlannedMissionRatherThanOneCancelledBeforeIt() throws Exception {
        long cancelled = planMission("CU", "KR", "EMBASSY", "Seoul");
        postAsEditor("/api/missions/{id}/cancel", null, cancelled).andExpect(status().isOk());
        long planned = planMission("CU", "KR", "EMBASSY", "Seoul");

        JsonNode job = imported("""
                {"kind": "mission", "ref": "embassy", "sendingCountry": "CU", "receivingCountry": "KR", "type": "EMBASSY", "city": "Seoul"}
                {"kind": "milestone", "countries": ["CU", "KR"], "title": "Embassy in Seoul", "target": "2031", "missionRef": "embassy"}
                """);

        JsonNode report = rows(job.get("id").asLong(), "").get("content");
        assertThat(report.get(0).get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
        assertThat(report.get(0).get("facts").get(0).get("id").asLong()).isEqualTo(planned);
        assertThat(report.get(1).get("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(json(getJson("/api/milestones?country=CU")).get("content").get(0).get("missionId").asLong())
                .isEqualTo(planned);
    }

    @Test
    void aPlannedMissionLineImportedAgainFindsItsMissionWhateverBecameOfItSince() throws Exception {
        postAsEditor("/api/relations/CU/KR/events", "{\"type\": \"ESTABLISHED\", \"date\": \"2024-02-14\"}")
                .andExpect(status().isCreated());
        String line = """
                {"kind": "mission", "sendingCountry": "CU", "receivingCountry": "KR", "type": "EMBASSY", "city": "Seoul", "plannedOpening": "2025"}
                """;
        long planned = rows(imported(line).get("id").asLong(), "").get("content").get(0).get("facts").get(0)
                .get("id").asLong();
        postAsEditor("/api/missions/{id}/open", "{\"date\": \"2025-03-01\"}", planned).andExpect(status().isOk());

        JsonNode afterOpening = rows(imported(line).get("id").asLong(), "").get("content").get(0);
        postAsEditor("/api/missions/{id}/close", "{\"date\": \"2026-01-10\"}", planned).andExpect(status().isOk());
        JsonNode afterClosing = rows(imported(line).get("id").asLong(), "").get("content").get(0);

        for (JsonNode again : List.of(afterOpening, afterClosing)) {
            assertThat(again.get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
            assertThat(again.get("facts").get(0).get("id").asLong()).isEqualTo(planned);
            assertThat(again.get("flags")).isEmpty();
        }
        assertThat(json(getJson("/api/missions?country=KR")).get("page").get("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void aMilestoneLineImportedAgainFindsTheMilestoneItPlannedWhateverTheSpacesAroundItsTarget() throws Exception {
        String line = """
                {"kind": "milestone", "countries": ["CU", "KR"], "title": "Embassies opened", "target": " 2031-07 "}
                """;
        JsonNode first = imported(line);
        JsonNode again = imported(line);

        assertThat(first.get("outcomes").get("IMPORTED").asInt()).isEqualTo(1);
        assertThat(again.get("outcomes").get("ALREADY_PRESENT").asInt()).isEqualTo(1);
        JsonNode milestones = json(getJson("/api/milestones?country=CU"));
        assertThat(milestones.get("page").get("totalElements").asInt()).isEqualTo(1);
        assertThat(milestones.get("content").get(0).get("target").asString()).isEqualTo("2031-07");
    }

    @Test
    void rejectsARowThatBreaksARuleOrIsMalformedAndGoesOnWithTheOthers() throws Exception {
        JsonNode job = imported("""
                {"kind": "event", "countries": ["CU", "KR"], "type": "ESTABLISHED", "date": "1949-01-01"}
                {"kind": "event", "countries": ["CU", "KR"], "type": "RESTORED", "date": "1950-01-01"}
                {"kind": "mission", "sendingCountry": "CU", "receivingCountry": "KR", "type": "EMBASSY"}
                {"kind": "event", "countries": ["CU", "KR"], "type": "SEVERED"}
                {"kind": "meeting", "date": "2024-05-22", "country": "KR", "participants": [{"diplomatRef": "nobody"}]}
                {"kind": "embassy"}
                {"kind": "mission", "sendingCountry": "CU", "receivingCountry": "KR", "type": "EMBASSY", "openedOn": "1940-01-01"}
                """);
        long id = job.get("id").asLong();
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("outcomes").get("IMPORTED").asInt()).isEqualTo(2);
        assertThat(job.get("outcomes").get("REJECTED").asInt()).isEqualTo(5);

        JsonNode rejected = rows(id, "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(2, 4, 5, 6, 7);
        assertThat(rejected).extracting(row -> row.get("code").asString()).containsExactly(
                "RELATION_TRANSITION_INVALID", "VALIDATION_FAILED", "UNKNOWN_REFERENCE", "VALIDATION_FAILED",
                "RELATION_NOT_ESTABLISHED");
        assertThat(rejected.get(0).get("detail").asString()).startsWith("Rule R1: RESTORED on 1950-01-01");
        assertThat(rejected.get(1).get("detail").asString()).contains("date");
        assertThat(rejected.get(3).get("detail").asString()).contains("kind");
        assertThat(json(getJson("/api/missions")).get("page").get("totalElements").asInt())
                .as("the refused opening left no planned mission behind").isEqualTo(1);
    }

    @Test
    void rejectsLinesThatBreakTheDateCountryAndAccreditationRulesAsTheirPostsWouldAndChangesNothingForThem()
            throws Exception {
        clock.setToday(java.time.LocalDate.of(2026, 6, 1));
        JsonNode job = imported("""
                {"kind": "event", "countries": ["NR", "TV"], "type": "ESTABLISHED", "date": "2026-06-02"}
                {"kind": "event", "countries": ["NR", "NR"], "type": "ESTABLISHED", "date": "2000-01-01"}
                {"kind": "mission", "sendingCountry": "NR", "receivingCountry": "NR", "type": "EMBASSY", "city": "Yaren"}
                {"kind": "milestone", "countries": ["TV", "TV"], "title": "Alone", "target": "2030"}
                {"kind": "event", "countries": ["DD", "TV"], "type": "ESTABLISHED", "date": "2000-01-01"}
                {"kind": "accreditation", "sendingCountry": "NR", "receivingCountry": "TV", "level": "AMBASSADOR", "from": "2000-01-01"}
                {"kind": "accreditation", "sendingCountry": "NR", "receivingCountry": "TV", "level": "CONSUL", "from": "2000-01-01"}
                {"kind": "event", "countries": ["NR", "TV"], "type": "ESTABLISHED", "date": "2000-01-01"}
                """);

        assertThat(job.get("outcomes").get("IMPORTED").asInt()).isEqualTo(1);
        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(rejected).extracting(row -> row.get("code").asString()).containsExactly("DATE_IN_FUTURE",
                "SAME_COUNTRY", "SAME_COUNTRY", "SAME_COUNTRY", "COUNTRY_NOT_IN_EXISTENCE", "RELATION_NOT_ESTABLISHED",
                "CONSULAR_RELATION_NOT_ESTABLISHED");
        assertThat(rejected).extracting(row -> row.get("detail").asString()).satisfies(details -> {
            assertThat(details.get(0)).startsWith("Rule R3");
            assertThat(details.get(4)).startsWith("Rule R22");
            assertThat(details.get(5)).startsWith("Rule R23");
        });
        getJson("/api/relations/NR/TV").andExpect(jsonPath("$.events", hasSize(1)))
                .andExpect(jsonPath("$.events[0].date").value("2000-01-01"));
        getJson("/api/relations/DD/TV").andExpect(jsonPath("$.status").value("NONE"));
        getJson("/api/relations/NR/TV/accreditations").andExpect(jsonPath("$.content", hasSize(0)));
        assertThat(json(getJson("/api/missions")).get("page").get("totalElements").asInt()).isZero();
        assertThat(json(getJson("/api/milestones?country=TV")).get("page").get("totalElements").asInt()).isZero();
    }

    @Test
    void saysInWholeSentencesThatALineNamesAFactNeitherByRefNorByIdOrByBoth() throws Exception {
        JsonNode job = imported("""
                {"kind": "head", "diplomatId": 1, "rank": "CHARGE_D_AFFAIRES", "startedOn": "2000-01-01"}
                {"kind": "head", "missionRef": "m1", "missionId": 5, "diplomatId": 1, "rank": "CHARGE_D_AFFAIRES", "startedOn": "2000-01-01"}
                """);

        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("detail").asString()).containsExactly(
                "missionRef: is missing, as is missionId; give one of them",
                "missionRef: names the mission, and so does missionId; give one");
    }

    @Test
    void rejectsALineNamingAPropertyTwiceAndImportsTheOthers() throws Exception {
        JsonNode job = imported("""
                {"kind": "diplomat", "name": "Before", "country": "US"}
                {"kind": "event", "countries": ["NR", "TV"], "type": "ESTABLISHED", "date": "2000-03-04", "date": "2000-03-05"}
                {"kind": "diplomat", "name": "After", "country": "US", "sources": [{"url": "https://example.org/a", "url": "https://example.org/b"}]}
                {"kind": "diplomat", "name": "Last", "country": "US"}
                """);

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("outcomes").get("IMPORTED").asInt()).isEqualTo(2);
        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(2, 3);
        assertThat(rejected).extracting(row -> row.get("code").asString()).containsOnly("MALFORMED_REQUEST");
        assertThat(rejected).extracting(row -> row.get("detail").asString()).containsExactly(
                "The line names the property 'date' twice; each property is given once.",
                "The line names the property 'sources[0].url' twice; each property is given once.");
        getJson("/api/relations/NR/TV").andExpect(jsonPath("$.status").value("NONE"));
        assertThat(json(getJson("/api/diplomats?q=After")).get("page").get("totalElements").asInt()).isZero();
    }

    @Test
    void refusesAFileWithALineThatNamesAPropertyTwiceButIsNotOneJsonObjectAtOnce() throws Exception {
        for (String second : List.of("[{\"a\": 1, \"a\": 2}]", "{\"a\": 1, \"a\": 2", "{\"a\": 1, \"a\": 2} trailing",
                "{\"kind\": \"diplomat\", \"name\": \"A\", \"name\": \"B\", oops}")) {
            uploadNdjson("{\"kind\": \"diplomat\", \"name\": \"Before\", \"country\": \"US\"}\n" + second + "\n")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("line 2 ")));
        }
        assertThat(json(getJson("/api/diplomats?q=Before")).get("page").get("totalElements").asInt()).isZero();
    }

    @Test
    void rejectsACountryLineEndingBeforeItStartsWhetherOrNotTheCountryIsRecorded() throws Exception {
        JsonNode job = imported("""
                {"kind": "country", "code": "CU", "alpha3": "CUB", "name": "Cuba", "startedOn": "1902-05-20", "endedOn": "1900-01-01"}
                {"kind": "country", "code": "XQ", "alpha3": "XQQ", "name": "Nowhere", "startedOn": "1902-05-20", "endedOn": "1900-01-01"}
                """);

        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(1, 2);
        assertThat(rejected).extracting(row -> row.get("code").asString()).containsOnly("VALIDATION_FAILED");
        assertThat(rejected).extracting(row -> row.get("detail").asString())
                .allSatisfy(detail -> assertThat(detail).contains("endedOn", "must not be before startedOn"));
    }

    @Test
    void rejectsARowWithTheNulCharacterInATextOnEveryDatabaseAndGoesOnWithTheOthers() throws Exception {
        JsonNode job = imported("""
                {"kind": "diplomat", "name": "Kim\\u0000Jong", "country": "KP"}
                {"kind": "diplomat", "name": "After", "country": "US"}
                """);

        assertThat(job.get("outcomes").get("IMPORTED").asInt()).isEqualTo(1);
        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("code").asString()).containsExactly("VALIDATION_FAILED");
        assertThat(rejected.get(0).get("detail").asString()).contains("name").contains("NUL character");
        assertThat(json(getJson("/api/diplomats?country=KP")).get("page").get("totalElements").asInt()).isZero();
    }

    @Test
    void rejectsARowWhoseTextLeavesADirectionOverrideOpenAndGoesOnWithTheOthers() throws Exception {
        JsonNode job = imported("""
                {"kind": "diplomat", "name": "Evil \\u202E Name", "country": "KP"}
                {"kind": "diplomat", "name": "Al \\u202B\u0634\u0645\u0633\\u202C Kim", "country": "KP"}
                """);

        assertThat(job.get("outcomes").get("IMPORTED").asInt()).isEqualTo(1);
        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(1);
        assertThat(rejected.get(0).get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(rejected.get(0).get("detail").asString()).contains("name", "direction override");
        assertThat(json(getJson("/api/diplomats?country=KP")).get("content").get(0).get("name").asString())
                .isEqualTo("Al \u202B\u0634\u0645\u0633\u202C Kim");
    }

    @Test
    void keepsTheReportOfALineWhoseRefusalRepeatsANulOrAHalfSurrogateAlikeOnEveryDatabase() throws Exception {
        JsonNode job = imported("""
                {"kind": "event", "countries": ["SE", "NO"], "type": "ESTABLISHED", "date": "1905-11-06"}
                {"kind": "event", "countries": ["SE", "FI"], "type": "ESTABLISHED", "date": "1919-01-01\\u0000"}
                {"kind": "event", "countries": ["SE", "IS"], "type": "\\ud800", "date": "1919-01-01"}
                {"kind": "event", "countries": ["SE", "LV"], "x\\u0000": 1, "x\\u0000": 2}
                {"kind": "event", "countries": ["SE", "EE"], "type": "ESTABLISHED", "date": "1921-02-01"}
                """);

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("outcomes").get("IMPORTED").asInt()).isEqualTo(2);
        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(2, 3, 4);
        assertThat(rejected.get(0).get("detail").asString()).contains("date", "1919-01-01\\u0000").doesNotContain("\0");
        assertThat(rejected.get(1).get("detail").asString()).contains("type", "'\\ud800'");
        assertThat(rejected.get(2).get("detail").asString()).contains("x\\u0000").doesNotContain("\0");
    }

    @Test
    void rejectsAKenkelRowWithAFieldLongerThanAnyOfTheFileOrTheNulCharacterAndImportsTheOthers() throws Exception {
        JsonNode job = importedCsv("kenkel-us-missions", KENKEL_HEADER
                + "CUB,40,Cuba,Cuba,1902-05-20,1902-05-26,None\r\n"
                + "CUB,40,Cuba,Cuba,1902-05-27,1906-09-25,Legation\r\n"
                + "DOM,42,Dominican Republic," + "X".repeat(20_100) + ",1902-05-20,1902-05-26,None\r\n"
                + "HAI,41,Haiti,Hai\u0000ti,1862-06-05,1888-06-05,Legation\r\n");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(4, 5);
        assertThat(rejected).extracting(row -> row.get("code").asString()).containsOnly("VALIDATION_FAILED");
        assertThat(rejected.get(0).get("detail").asString()).contains("country_name_usdos", "20100 characters");
        assertThat(rejected.get(1).get("detail").asString()).contains("country_name_usdos", "NUL character");
        assertThat(json(getJson("/api/missions?sending=US&receiving=CU")).get("page").get("totalElements").asInt())
                .as("the legation of the readable rows").isEqualTo(1);
        assertThat(json(getJson("/api/missions?sending=US&receiving=HT")).get("page").get("totalElements").asInt()).isZero();
    }

    @Test
    void reportsEachCsvRowAtTheLineItStartsOnAfterAFieldHoldingALineBreak() throws Exception {
        JsonNode job = importedCsv("kenkel-us-missions", KENKEL_HEADER
                + "CUB,40,Cuba,\"Cuba\r\n(the Republic)\",1902-05-20,1902-05-26,None\r\n"
                + "CUB,40,Cuba,Cuba,1902-05-27,1906-09-25,Legation\r\n"
                + "HAI,41,Haiti,Hai\u0000ti,1862-06-05,1888-06-05,Legation\r\n");

        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode all = rows(job.get("id").asLong(), "").get("content");
        assertThat(all).extracting(row -> row.get("line").asInt()).containsExactly(2, 4, 5);
        assertThat(rows(job.get("id").asLong(), "?outcome=REJECTED").get("content"))
                .extracting(row -> row.get("line").asInt()).containsExactly(5);
    }

    @Test
    void rejectsAKenkelRowDatedOutsideTheCalendarThatEveryOtherWriteTakes() throws Exception {
        JsonNode job = importedCsv("kenkel-us-missions", KENKEL_HEADER
                + "CUB,40,Cuba,Cuba,1500-03-01,1500-12-31,Liaison\r\n"
                + "CUB,40,Cuba,Cuba,-0500-03-01,-0500-12-31,Liaison\r\n"
                + "CUB,40,Cuba,Cuba,1902-05-20,+10000-01-01,Liaison\r\n"
                + "CUB,40,Cuba,Cuba,1902-05-20,1902-05-26,None\r\n");

        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(2, 3, 4);
        assertThat(rejected).extracting(row -> row.get("code").asString()).containsOnly("VALIDATION_FAILED");
        assertThat(rejected).extracting(row -> row.get("detail").asString())
                .allSatisfy(detail -> assertThat(detail).contains("from 1583-01-01 to 9999-12-31"))
                .anySatisfy(detail -> assertThat(detail).startsWith("date_end"));
        JsonNode withheld = rows(job.get("id").asLong(), "?flag=STATE_NOT_READ").get("content");
        assertThat(withheld).extracting(row -> row.get("line").asInt()).as("the state's rows are read as one sequence")
                .containsExactly(5);
        assertThat(withheld.get(0).get("detail").asString())
                .contains("line 2, a row of Cuba (CU; COW 40), could not be read");
        assertThat(json(getJson("/api/missions?sending=US&receiving=CU")).get("page").get("totalElements").asInt())
                .isZero();
    }

    @Test
    void rejectsAKenkelRowWhoseCowCodeIsNotWrittenInAsciiDigits() throws Exception {
        JsonNode job = importedCsv("kenkel-us-missions", KENKEL_HEADER
                + "CUB,+40,Cuba,Cuba,1902-05-20,1902-05-26,None\r\n"
                + "CUB,\u0664\u0660,Cuba,Cuba,1902-05-20,1902-05-26,None\r\n"
                + "CUB, 40 ,Cuba,Cuba,1902-05-20,1902-05-26,None\r\n");

        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(2, 3);
        assertThat(rejected).extracting(row -> row.get("detail").asString())
                .allSatisfy(detail -> assertThat(detail).startsWith("country_code_cow: is not a COW state code"));
    }

    @Test
    void rejectsACowRowOfAnotherVersionOfTheDataSetOrWithTheNulCharacterAndImportsTheOthers() throws Exception {
        JsonNode job = importedCsv("cow-diplomatic-exchange", """
                "ccode1","ccode2","year","DR_at_1","DR_at_2","DE","version"
                2,40,1950,3,3,1,2006.0999755859375
                2,20,1950,3,3,1,2020.1
                2,200,1950,3,3,1,2006.09\u000099755859375
                2,220,1950,3,3,1,2006.1
                """);

        assertThat(job.get("outcomes").get("IMPORTED").asInt()).isEqualTo(2);
        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(3, 4);
        assertThat(rejected.get(0).get("detail").asString()).startsWith("version").contains("2020.1", "COW-DE 2006.1");
        assertThat(rejected.get(1).get("detail").asString()).startsWith("version").contains("NUL character");
        assertThat(json(getJson("/api/observations?country=CA")).get("page").get("totalElements").asInt()).isZero();
        assertThat(json(getJson("/api/observations?country=GB")).get("page").get("totalElements").asInt()).isZero();
    }

    @Test
    void rejectsASecondLineDefiningARefBeforeItRecordsAnythingAndKeepsTheFirstMeaning() throws Exception {
        JsonNode job = imported("""
                {"kind": "diplomat", "ref": "d", "name": "Ana Torres", "country": "CU"}
                {"kind": "diplomat", "ref": "d", "name": "Carlos Ruiz", "country": "CU"}
                {"kind": "meeting", "date": "2020-05-04", "country": "CU", "participants": [{"diplomatRef": "d"}, {"diplomatRef": "k"}]}
                {"kind": "diplomat", "ref": "k", "name": "Kim Min-jun", "country": "KR"}
                {"kind": "meeting", "date": "2020-05-05", "country": "CU", "participants": [{"diplomatRef": "d"}, {"diplomatRef": "k"}]}
                """);

        JsonNode rows = rows(job.get("id").asLong(), "").get("content");
        assertThat(rows).extracting(row -> row.get("outcome").asString())
                .containsExactly("IMPORTED", "REJECTED", "REJECTED", "IMPORTED", "IMPORTED");
        assertThat(rows.get(1).get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(rows.get(1).get("detail").asString()).contains("'d' is already defined by an earlier line");
        assertThat(rows.get(2).get("detail").asString()).contains("diplomatRef", "'k'", "earlier line");
        assertThat(json(getJson("/api/diplomats?q=Carlos")).get("page").get("totalElements").asInt()).isZero();
        JsonNode meeting = json(getJson("/api/meetings/{id}", rows.get(4).get("facts").get(0).get("id").asLong()));
        assertThat(meeting.get("participants")).extracting(p -> p.get("name").asString())
                .containsExactlyInAnyOrder("Ana Torres", "Kim Min-jun");
    }

    @Test
    void rejectsACountryLineWhoseCodeIsNewButWhoseAlpha3IsTakenAsTheApiDoes() throws Exception {
        JsonNode job = imported("""
                {"kind": "country", "code": "QW", "alpha3": "USA", "name": "Not the United States"}
                """);

        JsonNode row = rows(job.get("id").asLong(), "").get("content").get(0);
        assertThat(row.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(row.get("code").asString()).isEqualTo("ALREADY_EXISTS");
        getJson("/api/countries/QW").andExpect(status().isNotFound());
    }

    @Test
    void rejectsARowWithANumberBeyondItsFieldsRangeOrAnUnknownMissionIdAndGoesOnWithTheOthers() throws Exception {
        JsonNode job = imported("""
                {"kind": "diplomat", "name": "Before", "country": "US"}
                {"kind": "head", "missionId": 99999999999999999999, "diplomatId": 1, "rank": "AMBASSADOR", "startedOn": "2000-01-01"}
                {"kind": "meeting", "date": "2024-05-22", "participants": [{"diplomatId": -9223372036854775809}, {"diplomatId": 1}]}
                {"kind": "head", "missionId": 987654, "diplomatId": 1, "rank": "AMBASSADOR", "startedOn": "2000-01-01"}
                {"kind": "diplomat", "name": "After", "country": "US"}
                """);

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("outcomes").get("IMPORTED").asInt()).isEqualTo(2);
        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(2, 3, 4);
        assertThat(rejected).extracting(row -> row.get("code").asString())
                .containsExactly("VALIDATION_FAILED", "VALIDATION_FAILED", "UNKNOWN_REFERENCE");
        assertThat(rejected.get(0).get("detail").asString()).contains("missionId").contains("out of range");
        assertThat(rejected.get(1).get("detail").asString()).contains("participants[0].diplomatId");
        assertThat(json(getJson("/api/diplomats?q=After")).get("page").get("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void rejectsALineThatItsKindsPostWouldRefuseForItsSizesOrABlankCity() throws Exception {
        String twenty = "\"agreed\", ".repeat(19) + "\"agreed\"";
        String fiftyOne = "{\"diplomatRef\": \"a\"}, ".repeat(50) + "{\"diplomatRef\": \"b\"}";
        JsonNode job = imported("""
                {"kind": "diplomat", "ref": "a", "name": "Envoy A", "country": "CU"}
                {"kind": "diplomat", "ref": "b", "name": "Envoy B", "country": "KR"}
                {"kind": "meeting", "date": "2024-05-22", "country": "KR", "outcomes": [%s, "one more"], "participants": [{"diplomatRef": "a"}, {"diplomatRef": "b"}]}
                {"kind": "meeting", "date": "2024-05-22", "country": "KR", "participants": [%s]}
                {"kind": "meeting", "date": "2024-05-22", "country": "KR", "participants": []}
                {"kind": "mission", "sendingCountry": "CU", "receivingCountry": "KR", "type": "CONSULATE", "city": "  "}
                {"kind": "meeting", "date": "2024-05-22", "country": "KR", "outcomes": [%s], "participants": [{"diplomatRef": "a"}, {"diplomatRef": "b"}]}
                """.formatted(twenty, fiftyOne, twenty));

        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(3, 4, 5, 6);
        assertThat(rejected).extracting(row -> row.get("code").asString())
                .containsExactly("VALIDATION_FAILED", "VALIDATION_FAILED", "TOO_FEW_PARTIES", "VALIDATION_FAILED");
        assertThat(rejected.get(0).get("detail").asString()).contains("outcomes");
        assertThat(rejected.get(1).get("detail").asString()).contains("participants");
        assertThat(rejected.get(3).get("detail").asString()).contains("city");
        JsonNode meetings = json(getJson("/api/meetings?country=KR"));
        assertThat(meetings.get("page").get("totalElements").asInt()).as("only the meeting of twenty outcomes").isEqualTo(1);
        assertThat(meetings.get("content").get(0).get("outcomes")).hasSize(20);
        assertThat(json(getJson("/api/missions")).get("page").get("totalElements").asInt()).isZero();
        // the same bodies through the API: refused the same way
        postAsEditor("/api/meetings", """
                {"date": "2024-05-22", "country": "KR", "outcomes": [%s, "one more"], "participants": [{"diplomatId": 1}, {"diplomatId": 2}]}
                """.formatted(twenty)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        postAsEditor("/api/missions", """
                {"sendingCountry": "CU", "receivingCountry": "KR", "type": "CONSULATE", "city": "  "}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    }

    @Test
    void keepsAFactToFiftySourcesCountingTheImportsOwnSoThatAClientCanSendThemBack() throws Exception {
        String fifty = sources(50);
        String fortyNine = sources(49);
        JsonNode job = imported("""
                {"kind": "diplomat", "name": "Fifty Sources", "country": "US", "sources": [%s]}
                {"kind": "diplomat", "name": "Forty-Nine Sources", "country": "US", "sources": [%s]}
                {"kind": "event", "countries": ["US", "KR"], "type": "ESTABLISHED", "date": "1949-01-01"}
                {"kind": "mission", "sendingCountry": "US", "receivingCountry": "KR", "type": "EMBASSY", "city": "Seoul", "openedOn": "1949-04-01", "sources": [%s]}
                """.formatted(fifty, fortyNine, fortyNine));

        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(1);
        assertThat(rejected.get(0).get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(rejected.get(0).get("detail").asString()).contains("sources", "between 0 and 49", "cites itself");
        JsonNode diplomats = json(getJson("/api/diplomats?q=sources")).get("content");
        assertThat(diplomats).extracting(diplomat -> diplomat.get("name").asString())
                .containsExactly("Forty-Nine Sources");
        assertThat(diplomats.get(0).get("sources")).hasSize(50);

        // the same mission closed by a later file: its closing would cite a 51st source
        JsonNode closing = imported("""
                {"kind": "mission", "sendingCountry": "US", "receivingCountry": "KR", "type": "EMBASSY", "city": "Seoul", "openedOn": "1949-04-01", "closedOn": "1950-06-30", "sources": [%s]}
                """.formatted(fortyNine));
        JsonNode refused = rows(closing.get("id").asLong(), "").get("content").get(0);
        assertThat(refused.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(refused.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.get("detail").asString()).contains("would make 51 sources", "at most 50");
        JsonNode mission = json(getJson("/api/missions?country=KR")).get("content").get(0);
        assertThat(mission.get("closedOn").isNull()).as("the closing refused, the mission open").isTrue();
        assertThat(mission.get("sources")).hasSize(50);
    }

    private static String sources(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> "{\"url\": \"https://example.org/source/" + n + "\"}")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    @Test
    void importsHeadsKnownToAMonthOrAYearAndRefusesAPrecisionWithoutItsDate() throws Exception {
        String file = """
                {"kind": "event", "countries": ["US", "KR"], "type": "ESTABLISHED", "date": "1949-01-01"}
                {"kind": "diplomat", "ref": "d1", "name": "John J. Muccio", "country": "US"}
                {"kind": "diplomat", "ref": "d2", "name": "Ellis O. Briggs", "country": "US"}
                {"kind": "mission", "sendingCountry": "US", "receivingCountry": "KR", "type": "EMBASSY", "city": "Seoul", "openedOn": "1949-04-01", "closedPrecision": "YEAR"}
                {"kind": "mission", "ref": "m1", "sendingCountry": "US", "receivingCountry": "KR", "type": "EMBASSY", "city": "Seoul", "openedOn": "1949-04-01"}
                {"kind": "head", "missionRef": "m1", "diplomatRef": "d1", "rank": "AMBASSADOR", "agrementOn": "1949-03-15", "startedOn": "1949-04-20", "datePrecision": "MONTH", "endedOn": "1952-09-08", "endedPrecision": "YEAR"}
                {"kind": "head", "missionRef": "m1", "diplomatRef": "d2", "rank": "AMBASSADOR", "agrementOn": "1951-12-01", "startedOn": "1952-03-25", "datePrecision": "YEAR", "endedPrecision": "MONTH"}
                """;
        JsonNode job = imported(file);

        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("line").asInt()).containsExactly(4, 7);
        assertThat(rejected).extracting(row -> row.get("code").asString()).containsOnly("VALIDATION_FAILED");
        assertThat(rejected.get(0).get("detail").asString()).contains("closedPrecision");
        assertThat(rejected.get(1).get("detail").asString()).contains("endedPrecision");
        JsonNode heads = json(getJson("/api/missions?country=KR")).get("content").get(0).get("heads");
        assertThat(heads).hasSize(1);
        assertThat(heads.get(0).get("startedOn").asString()).isEqualTo("1949-04-01");
        assertThat(heads.get(0).get("startedPrecision").asString()).isEqualTo("MONTH");
        assertThat(heads.get(0).get("endedOn").asString()).isEqualTo("1952-01-01");
        assertThat(heads.get(0).get("endedPrecision").asString()).isEqualTo("YEAR");
        JsonNode again = imported(file);
        assertThat(again.get("outcomes").get("ALREADY_PRESENT").asInt()).as("the head found again by its first day")
                .isEqualTo(5);
    }

    @Test
    void refusesABodyThatIsNotTheFormatAtOnceAndRecordsNothing() throws Exception {
        uploadNdjson("{\"kind\": \"country\"}\nnot json\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail", containsString("line 2 is not JSON")));
        uploadNdjson("{\"kind\": \"country\"} \" or \"\"=\"\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("line 1 has more text after the JSON value at column")))
                .andExpect(jsonPath("$.detail", not(containsString("jackson"))))
                .andExpect(jsonPath("$.detail", not(containsString("Feature"))));
        uploadNdjson("[1, 2]\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("line 1 is not a JSON object")));
        upload("chancery-ndjson", "application/x-ndjson", new byte[] {'{', '"', (byte) 0xC3, '"', '}'})
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("not UTF-8")));
        uploadNdjson("").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        // a parameter the import does not take: no dry run, and no import either
        mvc.perform(post("/api/imports").param("format", "chancery-ndjson").param("dryRun", "true")
                        .contentType("application/x-ndjson").content(WORKED_EXAMPLE)
                        .with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("dryRun"))
                .andExpect(jsonPath("$.errors[0].message", containsString("which takes format")));
        // bodies empty but for what no file of the format holds alone: blank lines, a byte order mark
        for (String blank : List.of("\n", " \r\n\t\n", "\uFEFF", "\uFEFF\n\n")) {
            uploadNdjson(blank).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", containsString("has no line to import")));
        }
        for (String format : List.of("cow-diplomatic-exchange", "kenkel-us-missions")) {
            upload(format, "text/csv", "\uFEFF".getBytes(StandardCharsets.UTF_8))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("no header")));
        }
        upload("kenkel-us-missions", "text/csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("header")));
        upload("no-such-format", "text/csv", "x".getBytes(StandardCharsets.UTF_8)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        upload("kenkel-us-missions", "application/x-ndjson", "{}".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        mvc.perform(post("/api/imports").contentType("text/csv").content("x").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(post("/api/imports").param("format", "chancery-ndjson").content("{}\n")
                        .with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail", containsString("no Content-Type")));
        mvc.perform(post("/api/imports").param("format", "chancery-ndjson").header("Content-Type", "x/y;;")
                        .content("{}\n").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        // a line or a record longer than any fact is written on (a body of the API: 1 MB), refused before it is
        // read whole: 49 MB of it ran a 512 MB heap out
        String wide = "{\"kind\": \"meeting\", \"date\": \"2020-01-01\", \"country\": \"FR\", \"participants\": ["
                + "{},".repeat(ImportInput.MAX_RECORD / 3) + "{}]}\n";
        uploadNdjson(WORKED_EXAMPLE.lines().findFirst().orElseThrow() + "\n" + wide)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.detail", containsString("line 2 starts a record longer than 1048576")));
        upload("cow-diplomatic-exchange", "text/csv", ("\"ccode1\",\"ccode2\",\"year\",\"DR_at_1\",\"DR_at_2\",\"DE\","
                + "\"version\"\n" + "a,".repeat(ImportInput.MAX_RECORD) + "\n").getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("line 2 starts a record longer than 1048576")));

        assertThat(jdbc.queryForObject("select count(*) from import_job", Integer.class)).isZero();
    }

    @Test
    void answersAnUploadItsSpoolFolderCannotTake503NamingTheSettingAndRecordsNothing() throws Exception {
        Path folder = ((SpoolFolder) ReflectionTestUtils.getField(imports, "spool")).path();
        // the folder gone and a file in its place (a cleaner, an operator's mistake): no upload can be kept there
        FileSystemUtils.deleteRecursively(folder);
        Files.writeString(folder, "not a folder");
        try {
            uploadNdjson(WORKED_EXAMPLE).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"))
                    .andExpect(jsonPath("$.detail", containsString("(chancery.imports.spool-dir) cannot be written")))
                    .andExpect(jsonPath("$.detail", not(containsString(folder.toString()))));
        } finally {
            Files.delete(folder);
        }

        assertThat(jdbc.queryForObject("select count(*) from import_job", Integer.class)).isZero();
        assertThat(imported(WORKED_EXAMPLE).get("status").asString()).as("the folder made again")
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void aFactRecordedToTheDayIsFoundByALineGivingItToACoarserPrecisionAndTheDifferenceFlagged() throws Exception {
        imported("""
                {"kind": "event", "countries": ["US", "CU"], "type": "ESTABLISHED", "date": "1902-05-20"}
                {"kind": "diplomat", "ref": "d", "name": "Herbert G. Squiers", "country": "US"}
                {"kind": "mission", "ref": "m", "sendingCountry": "US", "receivingCountry": "CU", "type": "LEGATION", "city": "Havana", "openedOn": "1902-05-27"}
                {"kind": "head", "missionRef": "m", "diplomatRef": "d", "rank": "CHARGE_D_AFFAIRES", "startedOn": "1902-06-10"}
                """);
        long legation = json(getJson("/api/missions?sending=US&receiving=CU")).get("content").get(0).get("id").asLong();
        long squiers = json(getJson("/api/diplomats?country=US&q=Squiers")).get("content").get(0).get("id").asLong();

        JsonNode again = imported("""
                {"kind": "event", "countries": ["US", "CU"], "type": "ESTABLISHED", "date": "1902-05-20", "datePrecision": "MONTH"}
                {"kind": "mission", "sendingCountry": "US", "receivingCountry": "CU", "type": "LEGATION", "city": "Havana", "openedOn": "1902-05-27", "openedPrecision": "YEAR"}
                {"kind": "head", "missionId": %s, "diplomatId": %s, "rank": "CHARGE_D_AFFAIRES", "startedOn": "1902-06-10", "datePrecision": "MONTH"}
                """.formatted(legation, squiers));

        assertThat(again.get("outcomes").get("ALREADY_PRESENT").asInt()).as("%s", rows(again.get("id").asLong(), ""))
                .isEqualTo(3);
        JsonNode report = rows(again.get("id").asLong(), "").get("content");
        for (JsonNode row : report) {
            assertThat(row.get("flags")).extracting(JsonNode::asString).containsExactly("DIFFERS_FROM_RECORDED");
        }
        assertThat(report.get(0).get("detail").asString()).contains("known to the DAY, the line's to the MONTH");
        assertThat(json(getJson("/api/missions?sending=US&receiving=CU")).get("page").get("totalElements").asInt())
                .isEqualTo(1);
    }

    @Test
    void aKenkelRowOfAStatusTheDataDoesNotWriteNamesTheStatusesItDoes() throws Exception {
        JsonNode job = importedCsv("kenkel-us-missions", KENKEL_HEADER
                + "CUB,40,Cuba,Cuba,1902-05-27,1906-09-25,legation\r\n");

        assertThat(rows(job.get("id").asLong(), "").get("content").get(0).get("detail").asString())
                .isEqualTo("us_mission_status: is not a status of the data: 'legation' (one of Embassy, "
                        + "Ambassador Nonresident, Legation, Envoy Nonresident, Consulate, Consul Nonresident, "
                        + "Liaison, Interests, None, written as the data writes them)");

        JsonNode none = importedCsv("kenkel-us-missions", KENKEL_HEADER
                + "HAI,41,Haiti,Haiti,1859-01-01,1861-12-31,None\r\n"
                + "HAI,41,Haiti,Haiti,1862-01-01,1862-03-31,None\r\n"
                + "HAI,41,Haiti,Haiti,1862-04-01,1862-06-04,None\r\n");
        assertThat(rows(none.get("id").asLong(), "").get("content").get(1).get("detail").asString())
                .isEqualTo("Continues line 2, whose range has no mission or accreditation to continue.");
    }

    @Test
    void aWrongHeaderIsRefusedSayingWhereItDiffers() throws Exception {
        String row = "CUB,40,Cuba,Cuba,1902-05-20,1902-05-26,None\n";
        Map<String, String> headers = Map.of(
                "country_abbrev_cow,country_code_cow,Country_Name_Cow,country_name_usdos,date_start,date_end,"
                        + "us_mission_status", "its column 3 is 'Country_Name_Cow', not 'country_name_cow'",
                KENKEL_HEADER.strip() + ",notes", "it has 8 columns, not 7",
                KENKEL_HEADER.strip().replace(",", ";"), "it is one field: are its columns separated by semicolons?");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            upload("kenkel-us-missions", "text/csv", (header.getKey() + "\n" + row).getBytes(StandardCharsets.UTF_8))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", containsString("its header must be " + KENKEL_HEADER.strip()
                            + "; " + header.getValue())));
        }
        assertThat(jdbc.queryForObject("select count(*) from import_job", Integer.class)).isZero();
    }

    @Test
    void refusesACsvFileOfItsHeaderAloneAsNothingToImportAndRecordsNothing() throws Exception {
        Integer changes = jdbc.queryForObject("select count(*) from change_log", Integer.class);
        String cowHeader = "\"ccode1\",\"ccode2\",\"year\",\"DR_at_1\",\"DR_at_2\",\"DE\",\"version\"";
        for (String file : List.of(KENKEL_HEADER, KENKEL_HEADER.strip(), KENKEL_HEADER + "\r\n,,,,,,\r\n \r\n")) {
            upload("kenkel-us-missions", "text/csv", file.getBytes(StandardCharsets.UTF_8))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.detail", containsString("has its header but no row to import")));
        }
        for (String file : List.of(cowHeader, cowHeader + "\n", cowHeader + "\n,,,,,,\n\n")) {
            upload("cow-diplomatic-exchange", "text/csv", file.getBytes(StandardCharsets.UTF_8))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.detail", containsString("has its header but no row to import")));
        }

        assertThat(jdbc.queryForObject("select count(*) from import_job", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from change_log", Integer.class)).isEqualTo(changes);
    }

    @Test
    void saysWhatAnImportTakesForABodyOfAnotherTypeAFormOrAnotherCharsetAndRecordsNothing() throws Exception {
        upload("chancery-ndjson", "text/csv", "{}\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"))
                .andExpect(jsonPath("$.detail").value("The format chancery-ndjson takes application/x-ndjson (or "
                        + "text/plain, application/octet-stream), not text/csv."));
        // a form, as curl -F sends one, and the file as curl -d sends it (its line breaks left out)
        Map<String, String> forms = Map.of("multipart/form-data; boundary=x", "--x\r\n\r\n--x--\r\n",
                "application/x-www-form-urlencoded", KENKEL_HEADER.strip() + "CUB,40,Cuba,Cuba,1902-05-20,,None");
        for (Map.Entry<String, String> form : forms.entrySet()) {
            upload("kenkel-us-missions", form.getKey(), form.getValue().getBytes(StandardCharsets.UTF_8))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(jsonPath("$.detail", containsString("is not supported here; this endpoint takes "
                            + "application/octet-stream, application/x-ndjson, text/csv, text/plain.")))
                    .andExpect(jsonPath("$.detail", containsString("A form's fields are not read: send the body "
                            + "itself (as curl --data-binary @file does).")));
        }
        byte[] latin1 = (KENKEL_HEADER + "CIV,437,Ivory Coast,C\u00f4te d\u2019Ivoire,1960-08-07,,Embassy\r\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        upload("kenkel-us-missions", "text/csv; charset=no-such-charset", latin1)
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.detail").value("The request's "
                        + "Content-Type cannot be read: unsupported charset 'no-such-charset'; this endpoint takes "
                        + "application/octet-stream, application/x-ndjson, text/csv, text/plain."));
        for (String declared : List.of("windows-1252", "\"ISO-8859-1\"", "ebcdic-cp-us")) {
            upload("kenkel-us-missions", "text/csv; charset=" + declared, latin1)
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("body"))
                    .andExpect(jsonPath("$.detail", containsString("is declared " + declared.replace("\"", "") + " (")))
                    .andExpect(jsonPath("$.detail", containsString("reads UTF-8 text only")));
        }
        upload("kenkel-us-missions", "text/csv", latin1).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("not UTF-8 text (a malformed byte sequence at byte "
                        + (KENKEL_HEADER.length() + 21) + ", on line 2); save the file as UTF-8")));
        // a file of another encoding or kind than text is said to be what it is
        byte[] utf16 = ("\uFEFF" + KENKEL_HEADER).getBytes(StandardCharsets.UTF_16LE);
        upload("kenkel-us-missions", "text/csv", utf16).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("it is UTF-16 text")));
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(KENKEL_HEADER.getBytes(StandardCharsets.UTF_8));
        }
        upload("kenkel-us-missions", "text/csv", gzipped.toByteArray()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("it is compressed (gzip)")));
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, (byte) 0x9C, (byte) 0xA0, 0x5A, (byte) 0xFE};
        upload("kenkel-us-missions", "text/csv", zip).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("it is a ZIP archive")));
        assertThat(jdbc.queryForObject("select count(*) from import_job", Integer.class)).isZero();

        for (String utf8 : List.of("text/csv; charset=utf-8", "text/csv;charset=\"UTF-8\"",
                "text/csv; charset=US-ASCII")) {
            JsonNode job = json(upload("kenkel-us-missions", utf8, (KENKEL_HEADER + "CUB,40,Cuba,Cuba,1902-05-20,"
                    + "1902-05-26,None\r\n").getBytes(StandardCharsets.UTF_8)).andExpect(status().isAccepted()));
            assertThat(awaitEnd(job.get("id").asLong()).get("status").asString()).as(utf8).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void saysOnWhichLineTheCsvRecordAQuoteLeftOpenBeginsAndWhereAStrayQuoteStands() throws Exception {
        String cuba = "CUB,40,Cuba,Cuba,1902-05-20,1902-05-26,None\r\n";
        String leftOpen = "CUB,40,Cuba,Cuba,\"1909-01-23,1910-01-01,None\r\n";
        upload("kenkel-us-missions", "text/csv", (KENKEL_HEADER + cuba + leftOpen + cuba + cuba)
                .getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                // the record of line 3 runs on to the end of the file: no column of the file's end is named
                .andExpect(jsonPath("$.detail", containsString("line 3 is not CSV: Missing closing quote")))
                .andExpect(jsonPath("$.detail", not(containsString("column"))));
        String stray = "CUB,40,\"Cuba\"n,Cuba,1902-05-20,1902-05-26,None\r\n";
        upload("kenkel-us-missions", "text/csv", (KENKEL_HEADER + stray).getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("line 2 is not CSV at column 15")));

        assertThat(jdbc.queryForObject("select count(*) from import_job", Integer.class)).isZero();
    }

    @Test
    void saysWhyALineIsNotJsonForAPrettyPrintedFileAnArrayACommentOrNaN() throws Exception {
        uploadNdjson("{\n  \"kind\": \"country\",\n  \"code\": \"XA\"\n}\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("line 1 is not JSON at column 2: the text ends before "
                        + "the JSON value does")))
                .andExpect(jsonPath("$.detail", containsString("each line must hold one whole JSON object, not a piece "
                        + "of one written over several lines")));
        uploadNdjson("[{\"kind\": \"country\", \"code\": \"XA\"}]\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("line 1 is not a JSON object but an array: "
                        + "write each object on a line of its own (jq -c '.[]' does)"));
        uploadNdjson("// countries\n{\"kind\": \"country\"}\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("line 1 is not JSON at column 1: JSON has no "
                        + "comments")));
        uploadNdjson("{\"kind\": \"country\"}\n{\"kind\": \"event\", \"level\": NaN}\n")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("line 2 is not JSON "
                        + "at column 31: NaN is not a JSON value")))
                .andExpect(jsonPath("$.detail", not(containsString("one whole JSON object"))));
        // a whole object followed by more text is no piece of one; an object the line's end leaves open may be
        uploadNdjson("{\"kind\": \"diplomat\", \"name\": \"Kim\", \"country\": \"KP\"} garbage\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("line 1 is not JSON")))
                .andExpect(jsonPath("$.detail", not(containsString("one whole JSON object"))));
        uploadNdjson("{\"kind\": \"diplomat\", \"name\": \"Kim\",\n\"country\": \"KP\"}\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("one whole JSON object")));

        assertThat(jdbc.queryForObject("select count(*) from import_job", Integer.class)).isZero();
    }

    @Test
    void refreshesThePlannersStatisticsOfTheReportsOnPostgresqlBeforeAJobIsSeenToEnd() throws Exception {
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            file.append("{\"kind\": \"diplomat\", \"name\": \"Envoy ").append(i)
                    .append("\", \"country\": \"US\"}\n");
        }
        JsonNode job = imported(file.toString());

        long reports = jdbc.queryForObject("select count(*) from import_row", Long.class);
        assertThat(reports).isEqualTo(300).isEqualTo(job.get("rowsTotal").asLong());
        if (PostgresTestDatabase.enabled()) {
            // analysed as the job ended: the planner counts the rows the table has, not the none it had
            assertThat(jdbc.queryForObject("select reltuples from pg_class where oid = 'import_row'::regclass",
                    Float.class))
                    .isEqualTo((float) reports);
        }
    }

    @Test
    void runsOneImportAtATimeAndFailsAJobThatAStoppedServerLeftRunning() throws Exception {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        jdbc.update("insert into import_job (id, format, status, created_by, started_at, heartbeat_at, rows_total, "
                + "rows_done, imported, merged, already_present, no_fact, rejected, running_slot) values "
                + "(900001, 'chancery-ndjson', 'RUNNING', 'admin', ?, ?, 10, 3, 3, 0, 0, 0, 0, 'RUNNING')", now,
                now.plusHours(1)); // a heartbeat no slow machine lets grow quiet before the upload: a running job
        jdbc.update("insert into import_lease (job_id) values (900001)");

        uploadNdjson(WORKED_EXAMPLE).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("IMPORT_RUNNING"))
                .andExpect(jsonPath("$.detail", containsString("900001")));

        jdbc.update("update import_job set heartbeat_at = ? where id = 900001", now.minusMinutes(10));
        JsonNode next = imported(WORKED_EXAMPLE);

        assertThat(next.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode abandoned = awaitEnd(900001);
        assertThat(abandoned.get("status").asString()).isEqualTo("FAILED");
        assertThat(abandoned.get("error").asString()).contains("server stopped");
        assertThat(abandoned.get("rowsDone").asInt()).isEqualTo(3);
    }

    @Test
    void cancelsARunningJobBetweenTwoRowsKeepingWhatItImportedAndFreesTheSlot() throws Exception {
        String refused = "{\"kind\": \"event\", \"countries\": [\"US\", \"QQ\"], \"type\": \"ESTABLISHED\", "
                + "\"date\": \"2000-01-01\"}\n";
        String file = WORKED_EXAMPLE.lines().findFirst().orElseThrow() + "\n" + refused.repeat(20_000);
        long id = json(uploadNdjson(file).andExpect(status().isAccepted())).get("id").asLong();
        JsonNode cancelled;
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (json(mvc.perform(get("/api/imports/" + id).with(httpBasic("editor", "editor-secret"))))
                    .get("rowsDone").asInt() == 0) {
                assertThat(System.nanoTime()).as("the job's first row").isLessThan(deadline);
                Thread.sleep(20);
            }
            mvc.perform(post("/api/imports/" + id + "/cancel").with(httpBasic("editor", "editor-secret")))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/imports/" + id + "/cancel")).andExpect(status().isUnauthorized());

            cancelled = json(mvc.perform(post("/api/imports/" + id + "/cancel")
                            .with(httpBasic("admin", "admin-secret")))
                    .andExpect(status().isOk()));
        } finally {
            cancelIfRunning(id);
        }

        assertThat(cancelled.get("status").asString()).isEqualTo("FAILED");
        assertThat(cancelled.get("error").asString()).isEqualTo(ImportJob.cancellationError("admin"));
        assertThat(cancelled.get("cancelledBy").asString()).isEqualTo("admin");
        assertThat(cancelled.get("rowsDone").asInt()).isBetween(1, 20_000);
        assertThat(awaitEnd(id)).isEqualTo(cancelled);
        getJson("/api/countries/XK").andExpect(status().isOk());
        mvc.perform(post("/api/imports/" + id + "/cancel").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("IMPORT_NOT_RUNNING"))
                .andExpect(jsonPath("$.detail", containsString("FAILED")));
        mvc.perform(post("/api/imports/999999/cancel").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForList("select action || ' ' || user_name from change_log where kind = 'import' "
                + "and fact_id = ? order by id", String.class, String.valueOf(id))).as("started, cancelled, ended")
                .containsExactly("CREATED admin", "UPDATED admin", "UPDATED admin");
        assertThat(imported(WORKED_EXAMPLE).get("status").asString()).as("the slot is free again")
                .isEqualTo("SUCCEEDED");
    }

    /** A failed assertion leaves no job holding the running slot for the next tests. */
    private void cancelIfRunning(long id) {
        try {
            imports.cancel(id, "admin", Duration.ofSeconds(15));
        } catch (ConflictException ended) {
            // it has ended: nothing holds the slot
        }
    }

    @Test
    void cancellingAJobThatDoesNotStopInTimeAnswersItRunningAndCancellingAgainChangesNothing() throws Exception {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        // a job whose worker is busy elsewhere: its lease is in place and its heartbeat recent
        jdbc.update("insert into import_job (id, format, status, created_by, started_at, heartbeat_at, rows_total, "
                + "rows_done, imported, merged, already_present, no_fact, rejected, running_slot) values "
                + "(900002, 'chancery-ndjson', 'RUNNING', 'admin', ?, ?, 10, 3, 3, 0, 0, 0, 0, 'RUNNING')", now,
                now.plusHours(1));
        jdbc.update("insert into import_lease (job_id) values (900002)");
        try {
            ImportJob asked = imports.cancel(900002, "admin", Duration.ZERO);
            assertThat(asked.status()).isEqualTo(ImportStatus.RUNNING);
            assertThat(asked.cancelledBy()).isEqualTo("admin");
            assertThat(imports.cancel(900002, "someone-else", Duration.ofMillis(200)).cancelledBy())
                    .as("the first who asked").isEqualTo("admin");
            assertThat(jdbc.queryForObject("select count(*) from change_log where kind = 'import' "
                    + "and fact_id = '900002'", Integer.class)).isOne();
            mvc.perform(get("/api/imports/900002").with(httpBasic("editor", "editor-secret")))
                    .andExpect(jsonPath("$.status").value("RUNNING"))
                    .andExpect(jsonPath("$.cancelledBy").value("admin"));
        } finally {
            // its worker ends it, as it would at its next row: the slot is free for the next test
            jdbc.update("update import_job set status = 'FAILED', running_slot = null where id = 900002");
            jdbc.update("delete from import_lease where job_id = 900002");
        }
    }

    @Test
    void aJobFoundAbandonedWhenAnotherStartsIsFailedInTheFeedBySystemNotByWhoStartedTheOther() throws Exception {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        // a job whose server stopped ten minutes ago: its lease left behind, its heartbeat old
        jdbc.update("insert into import_job (id, format, status, created_by, started_at, heartbeat_at, rows_total, "
                + "rows_done, imported, merged, already_present, no_fact, rejected, running_slot) values "
                + "(900003, 'chancery-ndjson', 'RUNNING', 'another-admin', ?, ?, 10, 3, 3, 0, 0, 0, 0, 'RUNNING')",
                now.minusMinutes(20), now.minusMinutes(10));
        jdbc.update("insert into import_lease (job_id) values (900003)");

        // what an admin's request starting an import looks for first, on the request's thread (at once: the
        // scheduled look, every 5 s, could otherwise find the job first)
        SecurityContext request = SecurityContextHolder.createEmptyContext();
        request.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null, List.of()));
        SecurityContextHolder.setContext(request);
        try {
            worker.recoverAbandonedBeforeAStart();
            assertThat(SecurityContextHolder.getContext().getAuthentication().getName()).as("the request's user after")
                    .isEqualTo("admin");
        } finally {
            SecurityContextHolder.clearContext();
        }

        mvc.perform(get("/api/imports/900003").with(httpBasic("editor", "editor-secret")))
                .andExpect(jsonPath("$.status").value("FAILED"));
        assertThat(jdbc.queryForList("select action || ' ' || user_name from change_log where kind = 'import' "
                + "and fact_id = '900003'", String.class)).as("neither its creator nor the admin whose request looked")
                .containsExactly("UPDATED system");
        assertThat(imported(WORKED_EXAMPLE).get("status").asString()).as("the slot is free").isEqualTo("SUCCEEDED");
    }

    @Test
    void aMilestoneOrAccreditationImportedAgainAddsAnAchievementFlagsWhatDiffersAndRefusesARefToNothing()
            throws Exception {
        imported("""
                {"kind": "event", "countries": ["PT", "UY"], "type": "ESTABLISHED", "date": "1990-01-01"}
                {"kind": "milestone", "countries": ["PT", "UY"], "title": "Trade accord", "target": "2029"}
                {"kind": "accreditation", "sendingCountry": "PT", "receivingCountry": "UY", "level": "AMBASSADOR", "from": "1995-01-01"}
                """);

        JsonNode again = imported("""
                {"kind": "milestone", "countries": ["PT", "UY"], "title": "Trade accord", "target": "2029", "achievedOn": "2000-01-01"}
                {"kind": "milestone", "countries": ["PT", "UY"], "title": "Trade accord", "target": "2029", "achievedOn": "2001-01-01"}
                {"kind": "milestone", "countries": ["PT", "UY"], "title": "Trade accord", "target": "2029", "missionRef": "m9"}
                {"kind": "diplomat", "ref": "d1", "name": "Envoy One", "country": "PT"}
                {"kind": "accreditation", "sendingCountry": "PT", "receivingCountry": "UY", "level": "AMBASSADOR", "from": "1995-01-01", "diplomatRef": "d1"}
                {"kind": "accreditation", "sendingCountry": "PT", "receivingCountry": "UY", "level": "AMBASSADOR", "from": "1995-01-01", "residentMissionRef": "m9"}
                {"kind": "diplomat", "name": "Envoy Two", "country": "Portugal"}
                """);

        JsonNode rows = rows(again.get("id").asLong(), "").get("content");
        assertThat(rows).extracting(row -> row.get("outcome").asString()).containsExactly("MERGED", "ALREADY_PRESENT",
                "REJECTED", "IMPORTED", "ALREADY_PRESENT", "REJECTED", "REJECTED");
        assertThat(rows.get(0).get("detail").asString()).contains("its achievement on 2000-01-01 is recorded");
        assertThat(rows.get(1).get("flags")).extracting(JsonNode::asString).containsExactly("DIFFERS_FROM_RECORDED");
        assertThat(rows.get(1).get("detail").asString()).contains("it was achieved on 2000-01-01, the line says "
                + "2001-01-01");
        assertThat(rows.get(2).get("code").asString()).as("as on a first import").isEqualTo("UNKNOWN_REFERENCE");
        assertThat(rows.get(4).get("flags")).extracting(JsonNode::asString).containsExactly("DIFFERS_FROM_RECORDED");
        assertThat(rows.get(4).get("detail").asString()).contains("no diplomat is recorded, the line names diplomat");
        assertThat(rows.get(5).get("code").asString()).isEqualTo("UNKNOWN_REFERENCE");
        assertThat(rows.get(6).get("code").asString()).as("as POST /api/diplomats answers")
                .isEqualTo("UNKNOWN_REFERENCE");
        getJson("/api/milestones?country=PT").andExpect(jsonPath("$.content[0].status").value("ACHIEVED"))
                .andExpect(jsonPath("$.content[0].achievedOn").value("2000-01-01"));
    }

    @Test
    void namesAListElementsFieldAsTheApiDoes() throws Exception {
        JsonNode job = imported("""
                {"kind": "meeting", "date": "2024-05-22", "country": "KR", "outcomes": ["trade", " "], "participants": [{"diplomatId": 1}, {"diplomatId": 2}]}
                {"kind": "meeting", "date": "2024-05-22", "country": "KR", "participants": [null, {"diplomatId": 2}]}
                """);

        JsonNode rejected = rows(job.get("id").asLong(), "?outcome=REJECTED").get("content");
        assertThat(rejected).extracting(row -> row.get("code").asString())
                .containsExactly("VALIDATION_FAILED", "VALIDATION_FAILED");
        assertThat(rejected.get(0).get("detail").asString()).startsWith("outcomes[1]: ").doesNotContain("<");
        assertThat(rejected.get(1).get("detail").asString()).startsWith("participants[0]: ").doesNotContain("<");
        postAsEditor("/api/meetings", """
                {"date": "2024-05-22", "country": "KR", "outcomes": ["trade", " "], "participants": [{"diplomatId": 1}, {"diplomatId": 2}]}""")
                .andExpect(jsonPath("$.errors[0].field").value("outcomes[1]"));
    }

    @Test
    void keepsJobsAndReportsForEditorsAndStartsJobsForAdminsOnly() throws Exception {
        long started = json(uploadNdjson(WORKED_EXAMPLE.lines().findFirst().orElseThrow())
                .andExpect(status().isAccepted())).get("id").asLong();
        mvc.perform(post("/api/imports").param("format", "chancery-ndjson").contentType("application/x-ndjson")
                .content("{}").with(httpBasic("editor", "editor-secret"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/imports").param("format", "chancery-ndjson").contentType("application/x-ndjson")
                .content("{}")).andExpect(status().isUnauthorized());
        getJson("/api/imports").andExpect(status().isUnauthorized());
        mvc.perform(get("/api/imports").with(httpBasic("reader", "reader-secret"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/imports").with(httpBasic("editor", "editor-secret"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].createdBy").value("admin"));
        mvc.perform(get("/api/imports/999999").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/imports/999999/rows?format=csv").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(head("/api/imports/999999/rows?format=csv").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isNotFound());
        getJson("/api/imports/formats").andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.hasItems("chancery-ndjson",
                        "kenkel-us-missions")))
                .andExpect(jsonPath("$[?(@.name == 'kenkel-us-missions')].documentation").value(org.hamcrest.Matchers
                        .hasItem(org.hamcrest.Matchers.stringContainsInOrder(
                                "of https://github.com/brentonk/us_diplomatic_missions as published (UTF-8, header `",
                                "its line: Kenkel, Brenton."))));
        // by name, a fixed order: a sort is refused rather than ignored, as on the observations' summary
        for (String sorted : List.of("/api/imports/formats?sort=name,desc",
                "/api/imports/formats?format=csv&sort=foo")) {
            getJson(sorted).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("sort"));
        }
        assertThat(awaitEnd(started).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theReadmesStatementsDropTheReportOfAnOldImportFlaggedRowsIncluded() throws Exception {
        JsonNode job = imported("""
                {"kind": "country", "code": "CU", "alpha3": "CUB", "name": "Republic of Cuba"}
                """);
        long id = job.get("id").asLong();
        assertThat(rows(id, "?flag=DIFFERS_FROM_RECORDED").get("content")).hasSize(1);
        jdbc.update("update import_job set finished_at = finished_at - interval '100' day where id = ?", id);
        JsonNode recent = imported("""
                {"kind": "country", "code": "CU", "alpha3": "CUB", "name": "Cuba R."}
                """);

        // Operations, "Data that grows": the statements as the README gives them
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("```sql\n(-- the reports of imports that ended more than 90 days ago[^`]*)```")
                .matcher(readme);
        assertThat(block.find()).as("the README's statements").isTrue();
        for (String statement : block.group(1).split(";")) {
            if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
                jdbc.update(statement);
            }
        }

        assertThat(rows(id, "").get("content")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from import_row_flag where job_id = ?", Long.class, id))
                .isZero();
        mvc.perform(get("/api/imports/{id}", id).with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowsDone").value(1));
        assertThat(rows(recent.get("id").asLong(), "?flag=DIFFERS_FROM_RECORDED").get("content"))
                .as("a recent import's report stays").hasSize(1);
    }

    @Test
    void flagsACountryLineWhoseValuesDifferFromTheRecordedCountryAndKeepsTheRecord() throws Exception {
        JsonNode job = imported("""
                {"kind": "country", "code": "CU", "alpha3": "CUB", "name": " Cuba\\u3000"}
                {"kind": "country", "code": "cu", "alpha3": "CUB", "name": "Republic of Cuba", "startedOn": "1902-05-20"}
                """);

        JsonNode rows = rows(job.get("id").asLong(), "").get("content");
        assertThat(rows.get(0).get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
        assertThat(rows.get(0).get("flags")).as("a name is compared as it would be recorded, white space around it aside")
                .isEmpty();
        assertThat(rows.get(1).get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
        assertThat(rows.get(1).get("flags")).extracting(JsonNode::asString).containsExactly("DIFFERS_FROM_RECORDED");
        assertThat(rows.get(1).get("detail").asString()).isEqualTo("Kept as recorded: name Cuba (the line: Republic of "
                + "Cuba); startedOn not recorded (the line: 1902-05-20).");
        getJson("/api/countries/CU").andExpect(jsonPath("$.name").value("Cuba"))
                .andExpect(jsonPath("$.startedOn").isEmpty());
        assertThat(rows(job.get("id").asLong(), "?flag=DIFFERS_FROM_RECORDED").get("content"))
                .extracting(row -> row.get("line").asInt()).containsExactly(2);
        for (String notAFlag : List.of("%", "DIFFERS%", "DIFFERS_FROM_RECORDE_", "DIFFERS", "\\",
                "differs_from_recorded")) {
            for (String format : List.of("json", "csv")) {
                mvc.perform(get("/api/imports/{id}/rows", job.get("id").asLong()).param("flag", notAFlag)
                                .param("format", format).with(httpBasic("editor", "editor-secret")))
                        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                        .andExpect(jsonPath("$.errors[0].field").value("flag"))
                        .andExpect(jsonPath("$.errors[0].message", containsString("must be one of APPROXIMATE_DATE")));
            }
        }
        assertThat(json(mvc.perform(get("/api/imports/{id}/rows", job.get("id").asLong())
                        .param("flag", " DIFFERS_FROM_RECORDED ").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isOk())).get("content")).extracting(row -> row.get("line").asInt())
                .containsExactly(2);
        assertThat(rows(job.get("id").asLong(), "?flag=DIFFERS_FROM_RECORDED&outcome=ALREADY_PRESENT").get("content"))
                .extracting(row -> row.get("line").asInt()).containsExactly(2);
        assertThat(rows(job.get("id").asLong(), "?flag=DIFFERS_FROM_RECORDED&outcome=IMPORTED").get("content"))
                .isEmpty();
        String csv = mvc.perform(get("/api/imports/{id}/rows?format=csv&flag=DIFFERS_FROM_RECORDED",
                job.get("id").asLong())
                .with(httpBasic("editor", "editor-secret"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(2).last().asString().startsWith("2,");
    }

    @Test
    void refusesCsvAsAnImportFormatListingTheFormatsNotAsAnAnswerItCannotGive() throws Exception {
        int jobs = jdbc.queryForObject("select count(*) from import_job", Integer.class);
        for (String format : List.of("csv", "CSV", "json")) {
            mvc.perform(post(URI.create("/api/%69mports?format=" + format)).contentType("text/csv").content("a,b\r\n")
                    .with(httpBasic("admin", "admin-secret"))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("format"))
                    .andExpect(jsonPath("$.errors[0].message").value(containsString("chancery-ndjson")));
        }
        assertThat(jdbc.queryForObject("select count(*) from import_job", Integer.class)).isEqualTo(jobs);
    }

    @Test
    void findsTheRowsOfAFlagAlongTheFlagTableInLineOrderPageAfterPage() throws Exception {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            // the even lines name Cuba otherwise than recorded (flagged), the odd ones as recorded
            String name = i % 2 == 0 ? "Cuba" : "Cuba " + i;
            ndjson.append("{\"kind\": \"country\", \"code\": \"CU\", \"alpha3\": \"CUB\", \"name\": \"")
                    .append(name).append("\"}\n");
        }
        long job = imported(ndjson.toString()).get("id").asLong();

        List<Integer> lines = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            JsonNode answer = rows(job, "?flag=DIFFERS_FROM_RECORDED&size=2&page=" + page);
            assertThat(answer.get("page").get("totalElements").asInt()).isEqualTo(3);
            answer.get("content").forEach(row -> lines.add(row.get("line").asInt()));
        }
        assertThat(lines).containsExactly(2, 4, 6);

        List<String> sql = statements.sql(() -> rows(job, "?flag=DIFFERS_FROM_RECORDED&size=2&page=1"));
        String page = sql.stream().filter(statement -> statement.contains("import_row_flag")
                && statement.contains("order by")).findFirst().orElseThrow();
        if (PostgresTestDatabase.enabled()) {
            // its generic plan, the one for any job and flag: the flag's rows along its key, in line order
            assertThat(QueryPlans.of(jdbc, page)).contains("Index Only Scan using import_row_flag_pkey")
                    .doesNotContain("Sort", "Seq Scan");
        } else {
            // H2 names the index it reads and says "index sorted" when it reads it in the order asked
            assertThat(QueryPlans.of(jdbc, page.replaceFirst("\\?", Long.toString(job))
                    .replaceFirst("\\?", "'DIFFERS_FROM_RECORDED'"))).containsIgnoringCase("import_row_flag")
                    .contains("/* index sorted */").doesNotContain("tableScan");
        }
    }

    @Test
    void totalsAPageOfTheReportOrOfAnOutcomeByTheJobsCountsWithoutCountingItsRows() throws Exception {
        long job = imported("""
                {"kind": "event", "countries": ["BJ", "BO"], "type": "ESTABLISHED", "date": "1990-01-01"}
                {"kind": "event", "countries": ["BJ", "BO"], "type": "ESTABLISHED", "date": "1991-01-01"}
                {"kind": "event", "countries": ["BJ", "BO"], "type": "SEVERED", "date": "2010-01-01"}
                {"kind": "event", "countries": ["BJ", "BO"], "type": "SEVERED", "date": "2011-01-01"}
                {"kind": "event", "countries": ["BJ", "BO"], "type": "RESTORED", "date": "2012-01-01"}
                """).get("id").asLong();

        for (String query : List.of("?size=2&page=1", "?outcome=IMPORTED&size=2&page=1",
                "?outcome=REJECTED&size=1&page=1")) {
            List<String> sql = statements.sql(() -> rows(job, query));
            assertThat(sql).as(query).anyMatch(statement -> statement.contains("from import_job"))
                    .noneMatch(statement -> statement.contains("count(*)"));
            // the count before the page: a report it counts was written before, and the page finds it (read after
            // the page, a job running meanwhile had counted reports its page could not find, on H2)
            assertThat(indexOf(sql, "from import_job where id")).as(query)
                    .isLessThan(indexOf(sql, "from import_row"));
        }
        assertThat(rows(job, "?size=2").get("page").get("totalElements").asInt()).isEqualTo(5);
        assertThat(rows(job, "?outcome=IMPORTED&size=2").get("page").get("totalElements").asInt()).isEqualTo(3);
        assertThat(rows(job, "?outcome=REJECTED&size=1").get("page").get("totalElements").asInt()).isEqualTo(2);
        assertThat(rows(job, "?outcome=MERGED&size=1&page=3").get("page").get("totalElements").asInt()).isZero();
    }

    private static int indexOf(List<String> sql, String part) {
        return IntStream.range(0, sql.size()).filter(i -> sql.get(i).contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement holds " + part + ": " + sql));
    }

    @Test
    void aPastMissionIsBackFilledBeforeALaterEmbassyAndALaterSeverance() throws Exception {
        JsonNode job = imported("""
                {"kind": "event", "countries": ["BJ", "BO"], "type": "ESTABLISHED", "date": "1990-01-01"}
                {"kind": "event", "countries": ["BJ", "BO"], "type": "SEVERED", "date": "2010-01-01"}
                {"kind": "mission", "sendingCountry": "BJ", "receivingCountry": "BO", "type": "EMBASSY", "city": "La Paz", "openedOn": "2005-01-01", "closedOn": "2008-01-01"}
                {"kind": "mission", "sendingCountry": "BJ", "receivingCountry": "BO", "type": "EMBASSY", "city": "Sucre", "openedOn": "1995-01-01", "closedOn": "2000-01-01"}
                {"kind": "mission", "sendingCountry": "BJ", "receivingCountry": "BO", "type": "PROVISIONAL_OFFICE", "city": "Sucre", "openedOn": "1991-01-01", "closedOn": "1992-01-01"}
                {"kind": "mission", "sendingCountry": "BJ", "receivingCountry": "BO", "type": "EMBASSY", "city": "Potosí", "openedOn": "1999-01-01", "closedOn": "2001-01-01"}
                """);

        JsonNode rows = rows(job.get("id").asLong(), "").get("content");
        assertThat(rows).extracting(row -> row.get("outcome").asString())
                .containsExactly("IMPORTED", "IMPORTED", "IMPORTED", "IMPORTED", "IMPORTED", "REJECTED");
        assertThat(rows.get(5).get("code").asString()).isEqualTo("EMBASSY_ALREADY_OPEN");

        job = imported("""
                {"kind": "mission", "sendingCountry": "BJ", "receivingCountry": "BO", "type": "CONSULATE", "city": "Cobija", "openedOn": "1999-01-01", "closingReason": "Moved"}
                """);
        JsonNode refused = rows(job.get("id").asLong(), "").get("content").get(0);
        assertThat(refused.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(refused.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.get("detail").asString()).contains("closingReason");
        getJson("/api/missions?sending=BJ&receiving=BO&sort=openedOn")
                .andExpect(jsonPath("$.content[*].city").value(contains("Sucre", "Sucre", "La Paz")))
                .andExpect(jsonPath("$.content[*].closedOn").value(contains("1992-01-01", "2000-01-01", "2008-01-01")));
    }

    @Test
    void theStatusesAndRuleGivenClosingsOfAnExportAreImportedOnceTheirCausesAreAndOthersAreRejected()
            throws Exception {
        String file = """
                {"kind": "event", "countries": ["CV", "GA"], "type": "ESTABLISHED", "date": "1980-01-01"}
                {"kind": "event", "countries": ["CV", "GA"], "type": "SEVERED", "date": "2003-01-01"}
                {"kind": "event", "countries": ["CV", "GA"], "type": "RESTORED", "date": "2004-01-01"}
                {"kind": "mission", "ref": "e2", "sendingCountry": "CV", "receivingCountry": "GA", "type": "EMBASSY", "city": "Libreville", "openedOn": "2006-01-01", "status": "OPEN"}
                {"kind": "mission", "sendingCountry": "CV", "receivingCountry": "GA", "type": "EMBASSY", "city": "Libreville", "openedOn": "1985-01-01", "closedOn": "2003-01-01", "closingReason": "RELATIONS_SEVERED", "status": "CLOSED"}
                {"kind": "mission", "sendingCountry": "CV", "receivingCountry": "GA", "type": "PROVISIONAL_OFFICE", "city": "Libreville", "openedOn": "2004-06-01", "closedOn": "2006-01-01", "closingReason": "SUPERSEDED"}
                {"kind": "mission", "sendingCountry": "CV", "receivingCountry": "GA", "type": "PROVISIONAL_OFFICE", "city": "Franceville", "openedOn": "1981-01-01", "closedOn": "1984-01-01", "closingReason": "RELATIONS_SEVERED"}
                {"kind": "mission", "sendingCountry": "CV", "receivingCountry": "GA", "type": "CONSULATE", "city": "Port-Gentil", "status": "CANCELLED"}
                {"kind": "mission", "sendingCountry": "CV", "receivingCountry": "GA", "type": "CONSULATE", "city": "Oyem", "openedOn": "1990-01-01", "closedOn": "1995-01-01", "status": "OPEN"}
                {"kind": "milestone", "countries": ["CV", "GA"], "title": "Embassy reopens", "target": "2006", "missionRef": "e2", "achievedOn": "2006-01-01", "status": "ACHIEVED"}
                {"kind": "milestone", "countries": ["CV", "GA"], "title": "Embassy reopens again", "target": "2006", "missionRef": "e2", "achievedOn": "2006-02-01"}
                {"kind": "milestone", "countries": ["CV", "GA"], "title": "A consulate in Oyem", "target": "2010", "status": "CANCELLED"}
                {"kind": "milestone", "countries": ["CV", "GA"], "title": "A visit", "target": "2011", "achievedOn": "2011-05-01", "status": "PENDING"}
                """;
        JsonNode job = imported(file);

        JsonNode rows = rows(job.get("id").asLong(), "").get("content");
        assertThat(rows).extracting(row -> row.get("outcome").asString()).containsExactly("IMPORTED", "IMPORTED",
                "IMPORTED", "IMPORTED", "IMPORTED", "IMPORTED", "REJECTED", "IMPORTED", "REJECTED", "IMPORTED",
                "REJECTED", "IMPORTED", "REJECTED");
        assertThat(rows.get(6).get("detail").asString()).contains("closingReason")
                .contains("no severance of the pair is recorded on 1984-01-01");
        assertThat(rows.get(8).get("detail").asString()).contains("status")
                .contains("is OPEN, but the line's dates make the mission CLOSED");
        assertThat(rows.get(10).get("code").asString()).isEqualTo("MILESTONE_STATUS_INVALID");
        assertThat(rows.get(10).get("detail").asString()).isEqualTo("Rule R19: The line's milestone has a "
                + "mission, whose opening on 2006-01-01 achieved it; the line says it was achieved on 2006-02-01.");
        assertThat(rows.get(12).get("detail").asString()).contains("only an achieved milestone has one");

        long reopened = rows.get(3).get("facts").get(0).get("id").asLong();
        long office = rows.get(5).get("facts").get(0).get("id").asLong();
        getJson("/api/missions/{id}", rows.get(4).get("facts").get(0).get("id").asLong())
                .andExpect(jsonPath("$.closingReason").value("RELATIONS_SEVERED"));
        getJson("/api/missions/{id}", office).andExpect(jsonPath("$.closingReason").value("SUPERSEDED"))
                .andExpect(jsonPath("$.successorId").value((int) reopened));
        getJson("/api/missions/{id}", reopened).andExpect(jsonPath("$.predecessorId").value((int) office));
        getJson("/api/missions/{id}", rows.get(7).get("facts").get(0).get("id").asLong())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        getJson("/api/milestones/{id}", rows.get(9).get("facts").get(0).get("id").asLong())
                .andExpect(jsonPath("$.status").value("ACHIEVED"))
                .andExpect(jsonPath("$.achievedOn").value("2006-01-01"));
        getJson("/api/milestones/{id}", rows.get(11).get("facts").get(0).get("id").asLong())
                .andExpect(jsonPath("$.status").value("CANCELLED"));

        JsonNode again = rows(imported(file).get("id").asLong(), "").get("content");
        assertThat(again).extracting(row -> row.get("outcome").asString()).containsExactly("ALREADY_PRESENT",
                "ALREADY_PRESENT", "ALREADY_PRESENT", "ALREADY_PRESENT", "ALREADY_PRESENT", "ALREADY_PRESENT",
                "REJECTED", "ALREADY_PRESENT", "REJECTED", "ALREADY_PRESENT", "REJECTED", "ALREADY_PRESENT",
                "REJECTED");
        assertThat(again).extracting(row -> row.get("flags").size()).containsOnly(0);
    }

    @Test
    void aMeetingLineWhoseParticipantsNameIsNotTheDiplomatsItsIdNamesIsRejected() throws Exception {
        JsonNode diplomats = rows(imported("""
                {"kind": "diplomat", "name": "Maria Rossi", "country": "IT", "title": "Consul"}
                {"kind": "diplomat", "name": "Claudio Monz\u00f3n Baeza", "country": "CU", "title": "Ambassador"}
                """).get("id").asLong(), "").get("content");
        long rossi = diplomats.get(0).get("facts").get(0).get("id").asLong();
        long monzon = diplomats.get(1).get("facts").get(0).get("id").asLong();
        String meeting = """
                {"kind": "meeting", "date": "%s", "country": "IT", "city": "Rome", "participants": \
                [{"diplomatId": %s, "name": "%s", "country": "IT"}, {"diplomatId": %s, "name": "%s"}]}
                """;

        String monzonNamed = "Claudio Monz\u00f3n Baeza";
        JsonNode rows = rows(imported(meeting.formatted("2020-02-02", rossi, "Kim Jong Un", monzon, monzonNamed)
                + meeting.formatted("2020-02-03", rossi, "maria rossi", monzon, monzonNamed)
                // the same names: one with a no-break space around it, one with its accent written apart (NFD)
                + meeting.formatted("2020-02-04", rossi, "\u00a0Maria Rossi", monzon, "Claudio Monzo\u0301n Baeza"))
                .get("id").asLong(), "").get("content");

        assertThat(rows).extracting(row -> row.get("outcome").asString())
                .containsExactly("REJECTED", "REJECTED", "IMPORTED");
        assertThat(rows.get(0).get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(rows.get(0).get("detail").asString()).contains("participants[0].name")
                .contains("is 'Kim Jong Un', but the diplomat the line names is Maria Rossi of IT (" + rossi + ")");
    }

    @Test
    void aMilestoneCancelledOrWaitingInAnExportIsImportedWhateverBecameOfItsMissionSince() throws Exception {
        JsonNode rows = rows(imported("""
                {"kind": "event", "countries": ["CV", "GN"], "type": "ESTABLISHED", "date": "1980-01-01"}
                {"kind": "mission", "ref": "open", "sendingCountry": "CV", "receivingCountry": "GN", "type": "EMBASSY", "city": "Conakry", "openedOn": "2001-01-01"}
                {"kind": "mission", "ref": "gone", "sendingCountry": "CV", "receivingCountry": "GN", "type": "CONSULATE", "city": "Kankan", "status": "CANCELLED"}
                {"kind": "milestone", "countries": ["CV", "GN"], "title": "Dropped before the opening", "target": "2000", "missionRef": "open", "status": "CANCELLED"}
                {"kind": "milestone", "countries": ["CV", "GN"], "title": "Dropped with the consulate", "target": "2002", "missionRef": "gone", "status": "CANCELLED"}
                {"kind": "milestone", "countries": ["CV", "GN"], "title": "Exported before the opening", "target": "2000", "missionRef": "open", "status": "OVERDUE"}
                """).get("id").asLong(), "").get("content");

        assertThat(rows).extracting(row -> row.get("outcome").asString())
                .containsExactly("IMPORTED", "IMPORTED", "IMPORTED", "IMPORTED", "IMPORTED", "IMPORTED");
        for (int line : new int[] {3, 4}) {
            getJson("/api/milestones/{id}", rows.get(line).get("facts").get(0).get("id").asLong())
                    .andExpect(jsonPath("$.status").value("CANCELLED"))
                    .andExpect(jsonPath("$.missionId").isNumber());
        }
        assertThat(rows.get(5).get("flags").get(0).asString()).isEqualTo("DIFFERS_FROM_RECORDED");
        assertThat(rows.get(5).get("detail").asString()).isEqualTo("Recorded ACHIEVED: its mission opened on "
                + "2001-01-01, which achieves it (R19); the line says it is OVERDUE.");
        getJson("/api/milestones/{id}", rows.get(5).get("facts").get(0).get("id").asLong())
                .andExpect(jsonPath("$.status").value("ACHIEVED"))
                .andExpect(jsonPath("$.achievedOn").value("2001-01-01"));
    }

    @Test
    void aCancellingLineCancelsTheMissionOrMilestoneRecordedPlannedAndOneThatDiffersIsFlagged() throws Exception {
        imported("""
                {"kind": "event", "countries": ["CV", "GM"], "type": "ESTABLISHED", "date": "1980-01-01"}
                {"kind": "mission", "sendingCountry": "CV", "receivingCountry": "GM", "type": "CONSULATE", "city": "Serekunda"}
                {"kind": "mission", "sendingCountry": "CV", "receivingCountry": "GM", "type": "CONSULATE", "city": "Brikama", "openedOn": "1990-01-01"}
                {"kind": "milestone", "countries": ["CV", "GM"], "title": "A consulate in Serekunda", "target": "2030"}
                """);
        JsonNode job = imported("""
                {"kind": "mission", "sendingCountry": "CV", "receivingCountry": "GM", "type": "CONSULATE", "city": "Serekunda", "status": "CANCELLED"}
                {"kind": "milestone", "countries": ["CV", "GM"], "title": "A consulate in Serekunda", "target": "2030", "status": "CANCELLED"}
                {"kind": "mission", "sendingCountry": "CV", "receivingCountry": "GM", "type": "CONSULATE", "city": "Brikama", "status": "CANCELLED"}
                """);

        JsonNode rows = rows(job.get("id").asLong(), "").get("content");
        assertThat(rows).extracting(row -> row.get("outcome").asString())
                .containsExactly("MERGED", "MERGED", "ALREADY_PRESENT");
        assertThat(rows.get(0).get("detail").asString()).contains("its cancellation is recorded");
        assertThat(rows.get(2).get("flags").get(0).asString()).isEqualTo("DIFFERS_FROM_RECORDED");
        assertThat(rows.get(2).get("detail").asString()).contains("it is OPEN, the line says CANCELLED");
        getJson("/api/missions/{id}", rows.get(0).get("facts").get(0).get("id").asLong())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        getJson("/api/milestones/{id}", rows.get(1).get("facts").get(0).get("id").asLong())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void linesImportedAgainFlagTheTextsAndPlansTheyGiveOtherwiseAndKeepTheRecord() throws Exception {
        String first = """
                {"kind": "event", "countries": ["GH", "TG"], "type": "ESTABLISHED", "date": "1990-01-01", "note": "Exchange of notes\\n"}
                {"kind": "diplomat", "ref": "a", "name": "Ama Mensah", "country": "GH", "title": "Ambassador", "organization": "Foreign Ministry"}
                {"kind": "diplomat", "ref": "b", "name": "Koffi Agbo", "country": "TG"}
                {"kind": "meeting", "date": "2020-05-04", "country": "GH", "city": "Accra", "title": "Border talks", "summary": "On the border.", "outcomes": ["A joint commission"], "participants": [{"diplomatRef": "a", "title": "Envoy"}, {"diplomatRef": "b"}]}
                {"kind": "mission", "sendingCountry": "GH", "receivingCountry": "TG", "type": "EMBASSY", "city": "Lomé", "plannedOpening": "2030"}
                {"kind": "mission", "sendingCountry": "GH", "receivingCountry": "IL", "type": "INTERESTS_SECTION", "city": "Tel Aviv", "protectingPower": "CH"}
                """;
        assertThat(imported(first).get("outcomes").get("IMPORTED").asInt()).isEqualTo(6);
        // the same, but for spaces around a text, a country's other code, a list or a precision left out
        JsonNode same = rows(imported(first.replace("\"Foreign Ministry\"", "\" Foreign Ministry \"")
                .replace("\"CH\"", "\"che\"").replace("[\"A joint commission\"]", "[]")
                .replace("\"date\": \"2020-05-04\",", "\"date\": \"2020-05-04\", \"datePrecision\": null,"))
                .get("id").asLong(), "").get("content");
        assertThat(same).allSatisfy(row -> assertThat(row.get("flags")).isEmpty());

        String changed = first.replace("Exchange of notes", "Exchange of letters")
                .replace("\"Ambassador\"", "\"Minister\"")
                .replace("\"Foreign Ministry\"", "\"  \"").replace("\"Accra\"", "\"Kumasi\"")
                .replace("On the border.", "On trade.").replace("[\"A joint commission\"]", "[\"Two commissions\"]")
                .replace("\"Envoy\"", "\"Special envoy\"").replace("\"2030\"", "\"2031-H1\"")
                .replace("\"CH\"", "\"se\"");
        JsonNode rows = rows(imported(changed).get("id").asLong(), "").get("content");

        assertThat(rows).extracting(row -> row.get("outcome").asString()).containsOnly("ALREADY_PRESENT");
        assertThat(rows).extracting(row -> row.get("flags").size()).containsExactly(1, 1, 0, 1, 1, 1);
        assertThat(rows.get(0).get("detail").asString()).isEqualTo("Kept as recorded: the note is 'Exchange of "
                + "notes', the line's 'Exchange of letters'.");
        assertThat(rows.get(1).get("detail").asString()).endsWith(": the title is 'Ambassador', the line's "
                + "'Minister'.");
        assertThat(rows.get(3).get("detail").asString()).contains("the city is 'Accra', the line's 'Kumasi'",
                "the summary is 'On the border.', the line's 'On trade.'",
                "the line's outcomes differ from the 1 recorded",
                "the title of Ama Mensah at the meeting is 'Envoy', the line's 'Special envoy'")
                .doesNotContain("Border talks'");
        assertThat(rows.get(4).get("detail").asString())
                .contains("the planned opening is '2030', the line's '2031-H1'");
        assertThat(rows.get(5).get("detail").asString()).contains("the protecting power is 'CH', the line's 'SE'");
        getJson("/api/diplomats?q=Mensah").andExpect(jsonPath("$.content[0].title").value("Ambassador"))
                .andExpect(jsonPath("$.content[0].organization").value("Foreign Ministry"));
        getJson("/api/missions?sending=GH&receiving=TG")
                .andExpect(jsonPath("$.content[0].plannedOpening").value("2030"));

        JsonNode refused = rows(imported(first.replace("\"2030\"", "\"2030-13\"")).get("id").asLong(), "")
                .get("content").get(4);
        assertThat(refused.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(refused.get("code").asString()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aMissionLineClosingBeforeItOpensIsRefusedNamingTheLineNotAnIdRolledBack() throws Exception {
        String established = """
                {"kind": "event", "countries": ["BJ", "BF"], "type": "ESTABLISHED", "date": "1990-01-01"}
                """;
        String backwards = """
                {"kind": "mission", "sendingCountry": "BJ", "receivingCountry": "BF", "type": "EMBASSY", "city": "Ouagadougou", "openedOn": "2005-01-01", "closedOn": "2004-12-31"}
                """;
        JsonNode job = imported(established + backwards);

        JsonNode refused = rows(job.get("id").asLong(), "").get("content").get(1);
        assertThat(refused.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(refused.get("code").asString()).isEqualTo("MISSION_STATUS_INVALID");
        assertThat(refused.get("detail").asString()).isEqualTo("Rule R12: The line's mission cannot close on "
                + "2004-12-31, before it opened on 2005-01-01.");
        getJson("/api/missions?sending=BJ&receiving=BF").andExpect(jsonPath("$.page.totalElements").value(0));

        imported(backwards.replace("\"2004-12-31\"", "\"2006-01-01\""));
        job = imported(backwards);
        refused = rows(job.get("id").asLong(), "").get("content").get(0);
        assertThat(refused.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(refused.get("code").asString()).isEqualTo("MISSION_STATUS_INVALID");
        getJson("/api/missions?sending=BJ&receiving=BF").andExpect(jsonPath("$.content[0].closedOn").value("2006-01-01"));
    }

    @Test
    void aMissionLineOpenAcrossASeveranceIsRefusedNamingTheLinesMissionNotAnIdRolledBack() throws Exception {
        String history = """
                {"kind": "event", "countries": ["BJ", "NE"], "type": "ESTABLISHED", "date": "1990-01-01"}
                {"kind": "event", "countries": ["BJ", "NE"], "type": "SEVERED", "date": "1995-01-01"}
                """;
        String across = """
                {"kind": "mission", "sendingCountry": "NE", "receivingCountry": "BJ", "type": "EMBASSY", "city": "Porto-Novo", "openedOn": "1992-01-01", "closedOn": "2000-01-01"}
                """;
        JsonNode job = imported(history + across);

        JsonNode severed = rows(job.get("id").asLong(), "").get("content").get(2);
        assertThat(severed.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(severed.get("code").asString()).isEqualTo("CONFLICTS_WITH_RECORDED_FACTS");
        assertThat(severed.get("detail").asString()).isEqualTo("Rule R20: The line's EMBASSY was open from 1992-01-01 "
                + "to 2000-01-01, across a severance on 1995-01-01 (R11).");
        getJson("/api/missions?country=NE").andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void aLineClosingAMissionRecordedOpenRecordsTheClosingAndOneThatDiffersIsFlagged() throws Exception {
        String opened = """
                {"kind": "event", "countries": ["CV", "KM"], "type": "ESTABLISHED", "date": "1990-01-01"}
                {"kind": "mission", "sendingCountry": "CV", "receivingCountry": "KM", "type": "EMBASSY", "city": "Moroni", "openedOn": "1991-01-01"}
                """;
        imported(opened);
        String closed = opened.replace("\"1991-01-01\"}", "\"1991-01-01\", \"closedOn\": \"1995-01-01\"}");
        JsonNode job = imported(closed);

        JsonNode rows = rows(job.get("id").asLong(), "").get("content");
        assertThat(rows).extracting(row -> row.get("outcome").asString()).containsExactly("ALREADY_PRESENT", "MERGED");
        assertThat(rows.get(1).get("detail").asString()).contains("was recorded open", "1995-01-01");
        getJson("/api/missions?sending=CV&receiving=KM").andExpect(jsonPath("$.content[0].status").value("CLOSED"))
                .andExpect(jsonPath("$.content[0].closedOn").value("1995-01-01"))
                .andExpect(jsonPath("$.content[0].sources[*].title").value(contains(
                        containsString("line 2"), containsString("Import " + job.get("id").asLong() + " "))));

        job = imported(closed.replace("\"1995-01-01\"", "\"1996-01-01\"").replace("\"1990-01-01\"}",
                "\"1990-01-01\", \"datePrecision\": \"YEAR\"}"));
        rows = rows(job.get("id").asLong(), "").get("content");
        assertThat(rows).extracting(row -> row.get("outcome").asString())
                .containsExactly("ALREADY_PRESENT", "ALREADY_PRESENT");
        assertThat(rows).allSatisfy(row -> assertThat(row.get("flags")).extracting(JsonNode::asString)
                .containsExactly("DIFFERS_FROM_RECORDED"));
        assertThat(rows.get(0).get("detail").asString()).isEqualTo("Kept as recorded: the date is known to the DAY, "
                + "the line's to the YEAR.");
        assertThat(rows.get(1).get("detail").asString()).contains("closed on 1995-01-01, the line says 1996-01-01");
        getJson("/api/missions?sending=CV&receiving=KM").andExpect(jsonPath("$.content[0].closedOn").value("1995-01-01"));

        job = imported(closed.replace("\"1995-01-01\"}", "\"1995-01-01\", \"closedPrecision\": \"YEAR\", "
                + "\"closingReason\": \"Budget\"}"));
        rows = rows(job.get("id").asLong(), "").get("content");
        assertThat(rows.get(1).get("flags")).extracting(JsonNode::asString).containsExactly("DIFFERS_FROM_RECORDED");
        assertThat(rows.get(1).get("detail").asString()).contains("the closing is known to the DAY, the line's to the "
                + "YEAR", "it closed for no reason given, the line says 'Budget'");
    }

    @Test
    void aLineEndingAHeadRecordedServingRecordsTheEndAndOneThatDiffersIsFlagged() throws Exception {
        String serving = """
                {"kind": "event", "countries": ["CV", "KM"], "type": "ESTABLISHED", "date": "1990-01-01"}
                {"kind": "mission", "ref": "m", "sendingCountry": "CV", "receivingCountry": "KM", "type": "EMBASSY", "city": "Moroni", "openedOn": "1991-01-01"}
                {"kind": "diplomat", "ref": "d", "name": "Cape Verde One", "country": "CV"}
                {"kind": "head", "missionRef": "m", "diplomatRef": "d", "rank": "CHARGE_D_AFFAIRES", "startedOn": "1992-01-01"}
                """;
        imported(serving);
        String ended = serving.replace("\"1992-01-01\"}", "\"1992-01-01\", \"endedOn\": \"1994-01-01\"}");
        // the end is recorded; the rank the line gives otherwise is not, and the row is flagged for it
        JsonNode job = imported(ended.replace("\"CHARGE_D_AFFAIRES\"", "\"ENVOY\", \"agrementOn\": \"1991-12-01\""));

        JsonNode head = rows(job.get("id").asLong(), "").get("content").get(3);
        long mission = json(getJson("/api/missions?sending=CV&receiving=KM")).get("content").get(0).get("id").asLong();
        assertThat(head.get("outcome").asString()).isEqualTo("MERGED");
        assertThat(head.get("flags")).extracting(JsonNode::asString).containsExactly("DIFFERS_FROM_RECORDED");
        assertThat(head.get("detail").asString()).isEqualTo("The head of mission Cape Verde One (mission " + mission
                + ", since 1992-01-01): it was recorded serving: its end on 1994-01-01 is recorded; the rank is "
                + "CHARGE_D_AFFAIRES, the line's ENVOY; no agrément is recorded, the line's 1991-12-01.");
        getJson("/api/missions?sending=CV&receiving=KM").andExpect(jsonPath("$.content[0].heads[0].endedOn").value("1994-01-01"))
                .andExpect(jsonPath("$.content[0].heads[0].sources[*].title").value(contains(
                        containsString("line 4"), containsString("Import " + job.get("id").asLong() + " "))));

        job = imported(ended.replace("\"1994-01-01\"", "\"1995-01-01\"").replace("\"CHARGE_D_AFFAIRES\"",
                "\"CHARGE_D_AFFAIRES_AD_INTERIM\""));
        head = rows(job.get("id").asLong(), "").get("content").get(3);
        assertThat(head.get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
        assertThat(head.get("flags")).extracting(JsonNode::asString).containsExactly("DIFFERS_FROM_RECORDED");
        assertThat(head.get("detail").asString()).contains("the rank is CHARGE_D_AFFAIRES, the line's "
                + "CHARGE_D_AFFAIRES_AD_INTERIM", "it ended on 1994-01-01, the line says 1995-01-01");
        getJson("/api/missions?sending=CV&receiving=KM").andExpect(jsonPath("$.content[0].heads[0].endedOn").value("1994-01-01"))
                .andExpect(jsonPath("$.content[0].heads[0].rank").value("CHARGE_D_AFFAIRES"));

        job = imported(serving.replace("\"1992-01-01\"}", "\"1992-01-01\", \"endedOn\": \"1991-06-01\"}"));
        head = rows(job.get("id").asLong(), "").get("content").get(3);
        assertThat(head.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(head.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(head.get("detail").asString()).contains("endedOn");
    }

    @Test
    void aLineAchievingAMilestoneRecordedPendingRecordsTheAchievementCitingTheLine() throws Exception {
        String pending = """
                {"kind": "event", "countries": ["AG", "BZ"], "type": "ESTABLISHED", "date": "1982-01-01"}
                {"kind": "milestone", "countries": ["AG", "BZ"], "title": "First visit", "target": "2006"}
                """;
        JsonNode first = imported(pending);
        JsonNode job = imported(pending.replace("\"2006\"}", "\"2006\", \"achievedOn\": \"2006-03-01\"}"));

        assertThat(rows(job.get("id").asLong(), "").get("content").get(1).get("outcome").asString())
                .isEqualTo("MERGED");
        long milestone = rows(first.get("id").asLong(), "").get("content").get(1).get("facts").get(0).get("id")
                .asLong();
        getJson("/api/milestones/" + milestone).andExpect(jsonPath("$.status").value("ACHIEVED"))
                .andExpect(jsonPath("$.sources[*].title").value(contains(
                        containsString("Import " + first.get("id").asLong() + " "),
                        containsString("Import " + job.get("id").asLong() + " "))));
    }

    @Test
    void aLineEndingAnAccreditationRecordedInForceRecordsTheEndAndAWrongOneIsRejected() throws Exception {
        String inForce = """
                {"kind": "event", "countries": ["AG", "US"], "type": "ESTABLISHED", "date": "1981-11-01"}
                {"kind": "accreditation", "sendingCountry": "US", "receivingCountry": "AG", "level": "AMBASSADOR", "from": "1994-06-30"}
                """;
        imported(inForce);
        JsonNode job = imported(inForce.replace("\"1994-06-30\"}", "\"1994-06-30\", \"to\": \"2001-01-01\"}"));

        JsonNode row = rows(job.get("id").asLong(), "").get("content").get(1);
        assertThat(row.get("outcome").asString()).isEqualTo("MERGED");
        assertThat(row.get("detail").asString()).endsWith("it was recorded in force: its end on 2001-01-01 is recorded.");
        getJson("/api/relations/AG/US/accreditations").andExpect(jsonPath("$.content[0].to").value("2001-01-01"))
                .andExpect(jsonPath("$.content[0].sources[*].title").value(contains(
                        containsString("line 2"), containsString("Import " + job.get("id").asLong() + " "))));

        job = imported(inForce.replace("\"1994-06-30\"}", "\"1994-06-30\", \"to\": \"1990-01-01\"}"));
        row = rows(job.get("id").asLong(), "").get("content").get(1);
        assertThat(row.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(row.get("code").asString()).isEqualTo("VALIDATION_FAILED");

        job = imported(inForce.replace("\"1994-06-30\"}", "\"1994-06-30\", \"to\": \"2002-01-01\", "
                + "\"toPrecision\": \"YEAR\"}"));
        row = rows(job.get("id").asLong(), "").get("content").get(1);
        assertThat(row.get("flags")).extracting(JsonNode::asString).containsExactly("DIFFERS_FROM_RECORDED");
        assertThat(row.get("detail").asString()).contains("it ended on 2001-01-01, the line says 2002-01-01");
        getJson("/api/relations/AG/US/accreditations").andExpect(jsonPath("$.content[0].to").value("2001-01-01"));
    }

    @Test
    void namesTheCountriesOfEveryFactItsRowsRecordedAsTheChangeFeedDoes() throws Exception {
        clock.setToday(java.time.LocalDate.of(2026, 6, 1));
        JsonNode job = imported(WORKED_EXAMPLE + """
                {"kind": "diplomat", "ref": "k", "name": "Kim Min-jun", "country": "KR"}
                {"kind": "meeting", "date": "2020-05-04", "country": "XK", "participants": [{"diplomatRef": "d1"}, {"diplomatRef": "k"}]}
                {"kind": "milestone", "countries": ["XK", "US"], "title": "Consulate in Prizren", "target": "2031"}
                {"kind": "accreditation", "sendingCountry": "XK", "receivingCountry": "US", "level": "AMBASSADOR", "from": "2009-01-01"}
                """);
        long id = job.get("id").asLong();
        JsonNode rows = rows(id, "").get("content");
        assertThat(rows).extracting(row -> row.get("facts").get(0).get("kind").asString() + " "
                + row.get("facts").get(0).get("countries")).containsExactly("country [\"XK\"]", "event [\"US\",\"XK\"]",
                "diplomat [\"US\"]", "mission [\"US\",\"XK\"]", "mission [\"US\",\"XK\"]", "head [\"US\",\"XK\"]",
                "diplomat [\"KR\"]", "meeting [\"KR\",\"US\"]", "milestone [\"US\",\"XK\"]",
                "accreditation [\"US\",\"XK\"]");
        // one statement per kind of fact on the page: nine facts of seven kinds, five more than two of two kinds
        long ofTwoKinds = statements.count(() -> rows(id, "?size=2&page=3"));
        assertThat(statements.count(() -> rows(id, "?size=9&page=0"))).isEqualTo(ofTwoKinds + 5);

        String csv = mvc.perform(get("/api/imports/" + id + "/rows?format=csv")
                        .with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long meeting = rows.get(7).get("facts").get(0).get("id").asLong();
        assertThat(csv.lines().toList()).first()
                .isEqualTo("line,outcome,code,detail,flags,facts.kind,facts.id,facts.countries");
        assertThat(csv.lines().toList()).contains("8,IMPORTED,,,,meeting,%s,KR\\;US".formatted(meeting));

        mvc.perform(MockMvcRequestBuilders.delete("/api/meetings/" + meeting)
                        .with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isNoContent());
        assertThat(rows(id, "?size=2&page=3").get("content").get(1).get("facts").get(0).get("countries")).isEmpty();
    }

    @Test
    void reportsARefusedLineInTheApisWordsOnAHostOfAnotherLanguage() throws Exception {
        Locale host = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        JsonNode job;
        try {
            job = imported("""
                    {"kind": "diplomat", "name": " ", "country": "KR"}
                    {"kind": "event", "countries": ["CU", "KR"], "date": "1949-01-01"}
                    """);
        } finally {
            Locale.setDefault(host);
        }
        assertThat(rows(job.get("id").asLong(), "").get("content")).extracting(row -> row.get("detail").asString())
                .containsExactly("name: must not be blank", "type: is required");
    }

    @Test
    void listsTheRowsOfOneOutcomeOrFlagAndAnswersThemAsCsv() throws Exception {
        JsonNode job = imported("""
                {"kind": "event", "countries": ["CU", "KR"], "type": "ESTABLISHED", "date": "1949-01-01"}
                {"kind": "event", "countries": ["CU", "KR"], "type": "ESTABLISHED", "date": "1949-01-01"}
                {"kind": "event", "countries": ["CU", "KR"], "type": "SEVERED", "date": "1940-01-01"}
                """);
        long id = job.get("id").asLong();
        assertThat(rows(id, "?outcome=ALREADY_PRESENT").get("content")).extracting(row -> row.get("line").asInt())
                .containsExactly(2);
        assertThat(rows(id, "?size=1&page=2").get("content").get(0).get("line").asInt()).isEqualTo(3);
        String csv = mvc.perform(get("/api/imports/" + id + "/rows?format=csv").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(4).first()
                .isEqualTo("line,outcome,code,detail,flags,facts.kind,facts.id,facts.countries");
        assertThat(csv.lines().toList().get(3)).startsWith("3,REJECTED,RELATION_TRANSITION_INVALID,");
        mvc.perform(get("/api/imports/" + id + "/rows?outcome=LOST").with(httpBasic("editor", "editor-secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        assertThat(List.of(job.get("outcomes").get("IMPORTED").asInt(), job.get("outcomes").get("ALREADY_PRESENT").asInt(),
                job.get("outcomes").get("REJECTED").asInt())).containsExactly(1, 1, 1);
    }

    @Test
    void answersAReportOfThousandsOfRowsWholeAsCsvInLineOrder() throws Exception {
        StringBuilder file = new StringBuilder("ccode1,ccode2,year,DR_at_1,DR_at_2,DE,version\n");
        int[] states = {2, 20, 40, 70, 200, 220, 230, 325};
        for (int year = 1960; year < 2005; year++) {
            for (int a : states) {
                for (int b : states) {
                    if (a != b) {
                        file.append(a + "," + b + "," + year + ",3,3,1,2006.0999755859375\n");
                    }
                }
            }
        }
        long id = json(upload("cow-diplomatic-exchange", "text/csv", file.toString().getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isAccepted())).get("id").asLong();
        assertThat(awaitEnd(id).get("rowsDone").asInt()).isEqualTo(2520);

        List<String> csv = csvLines("/api/imports/" + id + "/rows?format=csv");
        assertThat(csv).hasSize(1 + 2520);
        assertThat(csv.subList(1, csv.size()))
                .extracting(line -> Integer.parseInt(line.substring(0, line.indexOf(','))))
                .containsExactlyElementsOf(IntStream.rangeClosed(2, 2521).boxed().toList());

        List<Integer> merged = new ArrayList<>();
        JsonNode page;
        int number = 0;
        do {
            page = rows(id, "?outcome=MERGED&size=200&page=" + number++);
            page.get("content").forEach(row -> merged.add(row.get("line").asInt()));
        } while (number < page.get("page").get("totalPages").asInt());
        assertThat(merged).hasSize(1260).isSorted();
        List<String> mergedCsv = csvLines("/api/imports/" + id + "/rows?format=csv&outcome=MERGED");
        assertThat(mergedCsv.subList(1, mergedCsv.size()))
                .extracting(line -> Integer.parseInt(line.substring(0, line.indexOf(',')))).isEqualTo(merged);
    }

    @Test
    void anImportSentWithAHostNoSourceCanCiteIsRefusedAndNothingIsRecorded() throws Exception {
        for (String host : new String[] {"x:99999", ""}) {
            mvc.perform(post("/api/imports").param("format", "chancery-ndjson").contentType("application/x-ndjson")
                            .header("Host", host).content(WORKED_EXAMPLE).with(httpBasic("admin", "admin-secret")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                    .andExpect(jsonPath("$.errors[0].field").value("Host"));
        }
        assertThat(jdbc.queryForObject("select count(*) from import_job", Long.class)).isZero();
    }

    private List<String> csvLines(String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic("editor", "editor-secret"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
    }
}
