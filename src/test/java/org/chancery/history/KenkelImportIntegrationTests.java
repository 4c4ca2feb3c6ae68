package org.chancery.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.ImportJobs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The real Kenkel file (656 ranges of U.S. representation in 216 states, 1816–2024), imported through
 * the API, and what Chancery then answers, checked against what the file says.
 */
@DisplayName("Kenkel's U.S. mission status data, imported and read back as of a day")
class KenkelImportIntegrationTests extends ApiIntegrationTest {

    private static final String FILE = "/history/mission_status_range_cow_v0.1.csv";

    record Range(int cowCode, LocalDate start, LocalDate end, String status) {
    }

    private static List<Range> ranges() throws Exception {
        List<Range> ranges = new ArrayList<>();
        try (InputStream in = KenkelImportIntegrationTests.class.getResourceAsStream(FILE);
                MappingIterator<Map<String, String>> rows = CsvMapper.builder().build().readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                ranges.add(new Range(Integer.parseInt(row.get("country_code_cow")), LocalDate.parse(row.get("date_start")),
                        LocalDate.parse(row.get("date_end")), row.get("us_mission_status")));
            }
        }
        return ranges;
    }

    private JsonNode importTheFile() throws Exception {
        byte[] file;
        try (InputStream in = KenkelImportIntegrationTests.class.getResourceAsStream(FILE)) {
            file = in.readAllBytes();
        }
        JsonNode started = json(mvc.perform(post("/api/imports").param("format", "kenkel-us-missions")
                .contentType("text/csv").content(file).with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isAccepted()));
        return ImportJobs.awaitEnd(mvc, started.get("id").asLong(), Duration.ofMinutes(3));
    }

    private long total(String url) throws Exception {
        return json(getJson(url)).get("page").get("totalElements").asLong();
    }

    /** The states in which the U.S. had a range of {@code status} covering {@code day}, by COW code. */
    private static Set<Integer> statesWith(List<Range> ranges, String status, LocalDate day) {
        Set<Integer> states = new TreeSet<>();
        for (Range range : ranges) {
            if (range.status().equals(status) && !range.start().isAfter(day) && !range.end().isBefore(day)) {
                states.add(range.cowCode());
            }
        }
        return states;
    }

    @Test
    void importsEveryRangeThroughTheRulesAndAnswersAsOfADayWhatTheFileSays() throws Exception {
        clock.setToday(LocalDate.of(2026, 6, 1));
        JsonNode job = importTheFile();

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("rowsTotal").asInt()).isEqualTo(656);
        assertThat(job.get("rowsDone").asInt()).isEqualTo(656);
        JsonNode outcomes = job.get("outcomes");
        assertThat(outcomes.get("REJECTED").asInt()).isZero();
        assertThat(outcomes.get("MERGED").asInt()).as("Serbia twice, Yemen and Germany once").isEqualTo(4);
        assertThat(outcomes.get("NO_FACT").asInt()).as("ranges without U.S. representation, each of their rows, "
                + "but the six that sever relations after a gap (AL, DK, EE, ET, LT, LV); and Uganda's interests "
                + "range, during which relations went on").isEqualTo(94);
        assertThat(outcomes.get("IMPORTED").asInt()).isEqualTo(558);
        assertThat(outcomes.get("IMPORTED").asInt() + outcomes.get("MERGED").asInt() + outcomes.get("NO_FACT").asInt()
                + outcomes.get("ALREADY_PRESENT").asInt()).isEqualTo(656);
        assertThat(rowsOf(job, "?outcome=NO_FACT")).as("each row that records nothing says why").hasSize(94)
                .allSatisfy(row -> assertThat(row.get("detail").asString("")).isNotBlank());

        JsonNode cuba1950 = json(getJson("/api/relations/US/CU?asOf=1950-01-01"));
        assertThat(cuba1950.get("status").asString()).isEqualTo("ESTABLISHED");
        assertThat(cuba1950.get("since").asString()).isEqualTo("1902-05-27");
        assertThat(openUsMissions(cuba1950)).containsExactly("EMBASSY");
        JsonNode cuba1970 = json(getJson("/api/relations/US/CU?asOf=1970-01-01"));
        assertThat(cuba1970.get("status").asString()).isEqualTo("SEVERED");
        assertThat(cuba1970.get("since").asString()).isEqualTo("1961-01-03");
        assertThat(openUsMissions(cuba1970)).isEmpty();
        JsonNode cuba1990 = json(getJson("/api/relations/US/CU?asOf=1990-01-01"));
        assertThat(cuba1990.get("status").asString()).isEqualTo("SEVERED");
        assertThat(openUsMissions(cuba1990)).containsExactly("INTERESTS_SECTION");
        JsonNode section = cuba1990.get("missions").valueStream()
                .filter(m -> m.get("type").asString().equals("INTERESTS_SECTION")).findFirst().orElseThrow();
        assertThat(section.get("openedOn").asString()).isEqualTo("1977-09-01");
        assertThat(section.get("openedPrecision").asString()).as("as the relation view says it").isEqualTo("MONTH");
        JsonNode cuba2016 = json(getJson("/api/relations/US/CU?asOf=2016-01-01"));
        assertThat(cuba2016.get("status").asString()).isEqualTo("ESTABLISHED");
        assertThat(cuba2016.get("since").asString()).isEqualTo("2015-07-20");
        assertThat(openUsMissions(cuba2016)).containsExactly("EMBASSY");
        assertThat(json(getJson("/api/missions/" + section.get("id").asLong())).get("closingReason").asString())
                .isEqualTo("SUPERSEDED");
        // "if only the year or month is known, the date is set to January 1 or the 1st of the month"
        assertThat(json(getJson("/api/missions/" + section.get("id").asLong())).get("openedPrecision").asString())
                .isEqualTo("MONTH");
        JsonNode cubanEmbassy = cuba1950.get("missions").valueStream()
                .filter(m -> m.get("type").asString().equals("EMBASSY")).findFirst().orElseThrow();
        assertThat(cubanEmbassy.get("openedOn").asString()).isEqualTo("1923-02-10");
        assertThat(json(getJson("/api/missions/" + cubanEmbassy.get("id").asLong())).get("openedPrecision").asString())
                .isEqualTo("DAY");

        List<Range> ranges = ranges();
        for (String day : List.of("1816-06-01", "1850-01-01", "1900-01-01", "1925-01-01", "1950-01-01", "1970-01-01",
                "1990-01-01", "2000-06-30", "2016-01-01", "2024-12-31")) {
            LocalDate on = LocalDate.parse(day);
            assertThat(total("/api/missions?sending=US&type=EMBASSY&openOn=" + day)).as("embassies on %s", day)
                    .isEqualTo(statesWith(ranges, "Embassy", on).size());
            assertThat(total("/api/missions?sending=US&type=LEGATION&openOn=" + day)).as("legations on %s", day)
                    .isEqualTo(statesWith(ranges, "Legation", on).size());
            assertThat(total("/api/missions?sending=US&type=INTERESTS_SECTION&openOn=" + day))
                    .as("interests sections on %s", day).isEqualTo(statesWith(ranges, "Interests", on).size());
            assertThat(total("/api/missions?sending=US&type=CONSULATE&openOn=" + day)).as("consulates on %s", day)
                    .isEqualTo(statesWith(ranges, "Consulate", on).size());
            assertThat(total("/api/missions?sending=US&type=LIAISON_OFFICE&openOn=" + day)).as("liaison offices on %s", day)
                    .isEqualTo(statesWith(ranges, "Liaison", on).size());
        }
        JsonNode britain = json(getJson("/api/relations/US/GB/timeline?size=1"));
        assertThat(britain.get("content").get(0).get("date").asString()).isEqualTo("1816-01-01");
        assertThat(britain.get("content").get(0).get("summary").asString())
                .contains("the data begins on 1816-01-01, relations may be older");
        // a state's first range begins at its entry into the state system, not when relations began (1823)
        JsonNode argentina = json(getJson("/api/relations/US/AR/timeline?size=1")).get("content").get(0);
        assertThat(argentina.get("date").asString()).isEqualTo("1841-01-01");
        assertThat(argentina.get("summary").asString())
                .contains("the data begins with the state's entry into the state system, relations may be older");
        assertThat(row(rowsOf(job, "?flag=CENSORED_START"), 27).get("flags")).extracting(JsonNode::asString)
                .contains("APPROXIMATE_DATE", "INFERRED_ESTABLISHMENT", "CENSORED_START");
        // relations established in a later range (Armenia's embassy, after weeks without) began then
        JsonNode armenia = json(getJson("/api/relations/US/AM/timeline?size=1")).get("content").get(0);
        assertThat(armenia.get("date").asString()).isEqualTo("1992-02-03");
        assertThat(armenia.get("summary").asString()).doesNotContain("may be older");
        assertThat(row(rowsOf(job, ""), 32).get("flags")).extracting(JsonNode::asString)
                .contains("INFERRED_ESTABLISHMENT").doesNotContain("CENSORED_START");
        // Albania: a legation until the Italian invasion, out of the state system until 1944, then no U.S.
        // representation until the embassy of 1991: relations severed on its return, restored in 1991
        JsonNode albania1970 = json(getJson("/api/relations/US/AL?asOf=1970-01-01"));
        assertThat(albania1970.get("status").asString()).isEqualTo("SEVERED");
        assertThat(albania1970.get("since").asString()).isEqualTo("1944-11-17");
        JsonNode albania1992 = json(getJson("/api/relations/US/AL?asOf=1992-01-01"));
        assertThat(albania1992.get("status").asString()).isEqualTo("ESTABLISHED");
        assertThat(albania1992.get("since").asString()).isEqualTo("1991-10-01");
        assertThat(openUsMissions(albania1992)).containsExactly("EMBASSY");
        getJson("/api/countries/XJ").andExpect(status().isOk());
        JsonNode korea = json(getJson("/api/countries/XJ"));
        assertThat(korea.get("endedOn").asString()).isEqualTo("1905-11-17");
        // COW's state list begins on 1816-01-01, with states that existed before: that day is no founding day
        JsonNode bavaria = json(getJson("/api/countries/XB"));
        assertThat(bavaria.get("startedOn").isNull()).as(bavaria.toString()).isTrue();
        assertThat(bavaria.get("endedOn").asString()).isEqualTo("1871-01-18");
        // nor is Korea's entry into the state system in 1887 its founding: its treaty with the UK of 1883 is recorded
        assertThat(korea.get("startedOn").isNull()).as(korea.toString()).isTrue();
        recordEvent("GB", "XJ", "ESTABLISHED", "1883-11-26");
        assertThat(korea.get("sources").findValuesAsString("url")).as("its lifetime's source, then the line")
                .containsExactly("https://correlatesofwar.org/data-sets/state-system-membership/",
                        KenkelUsMissionsFormat.DATASET_URL);
        assertThat(json(getJson("/api/relations/US/DD?asOf=1980-01-01")).get("status").asString())
                .isEqualTo("ESTABLISHED");
        assertThat(total("/api/relations?country=DD&asOf=1980-01-01")).as("the GDR among the relations of 1980")
                .isEqualTo(1);
        assertThat(json(getJson("/api/relations?country=DD")).get("page").get("totalElements").asLong())
                .as("the GDR is not among today's relations").isZero();
    }

    @Test
    void importingTheFileAgainCreatesNothingAndFindsWhatItRecorded() throws Exception {
        JsonNode first = importTheFile();
        long missions = total("/api/missions?sending=US");
        long relations = total("/api/relations?country=US&asOf=2024-12-31");

        JsonNode again = importTheFile();

        assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.get("outcomes").get("IMPORTED").asInt()).as("%s", json(mvc.perform(
                get("/api/imports/" + again.get("id").asLong() + "/rows?outcome=IMPORTED")
                        .with(httpBasic("editor", "editor-secret"))))).isZero();
        assertThat(again.get("outcomes").get("REJECTED").asInt()).isZero();
        assertThat(again.get("outcomes").get("MERGED").asInt()).isZero();
        assertThat(again.get("outcomes").get("ALREADY_PRESENT").asInt())
                .as("every row that recorded a fact or continued one, a state the file created among them, finds it")
                .isEqualTo(first.get("outcomes").get("IMPORTED").asInt() + first.get("outcomes").get("MERGED").asInt());
        assertThat(again.get("outcomes").get("NO_FACT").asInt()).as("the rows without a U.S. mission, as before")
                .isEqualTo(first.get("outcomes").get("NO_FACT").asInt());
        assertThat(total("/api/missions?sending=US")).isEqualTo(missions);
        assertThat(total("/api/relations?country=US&asOf=2024-12-31")).isEqualTo(relations);
        assertThat(json(mvc.perform(get("/api/imports/" + again.get("id").asLong() + "/rows?flag=DIFFERS_FROM_RECORDED")
                .with(httpBasic("editor", "editor-secret")))).get("page").get("totalElements").asInt()).isZero();
    }

    @Test
    void aFileEndingARecordedRangeEarlierClosesItsOpenMissionAsMergedAndFlagsAnotherClosingDay() throws Exception {
        List<String> lines = lines();
        // Czechoslovakia's embassy first recorded open to the data's end; the published file ends it with the state
        String prague = lines.get(0) + "\n" + lines.stream().filter(line -> line.startsWith("CZE,"))
                .map(line -> line.replace("1945-05-10,1992-12-31,Embassy", "1945-05-10,2024-12-31,Embassy"))
                .collect(Collectors.joining("\n")) + "\n";
        importRows(prague);
        long embassy = json(getJson("/api/missions?sending=US&receiving=CS&status=OPEN")).get("content").get(0)
                .get("id").asLong();

        JsonNode closing = row(rowsOf(importTheFile(), "?outcome=MERGED"), 155);
        assertThat(closing.get("outcome").asString()).isEqualTo("MERGED");
        assertThat(closing.get("flags")).extracting(JsonNode::asString).contains("STATE_ENDED");
        getJson("/api/missions/" + embassy).andExpect(jsonPath("$.closedOn").value("1993-01-01"))
                .andExpect(jsonPath("$.closingReason").value("STATE_ENDED"));

        // the GDR's embassy ending two days earlier than recorded
        String changed = lines.get(0) + "\n" + lines.stream().filter(line -> line.startsWith("GDR,"))
                .map(line -> line.replace("1974-12-09,1990-10-02,Embassy", "1974-12-09,1990-09-30,Embassy"))
                .collect(Collectors.joining("\n")) + "\n";
        JsonNode job = importRows(changed);
        JsonNode gdr = row(rowsOf(job, ""), 3); // the header, the GDR's two lines
        assertThat(gdr.get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
        assertThat(gdr.get("flags")).extracting(JsonNode::asString).contains("DIFFERS_FROM_RECORDED");
        assertThat(gdr.get("detail").asString()).contains("1990-10-03", "1990-10-01");
        assertThat(json(getJson("/api/missions?sending=US&receiving=DD")).get("content").get(0).get("closedOn").asString())
                .as("kept as recorded").isEqualTo("1990-10-03");
        assertThat(job.get("outcomes").get("IMPORTED").asInt()).isZero();
        assertThat(json(getJson("/api/missions/" + embassy)).get("sources"))
                .extracting(source -> source.get("title").asString()).as("the closing cites its line")
                .anySatisfy(title -> assertThat(title).endsWith("line 155"));
    }

    @Test
    void aRecordedRangeNowFollowedByAnotherStatusIsClosedByTheRowThatBeginsItCitingIt() throws Exception {
        long embassy = zambiasEmbassyRecordedOpen();

        JsonNode job = importZambiasEmbassyEndingBeforeAConsulate();

        assertThat(row(rowsOf(job, ""), 2).get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
        JsonNode consulate = row(rowsOf(job, ""), 3);
        // the row records the consulate: IMPORTED, the embassy it closes named beside it and in its detail
        assertThat(consulate.get("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(consulate.get("detail").asString()).contains("mission " + embassy, "recorded open",
                "closed on 2021-01-01");
        assertThat(consulate.get("facts"))
                .extracting(fact -> fact.get("kind").asString() + " " + fact.get("id").asLong())
                .contains("mission " + embassy);
        JsonNode closed = json(getJson("/api/missions/" + embassy));
        assertThat(closed.get("closedOn").asString()).isEqualTo("2021-01-01");
        assertThat(closed.get("closingReason").asString()).isEqualTo("REPRESENTATION_CHANGED");
        assertThat(closed.get("sources")).extracting(source -> source.get("title").asString())
                .anySatisfy(title -> assertThat(title).endsWith("line 3"));
    }

    @Test
    void aRecordedFactClosedOnAnotherDayThanTheNextRangeBeginsIsKeptAndTheRowFlagged() throws Exception {
        long embassy = zambiasEmbassyRecordedOpen();
        postAsEditor("/api/missions/{id}/close", "{\"date\": \"2019-05-01\"}", embassy)
                .andExpect(status().isOk());

        JsonNode job = importZambiasEmbassyEndingBeforeAConsulate();

        JsonNode consulate = row(rowsOf(job, ""), 3);
        assertThat(consulate.get("outcome").asString()).isEqualTo("IMPORTED");
        assertThat(consulate.get("flags")).extracting(JsonNode::asString).contains("DIFFERS_FROM_RECORDED");
        assertThat(consulate.get("detail").asString()).contains("2019-05-01", "2021-01-01");
        getJson("/api/missions/" + embassy).andExpect(jsonPath("$.closedOn").value("2019-05-01"));
    }

    @Test
    void aClosingTheDayAfterARangeIsKnownToTheDayAndASupersededOneAsTheEmbassyOpening() throws Exception {
        List<String> lines = lines();
        // Czechoslovakia ends on 1992-12-31, Norway leaves the state system after 1940-04-30: exact last days;
        // Argentina's legation gives way to an embassy opened on 1914-10-01, a day known to its month
        importRows(lines.get(0) + "\n" + lines.stream()
                .filter(line -> line.startsWith("CZE,") || line.startsWith("NOR,") || line.startsWith("ARG,"))
                .collect(Collectors.joining("\n")) + "\n");

        JsonNode prague = json(getJson("/api/missions?sending=US&receiving=CS&type=EMBASSY")).get("content").get(0);
        assertThat(prague.get("closedOn").asString()).isEqualTo("1993-01-01");
        assertThat(prague.get("closedPrecision").asString()).isEqualTo("DAY");
        JsonNode oslo = json(getJson("/api/missions?sending=US&receiving=NO&type=LEGATION&openOn=1940-04-30"))
                .get("content").get(0);
        assertThat(oslo.get("closedOn").asString()).isEqualTo("1940-05-01");
        assertThat(oslo.get("closedPrecision").asString()).isEqualTo("DAY");
        JsonNode buenosAires = json(getJson("/api/missions?sending=US&receiving=AR&type=LEGATION")).get("content").get(0);
        assertThat(buenosAires.get("closedOn").asString()).isEqualTo("1914-10-01");
        assertThat(buenosAires.get("closingReason").asString()).isEqualTo("SUPERSEDED");
        assertThat(buenosAires.get("closedPrecision").asString()).isEqualTo("MONTH");
        assertThat(json(getJson("/api/missions/" + buenosAires.get("successorId").asLong())).get("openedPrecision")
                .asString()).isEqualTo("MONTH");
    }

    @Test
    void aStateWhoseCodeAnAdministratorGaveAnotherCountryIsRejectedNotRecordedAsThatCountrys() throws Exception {
        postAsAdmin("/api/countries", "{\"code\": \"XA\", \"alpha3\": \"XAA\", \"name\": \"Republic of Texas\"}")
                .andExpect(status().isCreated());
        List<String> lines = lines();
        JsonNode job = importRows(lines.get(0) + "\n" + lines.stream().filter(line -> line.startsWith("AUH,"))
                .limit(3).collect(Collectors.joining("\n")) + "\n");

        for (int line = 2; line <= 4; line++) {
            JsonNode rejected = row(rowsOf(job, ""), line);
            assertThat(rejected.get("outcome").asString()).isEqualTo("REJECTED");
            assertThat(rejected.get("code").asString()).isEqualTo("ALREADY_EXISTS");
            assertThat(rejected.get("detail").asString()).isEqualTo("The country XA (XAA) is Republic of Texas, not "
                    + "Austria-Hungary (XA, XAH), the state the data names as 300: its facts are not recorded as "
                    + "another state's.");
        }
        JsonNode texas = json(getJson("/api/relations/US/XA"));
        assertThat(texas.get("status").asString()).isEqualTo("NONE");
        assertThat(texas.get("events")).isEmpty();
        assertThat(json(getJson("/api/countries/XA")).get("name").asString()).isEqualTo("Republic of Texas");
    }

    @Test
    void aStatesFirstRangeWithoutRepresentationRecordsNothingAndSaysWhy() throws Exception {
        List<String> lines = lines();
        JsonNode job = importRows(lines.get(0) + "\n" + lines.stream().filter(line -> line.startsWith("AFG,"))
                .limit(2).collect(Collectors.joining("\n")) + "\n");

        JsonNode none = row(rowsOf(job, ""), 2); // Afghanistan 1919-1935: None
        assertThat(none.get("outcome").asString()).isEqualTo("NO_FACT");
        assertThat(none.get("detail").asString()).isEqualTo("No U.S. representation from the state's first day in the "
                + "data: no relations to record.");
        assertThat(row(rowsOf(job, ""), 3).get("outcome").asString()).isEqualTo("IMPORTED");
    }

    @Test
    void interestsProtectedWhileRelationsWentOnSeverNothingAndOpenNoSection() throws Exception {
        List<String> lines = lines();
        // Uganda 1973-1979: the embassy closed, West Germany protected U.S. interests, relations were not interrupted
        JsonNode job = importRows(lines.get(0) + "\n" + lines.stream().filter(line -> line.startsWith("UGA,"))
                .collect(Collectors.joining("\n")) + "\n");

        JsonNode interests = row(rowsOf(job, ""), 3); // the header, the embassy's line
        assertThat(interests.get("outcome").asString()).isEqualTo("NO_FACT");
        assertThat(interests.get("flags")).extracting(JsonNode::asString).contains("RELATIONS_NOT_INTERRUPTED")
                .doesNotContain("INFERRED_SEVERANCE");
        assertThat(interests.get("detail").asString()).contains("Federal Republic of Germany", "1973-11-10");
        JsonNode in1975 = json(getJson("/api/relations/US/UG?asOf=1975-01-01"));
        assertThat(in1975.get("status").asString()).isEqualTo("ESTABLISHED");
        assertThat(in1975.get("since").asString()).isEqualTo("1962-10-09");
        assertThat(openUsMissions(in1975)).isEmpty();
        JsonNode today = json(getJson("/api/relations/US/UG"));
        assertThat(today.get("events")).extracting(event -> event.get("type").asString()).containsExactly("ESTABLISHED");
        JsonNode embassies = json(getJson("/api/missions?sending=US&receiving=UG&sort=openedOn")).get("content");
        assertThat(embassies).extracting(mission -> mission.get("type").asString()).containsExactly("EMBASSY", "EMBASSY");
        assertThat(embassies.get(0).get("closedOn").asString()).isEqualTo("1973-11-10");
        assertThat(embassies.get(1).get("openedOn").asString()).isEqualTo("1979-06-18");
        assertThat(embassies.get(1).get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void aStateWithAnUnreadableRowOrOverlappingRangesRecordsNothingAndEachRowNamesTheLineToMend() throws Exception {
        List<String> lines = lines();
        String file = lines.get(0) + "\n"
                + "CUB,40,Cuba,Cuba,1902-05-20,1902-05-26,None\n"
                + "CUB,40,Cuba,Cuba,1902-05-27,1906-09-25,Legation\n"
                + "CUB,40,Cuba,Cuba,10/02/1923,1961-01-02,Embassy\n" // line 4: a day written another way
                + "CUB,40,Cuba,Cuba,1961-01-03,1977-08-31,None\n"
                + lines.stream().filter(line -> line.startsWith("UGA,")).collect(Collectors.joining("\n")) + "\n"
                + "TUR,640,Turkey,Turkey,1906-06-18,1917-04-19,Embassy\n"
                + "TUR,640,Turkey,Turkey,1910-01-01,1912-12-31,Legation\n" // line 10: within the embassy's range
                + "TUR,640,Turkey,Turkey,1917-04-20,1927-10-11,None\n"
                + "EGY,651,Egypt,Egypt, Arab Republic of,1922-03-16,1926-01-01,Legation\n" // line 12: a comma too many
                + "EGY,651,Egypt,Egypt,1926-01-02,1946-09-18,Legation\n";

        JsonNode job = importRows(file);

        JsonNode rows = rowsOf(job, "");
        assertThat(row(rows, 4).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(row(rows, 4).get("detail").asString()).startsWith("date_start: is not a date of the calendar");
        assertThat(row(rows, 12).get("outcome").asString()).isEqualTo("REJECTED");
        for (int line : new int[] {2, 3, 5}) {
            assertWithheld(row(rows, line), "line 4, a row of Cuba (CU; COW 40), could not be read", "Mend line 4");
        }
        assertWithheld(row(rows, 13), "line 12, a row of Egypt (EG; COW 651), could not be read");
        for (int line : new int[] {9, 10}) {
            assertThat(row(rows, line).get("outcome").asString()).isEqualTo("REJECTED");
            assertThat(row(rows, line).get("detail").asString()).as("line %s", line)
                    .contains("lines 9 and 10, rows of Türkiye (TR; COW 640), overlap with different statuses",
                            "1910-01-01");
        }
        assertWithheld(row(rows, 11), "lines 9 and 10, rows of Türkiye (TR; COW 640), overlap");
        for (int line : new int[] {6, 7, 8}) {
            assertThat(row(rows, line).get("outcome").asString()).as("Uganda's line %s", line).isNotEqualTo("REJECTED");
        }
        assertThat(job.get("outcomes").get("REJECTED").asInt()).isEqualTo(4);
        // read without the line it cannot read, Cuba's rows would have closed the legation for a gap in 1906 and
        // left relations from 1923 to 1961 unrecorded: nothing of Cuba's, Turkey's or Egypt's is recorded
        for (String country : List.of("CU", "TR", "EG")) {
            getJson("/api/relations/US/" + country).andExpect(jsonPath("$.status").value("NONE"));
            assertThat(total("/api/missions?sending=US&receiving=" + country)).as(country).isZero();
        }
        getJson("/api/relations/US/UG").andExpect(jsonPath("$.status").value("ESTABLISHED"));
        assertThat(rowsOf(job, "?flag=STATE_NOT_READ")).extracting(row -> row.get("line").asInt())
                .containsExactly(2, 3, 5, 11, 13);
    }

    private static void assertWithheld(JsonNode row, String... detail) {
        assertThat(row.get("outcome").asString()).as("line %s", row.get("line")).isEqualTo("NO_FACT");
        assertThat(row.get("flags")).extracting(JsonNode::asString).containsExactly("STATE_NOT_READ");
        assertThat(row.get("detail").asString()).startsWith("Not recorded: ").contains(detail);
    }

    @Test
    void aSeveranceRecordedWhereRelationsWentOnIsKeptAndTheRowSaysSo() throws Exception {
        // as an earlier release recorded Uganda's interests range: relations severed on 1973-11-10
        create("/api/relations/US/UG/events", "{\"type\": \"ESTABLISHED\", \"date\": \"1962-10-09\"}");
        long severance = create("/api/relations/US/UG/events", "{\"type\": \"SEVERED\", \"date\": \"1973-11-10\"}")
                .get("id").asLong();
        List<String> lines = lines();
        JsonNode job = importRows(lines.get(0) + "\n" + lines.stream()
                .filter(line -> line.startsWith("UGA,") && !line.contains("1962-10-09"))
                .collect(Collectors.joining("\n")) + "\n");

        JsonNode interests = row(rowsOf(job, ""), 2);
        assertThat(interests.get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
        assertThat(interests.get("flags")).extracting(JsonNode::asString)
                .contains("RELATIONS_NOT_INTERRUPTED", "DIFFERS_FROM_RECORDED");
        assertThat(interests.get("detail").asString()).startsWith("Kept as recorded: the severance (event " + severance + ")");
        assertThat(json(getJson("/api/relations/US/UG?asOf=1975-01-01")).get("status").asString()).isEqualTo("SEVERED");
    }

    @Test
    void aStatesLastRangeEndingEarlyClosesNothingWhileItsCountryGoesOn() throws Exception {
        importTheFile();
        List<String> lines = lines();
        long havana = json(getJson("/api/missions?sending=US&receiving=CU&status=OPEN")).get("content").get(0).get("id")
                .asLong();
        long bonn = json(getJson("/api/missions?sending=US&receiving=DE&status=OPEN")).get("content").get(0).get("id")
                .asLong();
        // the file cut after West Germany's rows, without Germany's that continue them; Cuba's rows ending in 2020
        String cut = lines.get(0) + "\n" + lines.stream()
                .filter(line -> line.startsWith("GFR,") || line.startsWith("CUB,"))
                .map(line -> line.replace("2015-07-20,2024-12-31,Embassy", "2015-07-20,2020-06-30,Embassy"))
                .collect(Collectors.joining("\n")) + "\n";

        JsonNode job = importRows(cut);

        JsonNode rows = rowsOf(job, "");
        JsonNode cuba = row(rows, 8); // the header, Cuba's seven lines, West Germany's
        assertThat(cuba.get("outcome").asString()).isEqualTo("ALREADY_PRESENT");
        assertThat(cuba.get("flags")).extracting(JsonNode::asString).contains("COUNTRY_GOES_ON")
                .doesNotContain("STATE_ENDED");
        assertThat(cuba.get("detail").asString()).contains("2020-06-30", "CU", "the mission is kept as recorded");
        JsonNode westGermany = row(rows, 9);
        assertThat(westGermany.get("flags")).extracting(JsonNode::asString).contains("COUNTRY_GOES_ON");
        getJson("/api/missions/" + havana).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.closedOn").isEmpty());
        getJson("/api/missions/" + bonn).andExpect(jsonPath("$.status").value("OPEN"));
        assertThat(job.get("outcomes").get("MERGED").asInt()).isZero();
    }

    private static List<String> lines() throws Exception {
        try (InputStream in = KenkelImportIntegrationTests.class.getResourceAsStream(FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Zambia's one row of the file, imported: the id of its embassy, open to the data's end. */
    private long zambiasEmbassyRecordedOpen() throws Exception {
        importRows(lines().get(0) + "\nZAM,551,Zambia,Zambia,1964-10-24,2024-12-31,Embassy\n");
        return json(getJson("/api/missions?sending=US&receiving=ZM&status=OPEN")).get("content").get(0).get("id")
                .asLong();
    }

    /** Zambia's row changed: the embassy ends with 2020 (line 2), a consulate follows from 2021 (line 3). */
    private JsonNode importZambiasEmbassyEndingBeforeAConsulate() throws Exception {
        return importRows(lines().get(0) + "\nZAM,551,Zambia,Zambia,1964-10-24,2020-12-31,Embassy"
                + "\nZAM,551,Zambia,Zambia,2021-01-01,2024-12-31,Consulate\n");
    }

    private JsonNode importRows(String file) throws Exception {
        JsonNode started = json(mvc.perform(post("/api/imports").param("format", "kenkel-us-missions")
                .contentType("text/csv").content(file).with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isAccepted()));
        return ImportJobs.awaitEnd(mvc, started.get("id").asLong(), Duration.ofMinutes(1));
    }

    private JsonNode rowsOf(JsonNode job, String query) throws Exception {
        return json(mvc.perform(get("/api/imports/" + job.get("id").asLong() + "/rows" + query
                + (query.isEmpty() ? "?" : "&") + "size=200").with(httpBasic("editor", "editor-secret")))).get("content");
    }

    private static JsonNode row(JsonNode rows, int line) {
        for (JsonNode row : rows) {
            if (row.get("line").asInt() == line) {
                return row;
            }
        }
        throw new AssertionError("no row of line " + line + " in " + rows);
    }

    private static List<String> openUsMissions(JsonNode relation) {
        List<String> open = new ArrayList<>();
        relation.get("missions").forEach(m -> {
            if (m.get("sendingCountry").asString().equals("US") && m.get("status").asString().equals("OPEN")) {
                open.add(m.get("type").asString());
            }
        });
        return open;
    }
}
