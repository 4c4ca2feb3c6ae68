package org.chancery.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class RelationApiIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private long record(String a, String b, String json) throws Exception {
        return create("/api/relations/{a}/{b}/events", json, a, b).get("id").asLong();
    }

    @Test
    void answersAPairWithoutEventsWithStatusNone() throws Exception {
        getJson("/api/relations/CU/KR")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.countries").value(contains("CU", "KR")))
                .andExpect(jsonPath("$.status").value("NONE"))
                .andExpect(jsonPath("$.since").value(nullValue()))
                .andExpect(jsonPath("$.consularStatus").value("NONE"))
                .andExpect(jsonPath("$.events").isEmpty());
    }

    @Test
    void listsADaysEventsInTheOrderTheRulesApplyThemConsularFirst() throws Exception {
        recordEvent("AD", "BT", "ESTABLISHED", "2000-01-01");
        recordEvent("AD", "BT", "SEVERED", "2015-05-05");
        recordEvent("AD", "BT", "CONSULAR_SEVERED", "2015-05-05");

        getJson("/api/relations/AD/BT")
                .andExpect(jsonPath("$.events[*].type").value(contains("ESTABLISHED", "CONSULAR_SEVERED", "SEVERED")));
        getJson("/api/relations/AD/BT/timeline")
                .andExpect(jsonPath("$.content[*].type").value(contains("ESTABLISHED", "CONSULAR_SEVERED", "SEVERED")));
    }

    @Test
    @DisplayName("the Cuba–South Korea story, recorded out of order and read in both orders of the pair")
    void recordsTheCubaSouthKoreaStory() throws Exception {
        postAsEditor("/api/relations/KR/CU/events", """
                {"type": "RESTORED", "date": "2024-02-14", "note": "Exchange of notes between the UN missions in New York",
                 "sources": [{"url": "https://www.cibercuba.com/noticias/cuba-corea-del-sur", "publisher": "CiberCuba",
                              "title": "Cuba and South Korea plan to open embassies as soon as possible", "publishedOn": "2024-04-17"}]}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RELATION_TRANSITION_INVALID"));
        record("CU", "KR", "{\"type\":\"ESTABLISHED\",\"date\":\"1949-03-01\",\"datePrecision\":\"YEAR\"}");
        record("kor", "cub", "{\"type\":\"SEVERED\",\"date\":\"1959-01-01\",\"datePrecision\":\"YEAR\"}");
        postAsEditor("/api/relations/KR/CU/events", """
                {"type": "RESTORED", "date": "2024-02-14", "note": "Exchange of notes",
                 "sources": [{"url": "https://www.cibercuba.com/x", "publisher": "CiberCuba", "publishedOn": "2024-04-17"}]}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/relations/CU/KR/events/")))
                .andExpect(jsonPath("$.type").value("RESTORED"))
                .andExpect(jsonPath("$.datePrecision").value("DAY"))
                .andExpect(jsonPath("$.sources[0].publishedOn").value("2024-04-17"))
                .andExpect(jsonPath("$.affectedMissions").isEmpty());

        getJson("/api/relations/KR/CU")
                .andExpect(jsonPath("$.countries").value(contains("CU", "KR")))
                .andExpect(jsonPath("$.status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.since").value("2024-02-14"))
                .andExpect(jsonPath("$.consularStatus").value("ESTABLISHED"))
                .andExpect(jsonPath("$.events[*].type").value(contains("ESTABLISHED", "SEVERED", "RESTORED")))
                .andExpect(jsonPath("$.events[0].date").value("1949-01-01"))
                .andExpect(jsonPath("$.events[0].datePrecision").value("YEAR"));
        getJson("/api/relations/CU/KR?asOf=1970-01-01")
                .andExpect(jsonPath("$.status").value("SEVERED"))
                .andExpect(jsonPath("$.since").value("1959-01-01"))
                .andExpect(jsonPath("$.events", hasSize(2)));
        getJson("/api/relations/CU/KR?asOf=1900-01-01")
                .andExpect(jsonPath("$.status").value("NONE"))
                .andExpect(jsonPath("$.events").isEmpty());
    }

    @Test
    void refusesInvalidEvents() throws Exception {
        postAsEditor("/api/relations/CU/CU/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2024-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("SAME_COUNTRY"));
        postAsEditor("/api/relations/CU/ZZ/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2024-01-01\"}")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("NOT_FOUND"));
        postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2026-06-02\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("DATE_IN_FUTURE"));
        postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"ESTABLISHED\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2024-02-30\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"));
        postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2024-01-01\",\"datePrecision\":\"WEEK\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("datePrecision"));
        postAsEditor("/api/relations/CU/KR/events", """
                {"type":"ESTABLISHED","date":"2024-01-01","sources":[{"url":"ftp://example.org/x"}]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sources[0].url"));
        postAsEditor("/api/relations/CU/KR/events", """
                {"type":"ESTABLISHED","date":"2024-01-01","sources":[{"url":"/relative"}]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        getJson("/api/relations/CU/KR").andExpect(jsonPath("$.events").isEmpty());
    }

    @Test
    void keepsASourcesBlankPublisherOrTitleAsNotKnownAndTheOthersWithoutTheSpaceAroundThem() throws Exception {
        // as every other optional text: blank is not known (null), not a value a CSV could not tell from null
        postAsEditor("/api/relations/CU/KR/events", """
                {"type": "ESTABLISHED", "date": "1949-03-01", "sources": [
                  {"url": "https://example.org/a", "publisher": "  CiberCuba ", "title": ""},
                  {"url": "https://example.org/b", "publisher": " ", "title": "  A title\\t"}]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sources[0].publisher").value("CiberCuba"))
                .andExpect(jsonPath("$.sources[0].title").value(nullValue()))
                .andExpect(jsonPath("$.sources[1].publisher").value(nullValue()))
                .andExpect(jsonPath("$.sources[1].title").value("A title"));
        getJson("/api/relations/CU/KR").andExpect(jsonPath("$.events[0].sources[0].title").value(nullValue()))
                .andExpect(jsonPath("$.events[0].sources[1].title").value("A title"));
    }

    @Test
    @DisplayName("R1: a refused first event of a pair leaves nothing behind, not even the pair's row")
    void aRefusedFirstEventOfAPairLeavesNoTrace() throws Exception {
        postAsEditor("/api/relations/FR/KR/events", "{\"type\":\"SEVERED\",\"date\":\"1980-08-03\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("RELATION_TRANSITION_INVALID"));

        assertThat(jdbc.queryForObject("select count(*) from relation", Integer.class)).isZero();
        record("FR", "KR", "{\"type\":\"ESTABLISHED\",\"date\":\"1959-01-01\"}");
        assertThat(jdbc.queryForObject("select count(*) from relation", Integer.class)).isOne();
    }

    @Test
    @DisplayName("R1: deleting an event is refused when the rest would break the state machine")
    void deletesEventsOnlyIfTheHistoryStaysValid() throws Exception {
        long established = record("CU", "KR", "{\"type\":\"ESTABLISHED\",\"date\":\"1949-01-01\"}");
        long severed = record("CU", "KR", "{\"type\":\"SEVERED\",\"date\":\"1959-01-01\"}");
        long restored = record("CU", "KR", "{\"type\":\"RESTORED\",\"date\":\"2024-02-14\"}");

        deleteAsEditor("/api/relations/CU/KR/events/{id}", severed)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("RELATION_TRANSITION_INVALID"))
                .andExpect(jsonPath("$.detail").value("Without SEVERED on 1959-01-01 (event " + severed
                        + "), RESTORED on 2024-02-14 (event " + restored + ") cannot follow diplomatic status "
                        + "ESTABLISHED (since 1949-01-01)."));
        deleteAsEditor("/api/relations/US/CU/events/{id}", restored)
                .andExpect(status().isNotFound());
        deleteAsEditor("/api/relations/CU/KR/events/{id}", restored).andExpect(status().isNoContent());
        deleteAsEditor("/api/relations/CU/KR/events/{id}", restored).andExpect(status().isNotFound());
        getJson("/api/relations/CU/KR").andExpect(jsonPath("$.status").value("SEVERED"));
        getJson("/api/relations/CU/KR/events/{id}", established).andExpect(jsonPath("$.type").value("ESTABLISHED"));
    }

    @Test
    void listsRelationSummariesByCountryAndStatus() throws Exception {
        record("CU", "KR", "{\"type\":\"ESTABLISHED\",\"date\":\"2024-02-14\"}");
        record("CU", "KP", "{\"type\":\"ESTABLISHED\",\"date\":\"1960-01-01\"}");
        record("US", "CU", "{\"type\":\"ESTABLISHED\",\"date\":\"1902-05-20\"}");
        record("US", "CU", "{\"type\":\"SEVERED\",\"date\":\"1961-01-03\"}");
        record("FR", "DE", "{\"type\":\"ESTABLISHED\",\"date\":\"1951-01-01\"}");

        getJson("/api/relations?country=cub")
                .andExpect(jsonPath("$.content[*].countries[1]").value(contains("KP", "KR", "US")))
                .andExpect(jsonPath("$.page.totalElements").value(3));
        getJson("/api/relations?country=CU&status=ESTABLISHED")
                .andExpect(jsonPath("$.content", hasSize(2)))
                .andExpect(jsonPath("$.content[0].since").value("1960-01-01"))
                .andExpect(jsonPath("$.content[0].consularStatus").value("ESTABLISHED"));
        getJson("/api/relations?status=SEVERED")
                .andExpect(jsonPath("$.content[0].countries").value(contains("CU", "US")));
        getJson("/api/relations?size=2&page=1")
                .andExpect(jsonPath("$.content", hasSize(2)))
                .andExpect(jsonPath("$.page.number").value(1))
                .andExpect(jsonPath("$.page.totalPages").value(2));
        getJson("/api/relations?sort=since,desc")
                .andExpect(jsonPath("$.content[0].since").value("2024-02-14"));
        getJson("/api/relations?country=XY")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
    }

    @Test
    void refusesWritesWithoutTheEditorRole() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/relations/CU/KR/events").contentType("application/json").content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHORIZED"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .delete("/api/relations/CU/KR/events/1")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("reader", "reader-secret")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }
}
