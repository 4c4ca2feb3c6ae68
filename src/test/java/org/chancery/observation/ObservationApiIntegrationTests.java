package org.chancery.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.chancery.shared.DatabaseProduct;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.HeldRowLock;
import org.chancery.support.ImportJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Observations (API.md 1.1) imported from a small file of the cow-diplomatic-exchange format, and read. */
class ObservationApiIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DataSource dataSource;

    static final String HEADER = "\"ccode1\",\"ccode2\",\"year\",\"DR_at_1\",\"DR_at_2\",\"DE\",\"version\"\n";

    /** The U.S. and Cuba, and the U.S. and Hanover (a state no ISO code covers), as the real file has them. */
    static final String FILE = HEADER
            + "2,40,1950,9,9,1,2006.0999755859375\n"
            + "2,40,1970,0,0,0,2006.0999755859375\n"
            + "2,40,2005,0,0,0,2006.0999755859375\n"
            + "2,240,1840,0,2,1,2006.0999755859375\n"
            + "40,2,1950,9,9,1,2006.0999755859375\n"
            + "40,2,1970,0,0,0,2006.0999755859375\n"
            + "40,2,2005,0,0,0,2006.0999755859375\n"
            + "240,2,1840,2,0,1,2006.0999755859375\n";

    private JsonNode importFile(String csv) throws Exception {
        JsonNode job = json(mvc.perform(post("/api/imports").param("format", "cow-diplomatic-exchange")
                .contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8))
                .with(httpBasic("admin", "admin-secret"))).andExpect(status().isAccepted()));
        return ImportJobs.awaitEnd(mvc, job.get("id").asLong());
    }

    private JsonNode rows(JsonNode job) throws Exception {
        return json(mvc.perform(get("/api/imports/" + job.get("id").asLong() + "/rows")
                .with(httpBasic("editor", "editor-secret")))).get("content");
    }

    @Test
    void storesEachDirectionOfEachPairAndYearOnceAndMergesTheMirroredRows() throws Exception {
        JsonNode job = importFile(FILE);

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("outcomes").get("IMPORTED").asInt()).isEqualTo(4);
        assertThat(job.get("outcomes").get("MERGED").asInt()).isEqualTo(4);
        JsonNode reports = rows(job);
        assertThat(reports.get(4).get("detail").asString()).isEqualTo("Both directions were recorded by line 2.");
        assertThat(reports.get(3).get("facts").findValuesAsString("kind")).contains("country", "observation");

        getJson("/api/observations?size=100").andExpect(jsonPath("$.page.totalElements").value(8));
        getJson("/api/relations/US/CU/observations")
                .andExpect(jsonPath("$.content[0].year").value(1950))
                .andExpect(jsonPath("$.content[0].sendingCountry").value("CU"))
                .andExpect(jsonPath("$.content[0].level").value("OTHER"))
                .andExpect(jsonPath("$.content[0].rawCode").value("9"))
                .andExpect(jsonPath("$.content[0].dataset").value("COW-DE 2006.1"))
                .andExpect(jsonPath("$.content[0].importId").value(job.get("id").asLong()))
                .andExpect(jsonPath("$.content[0].line").value(2))
                .andExpect(jsonPath("$.content[1].line").value(2))
                .andExpect(jsonPath("$.content[2].line").value(3))
                .andExpect(jsonPath("$.content[1].sendingCountry").value("US"))
                .andExpect(jsonPath("$.content[2].year").value(1970))
                .andExpect(jsonPath("$.content[2].level").value("NONE"));
        getJson("/api/countries/XH").andExpect(jsonPath("$.name").value("Kingdom of Hanover"))
                .andExpect(jsonPath("$.endedOn").value("1866-07-26"))
                .andExpect(jsonPath("$.sources[1].url")
                        .value("https://correlatesofwar.org/data-sets/diplomatic-exchange/"))
                .andExpect(jsonPath("$.sources[1].title").value("Bayer, Diplomatic Exchange Data set, v2006.1, line "
                        + reports.get(3).get("line").asInt()));
        getJson("/api/observations?country=US&direction=SENDING&year=1840")
                .andExpect(jsonPath("$.content[0].receivingCountry").value("XH"))
                .andExpect(jsonPath("$.content[0].level").value("ENVOY"))
                .andExpect(jsonPath("$.content[0].receivingDatasetCode").value("240"));
        getJson("/api/observations?country=US&direction=RECEIVING&level=NONE&year=1840")
                .andExpect(jsonPath("$.content[0].sendingCountry").value("XH"));
        getJson("/api/observations?country=US&direction=RECEIVING&level=ENVOY")
                .andExpect(jsonPath("$.page.totalElements").value(0));
        getJson("/api/observations?country=US").andExpect(jsonPath("$.page.totalElements").value(8));
    }

    @Test
    void aPagesTotalIsTheNumberOfObservationsItsFilterKeepsForEveryFilter() throws Exception {
        importFile(FILE);
        importFile(HEADER + "2,200,1970,3,3,1,2006.1\n" + "20,2,1970,2,2,1,2006.1\n" + "20,200,1980,0,3,1,2006.1\n");
        String[] countries = {null, "US", "CU", "GB", "XH", "FR"};
        String[] directions = {null, "SENDING", "RECEIVING"};
        Integer[] years = {null, 1840, 1970, 1999};
        String[] levels = {null, "NONE", "ENVOY", "AMBASSADOR"};
        String[] datasets = {null, "COW-DE 2006.1", "COW-DE 1999"};
        int checked = 0;
        for (String country : countries) {
            for (String direction : country == null ? new String[] {null} : directions) {
                for (Integer year : years) {
                    for (String level : levels) {
                        for (String dataset : datasets) {
                            StringBuilder query = new StringBuilder("/api/observations?size=1");
                            StringBuilder where = new StringBuilder("1 = 1");
                            List<Object> values = new ArrayList<>();
                            if (country != null) {
                                query.append("&country=").append(country);
                                where.append(direction == null ? " and ? in (sending_country, receiving_country)"
                                        : direction.equals("SENDING") ? " and sending_country = ?"
                                                : " and receiving_country = ?");
                                values.add(country);
                            }
                            if (direction != null) {
                                query.append("&direction=").append(direction);
                            }
                            if (year != null) {
                                query.append("&year=").append(year);
                                where.append(" and observed_year = ?");
                                values.add(year);
                            }
                            if (level != null) {
                                query.append("&level=").append(level);
                                where.append(" and observation_level = ?");
                                values.add(level);
                            }
                            if (dataset != null) {
                                query.append("&dataset=").append(dataset);
                                where.append(" and dataset = ?");
                                values.add(dataset);
                            }
                            long kept = jdbc.queryForObject("select count(*) from observation where " + where,
                                    Long.class, values.toArray());
                            // a second page, so that a full first one does not tell the total without counting
                            JsonNode page = json(getJson(query + "&page=1").andExpect(status().isOk())).get("page");
                            assertThat(page.get("totalElements").asLong()).as(query.toString()).isEqualTo(kept);
                            checked += kept > 1 ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertThat(checked).as("filters keeping more than one observation").isGreaterThan(40);
    }

    @Test
    void summarizesACountrysObservationsPerYearAndLevel() throws Exception {
        importFile(FILE);

        JsonNode abroad = json(getJson("/api/observations/summary?country=USA&direction=SENDING"));
        assertThat(abroad).extracting(year -> year.get("year").asInt()).containsExactly(1840, 1950, 1970, 2005);
        assertThat(abroad.get(0).get("counts").get("ENVOY").asLong()).isEqualTo(1);
        assertThat(abroad.get(0).get("counts").get("AMBASSADOR").asLong()).isZero();
        assertThat(abroad.get(1).get("counts").get("OTHER").asLong()).isEqualTo(1);
        JsonNode atHome = json(getJson("/api/observations/summary?country=US&direction=RECEIVING"));
        assertThat(atHome.get(0).get("counts").get("NONE").asLong()).isEqualTo(1);
        JsonNode either = json(getJson("/api/observations/summary?country=US"));
        assertThat(either).as("both sides, as the list without a direction").extracting(year -> {
            long observed = 0;
            for (JsonNode count : year.get("counts")) {
                observed += count.asLong();
            }
            return observed;
        }).containsExactly(2L, 2L, 2L, 2L);
        assertThat(either.get(0).get("counts").get("ENVOY").asLong() + either.get(0).get("counts").get("NONE").asLong())
                .isEqualTo(abroad.get(0).get("counts").get("ENVOY").asLong() + atHome.get(0).get("counts").get("NONE").asLong());
        JsonNode cuba = json(getJson("/api/observations/summary?country=CU"));
        assertThat(cuba).as("Cuba's years only, both sides").extracting(year -> year.get("year").asInt())
                .containsExactly(1950, 1970, 2005);
        assertThat(cuba.get(0).get("counts").get("OTHER").asLong()).isEqualTo(2);
        JsonNode everyone = json(getJson("/api/observations/summary"));
        assertThat(everyone).extracting(year -> year.get("year").asInt()).containsExactly(1840, 1950, 1970, 2005);
        assertThat(json(getJson("/api/observations/summary?direction=RECEIVING"))).as("every observation once")
                .isEqualTo(everyone);
        assertThat(everyone).extracting(year -> year.get("counts").get("NONE").asLong() + year.get("counts").get("ENVOY")
                .asLong() + year.get("counts").get("OTHER").asLong()).containsExactly(2L, 2L, 2L, 2L);
        getJson("/api/observations/summary?country=US&format=csv").andExpect(status().isOk());
        String csv = mvc.perform(get("/api/observations/summary?country=US&direction=SENDING").accept("text/csv")).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst()).hasValue(
                "year,counts.NONE,counts.CHARGE_D_AFFAIRES,counts.ENVOY,counts.AMBASSADOR,counts.OTHER");
        assertThat(csv.lines().toList()).contains("1950,0,0,0,0,1");
        String all = mvc.perform(get("/api/observations?format=csv")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(all.lines()).hasSize(9);
    }

    @Test
    void showsTheLatestObservationsBesideTheFactsOfTheRelationView() throws Exception {
        importFile(FILE);
        recordEvent("CU", "US", "ESTABLISHED", "1902-05-27");

        getJson("/api/relations/US/CU?asOf=1975-06-01")
                .andExpect(jsonPath("$.status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.events.length()").value(1))
                .andExpect(jsonPath("$.latestObservations[0].year").value(1970))
                .andExpect(jsonPath("$.latestObservations[1].year").value(1970));
        getJson("/api/relations/US/CU?asOf=1949-01-01").andExpect(jsonPath("$.latestObservations.length()").value(0));
        getJson("/api/relations/US/CU/timeline").andExpect(jsonPath("$.content.length()").value(1));
    }

    @Test
    void showsTheHigherLevelOfTwoObservationsOfOneYearThatTwoStatesOfTheDatasetGiveOneCountry() throws Exception {
        // Germany (255) and West Germany (260) are both DE in 1990, the year of the unification; the real file
        // has ambassadors with Germany and no one with West Germany, West Germany's rows imported last
        importFile(HEADER
                + "2,255,1990,3,3,1,2006.0999755859375\n"
                + "255,2,1990,3,3,1,2006.0999755859375\n"
                + "2,260,1990,0,0,0,2006.0999755859375\n"
                + "260,2,1990,0,0,0,2006.0999755859375\n");

        JsonNode latest = json(getJson("/api/relations/US/DE?asOf=1992-06-01")).get("latestObservations");

        assertThat(latest).hasSize(2);
        assertThat(latest).extracting(o -> o.get("year").asInt()).containsOnly(1990);
        assertThat(latest).extracting(o -> o.get("level").asString()).containsOnly("AMBASSADOR");
        assertThat(latest).extracting(o -> o.get("sendingCountry").asString()).containsExactlyInAnyOrder("US", "DE");
    }

    @Test
    void showsTheHighestLevelOfFourObservationsOfOneYearWhereBothCountriesAreTwoStatesOfTheDataset() throws Exception {
        // in 1990 Germany (255) and West Germany (260) are DE, Yemen (679) and North Yemen (678) YE: four
        // observations of each direction, the ambassadors' imported first (only the newest two were compared)
        importFile(HEADER
                + "255,679,1990,3,3,1,2006.0999755859375\n"
                + "679,255,1990,3,3,1,2006.0999755859375\n"
                + "255,678,1990,0,0,0,2006.0999755859375\n"
                + "678,255,1990,0,0,0,2006.0999755859375\n"
                + "260,679,1990,0,0,0,2006.0999755859375\n"
                + "679,260,1990,0,0,0,2006.0999755859375\n"
                + "260,678,1990,0,0,0,2006.0999755859375\n"
                + "678,260,1990,0,0,0,2006.0999755859375\n");

        JsonNode latest = json(getJson("/api/relations/DE/YE?asOf=1992-06-01")).get("latestObservations");

        assertThat(latest).extracting(o -> o.get("sendingCountry").asString()).containsExactly("DE", "YE");
        assertThat(latest).extracting(o -> o.get("year").asInt()).containsOnly(1990);
        assertThat(latest).extracting(o -> o.get("level").asString()).containsOnly("AMBASSADOR");
        assertThat(latest).extracting(o -> o.get("sendingDatasetCode").asString()).containsExactly("255", "679");
    }

    @Test
    void rejectsRowsThatDisagreeWithTheirMirrorNameAnUnknownStateOrOneCountryTwiceOrAYearOutsideTheStateSystemOrContradictTheirExchange() throws Exception {
        JsonNode job = importFile(HEADER
                + "2,40,1950,9,9,1,2006.1\n"
                + "40,2,1950,3,9,1,2006.1\n"
                + "2,7,1950,0,0,0,2006.1\n"
                + "2,41,1970,3,0,0,2006.1\n"
                + "2,41,x,0,0,0,2006.1\n"
                + "2,41,1970,5,0,0,2006.1\n"
                + "2,41,3000,0,0,0,2006.1\n"
                + "2,41,1700,0,0,0,2006.1\n"
                + "255,260,1990,3,2,1,2006.1\n"
                + "2,41,1975,3,0,,2006.1\n");

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode reports = rows(job);
        assertThat(reports).extracting(r -> r.get("outcome").asString()).containsExactly("IMPORTED", "REJECTED",
                "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED");
        assertThat(reports.get(9).get("detail").asString())
                .contains("DE: is empty but the levels 3 and 0 in 1975 say 1");
        assertThat(reports.get(6).get("detail").asString()).contains("year: is 3000").contains("to this year, 2026");
        assertThat(reports.get(8).get("detail").asString()).contains("ccode2: is COW state 260, recorded as DE as "
                + "ccode1, COW state 255, is");
        assertThat(reports.get(7).get("detail").asString()).contains("year: is 1700");
        assertThat(reports.get(1).get("detail").asString()).contains("DR_at_1 is 3 here, but line 2 of this import");
        assertThat(reports.get(2).get("detail").asString()).contains("crosswalk does not know: 7");
        assertThat(reports.get(3).get("detail").asString()).contains("DE: is 0 but the levels 3 and 0 in 1970 say 1");
        getJson("/api/observations").andExpect(jsonPath("$.page.totalElements").value(2));
    }

    @Test
    void rejectsTheRowsOfAStateWhoseCodesAnAdministratorGaveAnotherCountry() throws Exception {
        // Hanover is XH, XHN in the crosswalk: a country holds its alpha-2 code as another state
        postAsAdmin("/api/countries", "{\"code\": \"XH\", \"alpha3\": \"XHX\", \"name\": \"Xanadu\"}")
                .andExpect(status().isCreated());
        JsonNode job = importFile(FILE);

        JsonNode reports = rows(job);
        assertThat(reports).extracting(r -> r.get("outcome").asString()).containsExactly("IMPORTED", "IMPORTED",
                "IMPORTED", "REJECTED", "MERGED", "MERGED", "MERGED", "REJECTED");
        assertThat(reports.get(3).get("code").asString()).isEqualTo("ALREADY_EXISTS");
        assertThat(reports.get(3).get("detail").asString()).isEqualTo("The country XH (XHX) is Xanadu, not Kingdom "
                + "of Hanover (XH, XHN), the state the data names as 240: its facts are not recorded as another "
                + "state's.");

        // Austria-Hungary is XA, XAH: a country holds the alpha-3 code, so that the state could not be created
        postAsAdmin("/api/countries", "{\"code\": \"QX\", \"alpha3\": \"XAH\", \"name\": \"Xanadu East\"}")
                .andExpect(status().isCreated());
        JsonNode again = importFile(HEADER + "2,300,1840,0,2,1,2006.0999755859375\n");

        assertThat(again.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(rows(again).get(0).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(rows(again).get(0).get("detail").asString()).startsWith("The country QX (XAH) is Xanadu East, not "
                + "Austria-Hungary (XA, XAH)");
        getJson("/api/countries/XA").andExpect(status().isNotFound());
        getJson("/api/observations?country=XH").andExpect(jsonPath("$.page.totalElements").value(0));
        getJson("/api/observations").andExpect(jsonPath("$.page.totalElements").value(6));
    }

    @Test
    void saysOfARepeatedRowOnlyWhatItsRecordedDirectionsShowAndReadsCodesInAsciiDigitsOnly() throws Exception {
        JsonNode job = importFile(HEADER
                + "2,41,1970,3,3,1,2006.1\n"
                + "2,41,1970,3,3,1,2006.1\n"
                + "2,41,1970,2,3,1,2006.1\n"
                + "\u0662,41,1971,3,3,1,2006.1\n"
                + "+2,41,1972,3,3,1,2006.1\n"
                + "2,41,+1973,3,3,1,2006.1\n"
                + "2,41,99999999999,3,3,1,2006.1\n");

        JsonNode reports = rows(job);
        assertThat(reports).extracting(r -> r.get("outcome").asString()).containsExactly("IMPORTED", "MERGED",
                "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED");
        assertThat(reports.get(1).get("detail").asString()).isEqualTo("Both directions were recorded by line 2.");
        assertThat(reports.get(2).get("detail").asString())
                .contains("DR_at_1 is 2 here, but line 2 of this import, recorded 3").doesNotContain("mirror");
        assertThat(reports.get(3).get("detail").asString()).contains("ccode1: is not an integer");
        assertThat(reports.get(4).get("detail").asString()).contains("ccode1: is not an integer");
        assertThat(reports.get(5).get("detail").asString()).contains("year: is not an integer");
        assertThat(reports.get(6).get("detail").asString()).contains("year: is out of range: '99999999999' (a code or "
                + "year of the data set has at most nine digits)");
        getJson("/api/observations").andExpect(jsonPath("$.page.totalElements").value(2));
    }

    @Test
    void readsTheVersionAsADecimalAsWrittenNotAsJavaReadsANumber() throws Exception {
        JsonNode job = importFile(HEADER
                + "2,41,1970,3,3,1,2006.0999755859375\n"
                + "2,41,1971,3,3,1, 2006.1 \n"
                + "2,41,1972,3,3,1,2006.1d\n"
                + "2,41,1973,3,3,1,2006.1f\n"
                + "2,41,1974,3,3,1,0x1.f5866p10\n"
                + "2,41,1975,3,3,1,2004.1\n");

        JsonNode reports = rows(job);
        assertThat(reports).extracting(r -> r.get("outcome").asString()).containsExactly("IMPORTED", "IMPORTED",
                "REJECTED", "REJECTED", "REJECTED", "REJECTED");
        assertThat(reports.get(2).get("detail").asString()).contains("version: is '2006.1d', not 2006.1");
        assertThat(reports.get(4).get("detail").asString()).contains("version: is '0x1.f5866p10', not 2006.1");
    }

    @Test
    void refreshesThePlannersStatisticsOnPostgresqlOnceAJobHasWrittenAThousandObservations() throws Exception {
        StringBuilder file = new StringBuilder(HEADER);
        int[][] pairs = {{2, 20}, {2, 200}, {2, 220}, {20, 200}, {20, 220}};
        for (int[] pair : pairs) {
            for (int year = 1900; year <= 2005; year++) {
                file.append(pair[0]).append(',').append(pair[1]).append(',').append(year).append(",0,0,0,2006.1\n");
            }
        }
        JsonNode job = importFile(file.toString());

        assertThat(job.get("outcomes").get("IMPORTED").asInt()).isEqualTo(pairs.length * 106);
        long observations = jdbc.queryForObject("select count(*) from observation", Long.class);
        assertThat(observations).isEqualTo(2L * pairs.length * 106).isGreaterThanOrEqualTo(1000);
        if (Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgres))) {
            // analysed once the batch was written: the planner counts the rows the table has
            assertThat(jdbc.queryForObject("select reltuples from pg_class where oid = 'observation'::regclass",
                    Float.class))
                    .isEqualTo((float) observations);
        }
    }

    @Test
    void importingTheFileAgainAnswersAlreadyPresentForEveryRowAndCreatesNothing() throws Exception {
        importFile(FILE);
        JsonNode again = importFile(FILE);

        assertThat(again.get("outcomes").get("ALREADY_PRESENT").asInt()).isEqualTo(8);
        getJson("/api/observations").andExpect(jsonPath("$.page.totalElements").value(8));
        JsonNode summary = json(getJson("/api/observations/summary?country=US&direction=SENDING"));
        assertThat(summary.get(1).get("counts").get("OTHER").asLong()).as("counted once").isEqualTo(1);
    }

    @Test
    void rejectsTheRowsOfABatchThatAConcurrentWriteHeldUpPastTheLockTimeoutAndGoesOn() throws Exception {
        importFile(FILE);
        String later = HEADER + "2,200,1970,0,0,0,2006.1\n" + "2,220,1980,0,0,0,2006.1\n";

        JsonNode heldUp;
        // the year's counts of all countries, which the batch adds its observations to (a table locked for
        // maintenance holds it up the same way)
        try (HeldRowLock held = HeldRowLock.on(dataSource, "observation_summary",
                "direction = 'SENDING' and observed_year = 1970 and observation_level = 'NONE'")) {
            heldUp = importFile(later);
        }

        assertThat(heldUp.get("status").asString()).as("the job goes on past the batch").isEqualTo("SUCCEEDED");
        assertThat(heldUp.get("outcomes").get("REJECTED").asInt()).isEqualTo(2);
        JsonNode reports = rows(heldUp);
        assertThat(reports.findValuesAsString("code")).containsExactly("CONCURRENT_MODIFICATION",
                "CONCURRENT_MODIFICATION");
        assertThat(reports.get(0).get("detail").asString()).contains("run the file again");
        getJson("/api/observations").andExpect(jsonPath("$.page.totalElements").value(8));

        JsonNode again = importFile(later);
        assertThat(again.get("outcomes").get("IMPORTED").asInt()).isEqualTo(2);
        getJson("/api/observations").andExpect(jsonPath("$.page.totalElements").value(12));
    }

    @Test
    void skipsBlankLinesBeforeTheHeaderAsAfterItAndReportsTheRowsAtTheirLines() throws Exception {
        JsonNode job = importFile("\r\n\n" + FILE.replace("\n40,2,1950", "\n\n40,2,1950"));

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("rowsTotal").asInt()).isEqualTo(8);
        assertThat(rows(job).findValues("line")).extracting(JsonNode::asInt)
                .containsExactly(4, 5, 6, 7, 9, 10, 11, 12);
    }

    @Test
    void refusesAFileThatIsNotTheFormatAndBadFilters() throws Exception {
        mvc.perform(post("/api/imports").param("format", "cow-diplomatic-exchange").contentType("text/csv")
                .content("ccode1,ccode2,year\n2,40,1950\n").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("header")));
        getJson("/api/observations?direction=UP").andExpect(status().isBadRequest());
        getJson("/api/observations?country=QQ").andExpect(status().isBadRequest());
        getJson("/api/observations?year=abc").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        getJson("/api/observations?sort=dataset").andExpect(status().isBadRequest());
        getJson("/api/relations/US/US/observations").andExpect(status().isBadRequest());
        for (String summary : List.of("/api/observations/summary?sort=year,desc", "/api/observations/summary?sort=bogus",
                "/api/observations/summary?format=csv&sort=year")) {
            getJson(summary).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                    .andExpect(jsonPath("$.errors[0].field").value("sort"));
        }
        getJson("/api/observations/summary?sort=").andExpect(status().isOk());
    }
}
