package org.chancery.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** The relation list as of a day (API.md 1.1). */
class RelationListAsOfIntegrationTests extends ApiIntegrationTest {

    @Test
    void givesEachPairsStateAtTheEndOfTheDayAndTodayWithoutAsOf() throws Exception {
        recordEvent("CU", "KR", "ESTABLISHED", "1949-01-01");
        recordEvent("CU", "KR", "SEVERED", "1959-01-01");
        recordEvent("CU", "KR", "RESTORED", "2024-02-14");

        getJson("/api/relations?asOf=1948-12-31").andExpect(jsonPath("$.content", hasSize(0)));
        getJson("/api/relations?asOf=1949-01-01").andExpect(jsonPath("$.content[0].status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.content[0].since").value("1949-01-01"));
        getJson("/api/relations?asOf=2024-02-13").andExpect(jsonPath("$.content[0].status").value("SEVERED"))
                .andExpect(jsonPath("$.content[0].since").value("1959-01-01"))
                .andExpect(jsonPath("$.content[0].consularStatus").value("ESTABLISHED"));
        getJson("/api/relations").andExpect(jsonPath("$.content[0].status").value("ESTABLISHED"))
                .andExpect(jsonPath("$.content[0].since").value("2024-02-14"));
        clock.setToday(LocalDate.of(2024, 2, 13));
        getJson("/api/relations").andExpect(jsonPath("$.content[0].status").value("SEVERED"));
    }

    @Test
    void saysHowWellEachPairsSinceIsKnownInTheListItsCsvAndTheView() throws Exception {
        create("/api/relations/CU/KP/events", "{\"type\":\"ESTABLISHED\",\"date\":\"1960-01-01\","
                + "\"datePrecision\":\"YEAR\"}");
        create("/api/relations/CU/KP/events", "{\"type\":\"CONSULAR_SEVERED\",\"date\":\"1970-03-02\"}");
        recordEvent("CU", "KR", "ESTABLISHED", "1949-01-01");
        recordEvent("CU", "US", "CONSULAR_ESTABLISHED", "1900-03-01");

        getJson("/api/relations?country=CU&asOf=2000-01-01&sort=countries")
                .andExpect(jsonPath("$.content[*].countries[1]").value(contains("KP", "KR", "US")))
                .andExpect(jsonPath("$.content[0].since").value("1960-01-01"))
                .andExpect(jsonPath("$.content[0].sincePrecision").value("YEAR"))
                .andExpect(jsonPath("$.content[1].sincePrecision").value("DAY"))
                .andExpect(jsonPath("$.content[2].sincePrecision").value(nullValue()));
        getJson("/api/relations/CU/KP?asOf=2000-01-01").andExpect(jsonPath("$.sincePrecision").value("YEAR"));
        getJson("/api/relations/CU/KP?asOf=1959-12-31").andExpect(jsonPath("$.sincePrecision").value(nullValue()));
        String csv = mvc.perform(get("/api/relations?country=CU&asOf=2000-01-01&sort=countries&format=csv"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines()).containsExactly("countries,status,since,sincePrecision,consularStatus",
                "CU;KP,ESTABLISHED,1960-01-01,YEAR,SEVERED", "CU;KR,ESTABLISHED,1949-01-01,DAY,ESTABLISHED",
                "CU;US,NONE,,,ESTABLISHED");
    }

    @Test
    void leavesOutThePairsOfACountryThatDidNotExistThatDay() throws Exception {
        recordEvent("DD", "US", "ESTABLISHED", "1974-09-04");
        recordEvent("DE", "US", "ESTABLISHED", "1955-05-05");

        getJson("/api/relations?country=US&asOf=1980-01-01")
                .andExpect(jsonPath("$.content[*].countries").value(contains(List.of("DD", "US"), List.of("DE", "US"))));
        getJson("/api/relations?country=US&asOf=1990-10-02").andExpect(jsonPath("$.page.totalElements").value(2));
        getJson("/api/relations?country=US&asOf=1990-10-03")
                .andExpect(jsonPath("$.content[*].countries").value(contains(List.of("DE", "US"))));
        getJson("/api/relations?country=US").andExpect(jsonPath("$.page.totalElements").value(1));
        getJson("/api/relations?country=DD").andExpect(jsonPath("$.page.totalElements").value(0));
        getJson("/api/relations/DD/US").andExpect(jsonPath("$.status").value("ESTABLISHED"));
    }

    @Test
    void filtersByCountryOnEitherSideAndByStatusSortsAndPages() throws Exception {
        recordEvent("AR", "US", "ESTABLISHED", "1823-12-12");
        recordEvent("US", "ZW", "ESTABLISHED", "1980-04-18");
        recordEvent("CU", "US", "ESTABLISHED", "1902-05-27");
        recordEvent("CU", "US", "SEVERED", "1961-01-03");
        recordEvent("AR", "CU", "ESTABLISHED", "1909-01-01");

        getJson("/api/relations?country=US&asOf=1990-01-01")
                .andExpect(jsonPath("$.content[*].countries[0]").value(contains("AR", "CU", "US")));
        getJson("/api/relations?country=US&asOf=1990-01-01&status=ESTABLISHED")
                .andExpect(jsonPath("$.content[*].countries[0]").value(contains("AR", "US")));
        getJson("/api/relations?country=US&asOf=1990-01-01&size=2&page=1&sort=since,desc")
                .andExpect(jsonPath("$.content[*].countries").value(contains(List.of("AR", "US"))))
                .andExpect(jsonPath("$.page.totalElements").value(3))
                .andExpect(jsonPath("$.page.totalPages").value(2));
        getJson("/api/relations?country=US&asOf=1990-01-01&size=2&page=4")
                .andExpect(jsonPath("$.content").value(empty()))
                .andExpect(jsonPath("$.page.totalElements").value(3));
        getJson("/api/relations?asOf=1990-01-01&sort=since,desc")
                .andExpect(jsonPath("$.content[*].since").value(contains("1980-04-18", "1961-01-03", "1909-01-01",
                        "1823-12-12")));
        getJson("/api/relations?asOf=1990-01-01&size=3&page=1")
                .andExpect(jsonPath("$.content[*].countries").value(contains(List.of("US", "ZW"))))
                .andExpect(jsonPath("$.page.totalElements").value(4))
                .andExpect(jsonPath("$.page.totalPages").value(2));
    }

    @Test
    void refusesABadDayStatusCountryOrSortAndSeveralCountries() throws Exception {
        getJson("/api/relations?asOf=1970-13-01").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        getJson("/api/relations?asOf=1500-01-01").andExpect(status().isBadRequest());
        getJson("/api/relations?status=FRIENDLY").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        getJson("/api/relations?country=QQ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        getJson("/api/relations?country=US,CU").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("country"))
                .andExpect(jsonPath("$.errors[0].message").value("takes one country; 'US,CU' names several"));
        getJson("/api/relations?country=US&country=CU").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                .andExpect(jsonPath("$.errors[0].field").value("country"))
                .andExpect(jsonPath("$.errors[0].message").value("is given more than once; it takes one value"));
        getJson("/api/relations?sort=id").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }
}
