package org.chancery.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.PostgresTestDatabase;
import org.chancery.support.QueryPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The milestones of one country, on either side of their pairs, are read through the two country indexes
 * rather than by reading every milestone in the order of their targets and keeping those of the country (as
 * {@code countryA = :c or countryB = :c} made H2 do).
 */
class MilestoneListPlanIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void listsACountrysMilestonesOfEitherSideReadingThemAlongTheCountryIndexes() throws Exception {
        List<Long> cuba = new ArrayList<>();
        cuba.add(create("/api/relations/CU/KR/milestones", "{\"title\": \"Embassies\", \"target\": \"2031\"}")
                .get("id").asLong());
        cuba.add(create("/api/relations/AR/CU/milestones", "{\"title\": \"Consulates\", \"target\": \"2030-H1\"}")
                .get("id").asLong());
        create("/api/relations/AR/KR/milestones", "{\"title\": \"Trade office\", \"target\": \"2030\"}");

        List<Long> listed = new ArrayList<>();
        List<String> sql = statements.sql(() -> json(getJson("/api/milestones?country=cub").andExpect(status().isOk()))
                .get("content").forEach(m -> listed.add(m.get("id").asLong())));

        assertThat(listed).as("ordered by targetEnd").containsExactly(cuba.get(1), cuba.get(0));
        String page = sql.stream().filter(statement -> statement.contains("milestone")).findFirst().orElseThrow();
        if (PostgresTestDatabase.enabled()) {
            // its generic plan, the one for any country: each side along its own index
            assertThat(QueryPlans.of(jdbc, page)).contains("Index Cond: (country_a = $1)",
                    "Index Cond: (country_b = $2)").doesNotContain("Seq Scan");
        } else {
            // each side read along its own index (H2 names the condition an index answers in a comment), not every
            // milestone in the order of their targets, kept when one side matches
            assertThat(QueryPlans.of(jdbc, page)).contains("COUNTRY_A = ?1 */", "COUNTRY_B = ?2 */")
                    .doesNotContain("tableScan");
        }
    }
}
