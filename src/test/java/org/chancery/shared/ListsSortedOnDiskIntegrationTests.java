package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.ImportJobs;
import org.chancery.support.PostgresTestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The lists on an H2 file database that keeps every sorted result of more than two rows on disk
 * ({@code MAX_MEMORY_ROWS=2}), as a file database with a 256 MB heap keeps those of more than ten
 * thousand (every relation of the world, every observation of the COW data): H2 breaks the rows of
 * such a result when its order names a column twice ({@link SqlOrder}), which the default orders of
 * the relation and observation lists did with their tie-breakers (a 500 for each page), and a client
 * could with {@code sort=x&sort=x}. In the PostgreSQL run, the same requests on PostgreSQL.
 */
@DisplayName("Lists sorted on disk by the database")
class ListsSortedOnDiskIntegrationTests extends ApiIntegrationTest {

    /** The U.S. and Cuba, and the U.S. and Hanover, in the cow-diplomatic-exchange format. */
    private static final String COW = """
            "ccode1","ccode2","year","DR_at_1","DR_at_2","DE","version"
            2,40,1950,9,9,1,2006.0999755859375
            2,40,1970,0,0,0,2006.0999755859375
            2,40,2005,0,0,0,2006.0999755859375
            2,240,1840,0,2,1,2006.0999755859375
            40,2,1950,9,9,1,2006.0999755859375
            40,2,1970,0,0,0,2006.0999755859375
            40,2,2005,0,0,0,2006.0999755859375
            240,2,1840,2,0,1,2006.0999755859375
            """;

    @DynamicPropertySource
    static void resultsKeptOnDisk(DynamicPropertyRegistry registry) {
        if (!PostgresTestDatabase.enabled()) {
            // one database for the class: the supplier is asked again each time the property is read
            String url = "jdbc:h2:file:./target/h2-results-on-disk/chancery-" + UUID.randomUUID()
                    + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_MEMORY_ROWS=2";
            registry.add("spring.datasource.url", () -> url);
        }
    }

    @Test
    void theRelationListAnswersInEachOrderAndPage() throws Exception {
        recordEvent("AR", "US", "ESTABLISHED", "1823-12-12");
        recordEvent("US", "ZW", "ESTABLISHED", "1980-04-18");
        recordEvent("CU", "US", "ESTABLISHED", "1902-05-27");
        recordEvent("CU", "US", "SEVERED", "1961-01-03");
        recordEvent("AR", "CU", "ESTABLISHED", "1909-01-01");

        getJson("/api/relations").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].countries").value(contains(List.of("AR", "CU"), List.of("AR", "US"),
                        List.of("CU", "US"), List.of("US", "ZW"))))
                .andExpect(jsonPath("$.page.totalElements").value(4));
        getJson("/api/relations?sort=since,desc").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].since").value(contains("1980-04-18", "1961-01-03", "1909-01-01",
                        "1823-12-12")));
        getJson("/api/relations?sort=status,desc&sort=countries&size=3").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].countries").value(contains(List.of("CU", "US"), List.of("AR", "CU"),
                        List.of("AR", "US"))))
                .andExpect(jsonPath("$.page.totalElements").value(4));
        getJson("/api/relations?sort=countries,desc").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].countries").value(contains(List.of("US", "ZW"), List.of("CU", "US"),
                        List.of("AR", "US"), List.of("AR", "CU"))));
        getJson("/api/relations?sort=countries,desc&sort=countries&size=3&page=1").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].countries").value(contains(List.of("AR", "CU"))))
                .andExpect(jsonPath("$.page.totalElements").value(4));
        getJson("/api/relations?asOf=1950-01-01&sort=consularStatus&sort=since&size=2&page=1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].since").value(contains("1909-01-01")))
                .andExpect(jsonPath("$.page.totalElements").value(3));
        getJson("/api/relations?country=US&sort=status&size=2").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].countries").value(contains(List.of("AR", "US"), List.of("US", "ZW"))))
                .andExpect(jsonPath("$.page.totalElements").value(3));
        getJson("/api/relations?size=2&page=7").andExpect(status().isOk())
                .andExpect(jsonPath("$.content").value(empty()))
                .andExpect(jsonPath("$.page.totalElements").value(4));
    }

    @Test
    void theObservationListsAnswerInEachOrderAndPage() throws Exception {
        JsonNode job = json(mvc.perform(post("/api/imports").param("format", "cow-diplomatic-exchange")
                .contentType("text/csv").content(COW.getBytes(StandardCharsets.UTF_8))
                .with(httpBasic("admin", "admin-secret"))).andExpect(status().isAccepted()));
        assertThat(ImportJobs.awaitEnd(mvc, job.get("id").asLong()).get("status").asString()).isEqualTo("SUCCEEDED");

        getJson("/api/observations").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].year").value(contains(1840, 1840, 1950, 1950, 1970, 1970, 2005, 2005)))
                .andExpect(jsonPath("$.page.totalElements").value(8));
        getJson("/api/observations?sort=year,desc&sort=year&sort=sendingCountry&size=3").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].year").value(contains(2005, 2005, 1970)))
                .andExpect(jsonPath("$.content[*].sendingCountry").value(contains("CU", "US", "CU")));
        getJson("/api/observations?sort=id&size=3&page=2").andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(2))
                .andExpect(jsonPath("$.page.totalElements").value(8));
        getJson("/api/observations?country=US&sort=receivingCountry,desc&sort=year").andExpect(status().isOk())
                .andExpect(jsonPath("$.page.totalElements").value(8));
        getJson("/api/relations/US/CU/observations?size=4&page=1").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].year").value(contains(2005, 2005)))
                .andExpect(jsonPath("$.page.totalElements").value(6));
        getJson("/api/relations/US/CU/observations?size=4&page=3").andExpect(status().isOk())
                .andExpect(jsonPath("$.content").value(empty()))
                .andExpect(jsonPath("$.page.totalElements").value(6));
    }

    @Test
    void theOtherListsAnswerInEachOrderTheyOffer() throws Exception {
        for (String name : List.of("Ann Envoy", "Bob Envoy", "Cy Envoy")) {
            newDiplomat(name, "US");
        }
        for (String sort : List.of("code", "alpha3,desc", "numeric", "name,desc", "startedOn", "endedOn,desc",
                "name&sort=name,desc")) {
            getJson("/api/countries?size=5&page=3&sort=" + sort).andExpect(status().isOk())
                    .andExpect(jsonPath("$.content.length()").value(5));
        }
        for (String sort : List.of("id", "name,desc", "country", "title,desc", "organization", "name&sort=name,desc")) {
            getJson("/api/diplomats?size=2&page=1&sort=" + sort).andExpect(status().isOk())
                    .andExpect(jsonPath("$.content.length()").value(1))
                    .andExpect(jsonPath("$.page.totalElements").value(3));
        }
        getJson("/api/diplomats?sort=name,desc&sort=name").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].name").value(contains("Cy Envoy", "Bob Envoy", "Ann Envoy")));

        recordEvent("AG", "US", "ESTABLISHED", "1981-11-01");
        for (String accreditation : List.of("\"from\": \"1982-01-01\", \"to\": \"1985-01-01\"",
                "\"from\": \"1985-01-01\", \"to\": \"1990-01-01\"", "\"from\": \"1990-01-01\"")) {
            create("/api/relations/AG/US/accreditations", "{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", "
                    + accreditation + "}");
        }
        for (String sort : List.of("from,desc", "to", "to,desc", "level", "sendingCountry,desc", "receivingCountry",
                "id,desc", "from&sort=from,desc")) {
            getJson("/api/relations/US/AG/accreditations?size=2&page=1&sort=" + sort).andExpect(status().isOk())
                    .andExpect(jsonPath("$.content.length()").value(1))
                    .andExpect(jsonPath("$.page.totalElements").value(3));
        }
        getJson("/api/relations/US/AG/accreditations?size=2&page=1&sort=to,desc").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].from").value(contains("1990-01-01")));
        getJson("/api/relations/US/AG/accreditations?size=2&page=1&sort=from,desc").andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].from").value(contains("1982-01-01")));
    }
}
