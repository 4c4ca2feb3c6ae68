package org.chancery.relation;

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
 * The relation list in its default order, by the pair, is read in an order an index gives: an order that places
 * nulls, on columns that hold none, made PostgreSQL read every interval and sort them.
 */
class RelationListPlanIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void listsThePairsInAnOrderAnIndexGives() throws Exception {
        for (String pair : List.of("KR/CU", "AR/CU", "AR/KR")) {
            postAsEditor("/api/relations/" + pair + "/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2000-01-01\"}")
                    .andExpect(status().isCreated());
        }

        List<String> listed = new ArrayList<>();
        List<String> sql = statements.sql(() -> json(getJson("/api/relations?size=2&page=0")
                .andExpect(status().isOk())).get("content")
                .forEach(r -> listed.add(r.get("countries").get(0).asString() + "-"
                        + r.get("countries").get(1).asString())));

        assertThat(listed).containsExactly("AR-CU", "AR-KR");
        String page = sql.stream().filter(statement -> statement.contains("relation_interval")
                && statement.contains("order by")).findFirst().orElseThrow();
        assertThat(page).contains("order by r.country_a asc, r.country_b asc").doesNotContain("nulls");
        if (PostgresTestDatabase.enabled()) {
            // its generic plan: the pair's order given by an index of the intervals, not every interval read and
            // sorted
            assertThat(QueryPlans.of(jdbc, page)).doesNotContain("NULLS FIRST")
                    .doesNotContainPattern("(?m)^\\s*(->\\s+)?Sort  \\(");
        }
    }
}
