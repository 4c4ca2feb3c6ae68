package org.chancery.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.ImportJobs;
import org.chancery.support.PostgresTestDatabase;
import org.chancery.support.QueryPlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The order of {@code GET /api/observations}: the ties of a requested order broken in its direction
 * (after a country the other country and the year, otherwise the year and the countries, the id
 * last), so that an index gives every order, the level's too. Read so, a page of the whole COW data
 * (310,000 observations) answered in milliseconds on H2 where it took seconds: H2 sorted every row
 * when the list was a derived table or its tie-breakers ran against the first order's direction.
 * The plans are asked of the database itself (H2's {@code EXPLAIN} says "index sorted"; PostgreSQL's,
 * with sorting discouraged, has no sort), in the PostgreSQL run on PostgreSQL.
 */
class ObservationListOrderIntegrationTests extends ApiIntegrationTest {

    /** The U.S., Cuba, the United Kingdom and Hanover, in pairs observed in the same years. */
    private static final String FILE = ObservationApiIntegrationTests.FILE
            + "2,200,1950,3,3,1,2006.0999755859375\n"
            + "2,200,1970,3,3,1,2006.0999755859375\n"
            + "40,200,1950,2,1,1,2006.0999755859375\n"
            + "40,200,1970,0,0,0,2006.0999755859375\n";

    private static final Comparator<JsonNode> BY_YEAR = Comparator.comparing((JsonNode row) -> row.get("year").asInt())
            .thenComparing(row -> row.get("sendingCountry").asString())
            .thenComparing(row -> row.get("receivingCountry").asString())
            .thenComparing(row -> row.get("id").asLong());

    private static final Comparator<JsonNode> BY_SENDING = Comparator
            .comparing((JsonNode row) -> row.get("sendingCountry").asString())
            .thenComparing(row -> row.get("receivingCountry").asString())
            .thenComparing(row -> row.get("year").asInt())
            .thenComparing(row -> row.get("id").asLong());

    private static final Comparator<JsonNode> BY_RECEIVING = Comparator
            .comparing((JsonNode row) -> row.get("receivingCountry").asString())
            .thenComparing(row -> row.get("sendingCountry").asString())
            .thenComparing(row -> row.get("year").asInt())
            .thenComparing(row -> row.get("id").asLong());

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void importObservations() throws Exception {
        JsonNode job = json(mvc.perform(post("/api/imports").param("format", "cow-diplomatic-exchange")
                .contentType("text/csv").content(FILE.getBytes(StandardCharsets.UTF_8))
                .with(httpBasic("admin", "admin-secret"))).andExpect(status().isAccepted()));
        assertThat(ImportJobs.awaitEnd(mvc, job.get("id").asLong()).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void breaksTheTiesOfEachOrderInItsDirection() throws Exception {
        assertThat(list("")).hasSize(16).isSortedAccordingTo(BY_YEAR);
        assertThat(list("&sort=year,desc")).isSortedAccordingTo(BY_YEAR.reversed());
        assertThat(list("&sort=sendingCountry")).isSortedAccordingTo(BY_SENDING);
        assertThat(list("&sort=sendingCountry,desc")).isSortedAccordingTo(BY_SENDING.reversed());
        assertThat(list("&sort=receivingCountry")).isSortedAccordingTo(BY_RECEIVING);
        assertThat(list("&sort=receivingCountry,desc")).isSortedAccordingTo(BY_RECEIVING.reversed());
        assertThat(list("&sort=id,desc")).isSortedAccordingTo(
                Comparator.comparing((JsonNode row) -> row.get("id").asLong()).reversed());
        assertThat(list("&level=NONE")).hasSizeGreaterThan(1).isSortedAccordingTo(BY_YEAR)
                .allSatisfy(row -> assertThat(row.get("level").asString()).isEqualTo("NONE"));
        assertThat(list("&level=NONE&sort=year,desc")).hasSizeGreaterThan(1).isSortedAccordingTo(BY_YEAR.reversed());
        assertThat(list("&level=NONE&sort=sendingCountry")).hasSizeGreaterThan(1).isSortedAccordingTo(BY_SENDING);
        assertThat(list("&level=NONE&sort=receivingCountry,desc")).hasSizeGreaterThan(1)
                .isSortedAccordingTo(BY_RECEIVING.reversed())
                .allSatisfy(row -> assertThat(row.get("level").asString()).isEqualTo("NONE"));
        assertThat(list("&dataset=COW-DE 2006.1&sort=id,desc")).hasSize(16).isSortedAccordingTo(
                Comparator.comparing((JsonNode row) -> row.get("id").asLong()).reversed());
        assertThat(list("&dataset=COW-DE 2006.1&sort=level")).hasSize(16).isSortedAccordingTo(Comparator
                .comparing((JsonNode row) -> row.get("level").asString()).thenComparing(BY_YEAR));
        assertThat(list("&dataset=COW-DE 2006.1&sort=year,desc")).hasSize(16).isSortedAccordingTo(BY_YEAR.reversed());
        assertThat(list("&dataset=misspelled")).isEmpty();
    }

    @Test
    void keepsTheOrdersAClientNamesBeforeTheTieBreakers() throws Exception {
        assertThat(list("&sort=sendingCountry&sort=id")).isSortedAccordingTo(Comparator
                .comparing((JsonNode row) -> row.get("sendingCountry").asString())
                .thenComparing(row -> row.get("id").asLong()));
        assertThat(list("&sort=year,desc&sort=receivingCountry")).isSortedAccordingTo(Comparator
                .comparing((JsonNode row) -> row.get("year").asInt()).reversed()
                .thenComparing(row -> row.get("receivingCountry").asString())
                .thenComparing(Comparator.comparing((JsonNode row) -> row.get("sendingCountry").asString())
                        .reversed()));
        assertThat(list("&sort=level")).isSortedAccordingTo(Comparator
                .comparing((JsonNode row) -> row.get("level").asString()).thenComparing(BY_YEAR));
        assertThat(list("&country=US")).hasSize(12).isSortedAccordingTo(BY_YEAR);
        assertThat(list("&country=US&sort=receivingCountry,desc")).hasSize(12)
                .isSortedAccordingTo(BY_RECEIVING.reversed());
        getJson("/api/observations?country=US&size=5&page=1").andExpect(jsonPath("$.content.length()").value(5))
                .andExpect(jsonPath("$.page.totalElements").value(12));
        getJson("/api/observations?country=US&year=1950&size=1").andExpect(jsonPath("$.page.totalElements").value(4));
    }

    @Test
    void readsEveryOrderAlongAnIndex() throws Exception {
        for (String sort : List.of("", "&sort=year", "&sort=year,desc", "&sort=sendingCountry",
                "&sort=sendingCountry,desc", "&sort=receivingCountry", "&sort=receivingCountry,desc", "&sort=id",
                "&sort=id,desc", "&sort=level", "&sort=level,desc", "&level=NONE", "&level=NONE&sort=year,desc",
                "&level=NONE&sort=level,desc", "&year=1950&level=AMBASSADOR", "&dataset=COW-DE 2006.1",
                "&dataset=COW-DE 2006.1&sort=year,desc", "&dataset=misspelled", "&level=NONE&sort=sendingCountry",
                "&level=NONE&sort=receivingCountry,desc", "&level=NONE&sort=id,desc",
                "&dataset=COW-DE 2006.1&sort=id,desc", "&dataset=COW-DE 2006.1&sort=level",
                "&dataset=COW-DE 2006.1&level=NONE&sort=sendingCountry,desc")) {
            String page = pageStatement("/api/observations?size=3" + sort);
            // the filter's values written in, in the order of its conditions (year, level, dataset): PostgreSQL
            // explains no statement with parameters
            Matcher filter = Pattern.compile("year=(\\d+)|(?:level|dataset)=([^&]+)").matcher(sort);
            while (filter.find()) {
                String value = filter.group(1) != null ? filter.group(1)
                        : "'" + URLDecoder.decode(filter.group(2), StandardCharsets.UTF_8) + "'";
                page = page.replaceFirst("\\?", value);
            }

            assertThat(plan(page)).as(sort).satisfies(plan -> {
                if (PostgresTestDatabase.enabled()) {
                    assertThat(plan).doesNotContain("Sort");
                } else {
                    assertThat(plan).contains("/* index sorted */");
                }
                if (sort.contains("dataset=") && !sort.contains("level=") && !sort.matches(".*sort=(?!year).*")) {
                    // found by the dataset's index, not every row of another read to test its dataset
                    assertThat(plan).containsIgnoringCase("ix_observation_dataset");
                }
            });
        }
    }

    @Test
    void readsARareLevelOrADatasetNoRowHasByItsOwnIndexAlongWhichFewerRowsArePassedOver() throws Exception {
        // of the 16 observations, 7 are NONE (a page of 3 read along the order passes over about 3 / (7 / 16) = 7
        // rows, fewer than the 7 NONE's index finds), 4 AMBASSADOR (12 rows, more than its 4)
        assertThat(list("&level=AMBASSADOR&sort=receivingCountry,desc")).hasSize(4)
                .isSortedAccordingTo(BY_RECEIVING.reversed());
        // the choice is made on H2; PostgreSQL's planner weighs both itself
        if (!PostgresTestDatabase.enabled()) {
            assertThat(plan(pageStatement("/api/observations?size=3&level=NONE&sort=sendingCountry")
                    .replaceFirst("\\?", "'NONE'"))).containsIgnoringCase("ix_observation_sending");
            assertThat(plan(pageStatement("/api/observations?size=3&level=AMBASSADOR&sort=receivingCountry,desc")
                    .replaceFirst("\\?", "'AMBASSADOR'"))).containsIgnoringCase("ix_observation_level");
            assertThat(plan(pageStatement("/api/observations?size=3&dataset=misspelled&sort=id")
                    .replaceFirst("\\?", "'misspelled'"))).containsIgnoringCase("ix_observation_dataset");
        }
    }

    private List<JsonNode> list(String query) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        json(getJson("/api/observations?size=100" + query).andExpect(status().isOk())).get("content")
                .forEach(rows::add);
        return rows;
    }

    /** The statement of the page's rows that {@code url} runs (the count is the other). */
    private String pageStatement(String url) throws Exception {
        List<String> sql = statements.sql(() -> getJson(url).andExpect(status().isOk()));
        return sql.stream().filter(statement -> statement.contains(" offset ")).findFirst().orElseThrow();
    }

    private String plan(String sql) {
        return QueryPlans.of(jdbc, sql);
    }
}
