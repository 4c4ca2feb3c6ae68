package org.chancery.diplomat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.PostgresTestDatabase;
import org.chancery.support.QueryPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The diplomat list is read along the index of its own order (the search key of the name, then the id), its
 * default and a name search's: not every diplomat sorted for each page (1.4 s on H2, 0.2 s on PostgreSQL among
 * 200,000 diplomats).
 */
class DiplomatListPlanIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void readsTheDiplomatListAndANameSearchAlongTheIndexOfTheListsOrder() throws Exception {
        for (String name : List.of("Kang Kyung-wha", "Chung Byung-won", "Carlos Miguel Pereira Hernández")) {
            create("/api/diplomats", "{\"name\": \"" + name + "\", \"country\": \"KR\"}");
        }

        for (String list : List.of("/api/diplomats?size=2", "/api/diplomats?q=ung&size=1")) {
            List<String> sql = statements.sql(() -> getJson(list).andExpect(status().isOk())
                    .andExpect(jsonPath("$.content[0].name").value(list.contains("q=") ? "Chung Byung-won"
                            : "Carlos Miguel Pereira Hernández")));
            String page = sql.stream().filter(statement -> statement.contains("order by")).findFirst().orElseThrow();
            if (PostgresTestDatabase.enabled()) {
                // its generic plan, the one for any search: no sort of the diplomats
                assertThat(QueryPlans.of(jdbc, page)).as(list).contains("ix_diplomat_name_key")
                        .doesNotContain("Sort");
            } else {
                assertThat(QueryPlans.of(jdbc, page)).as(list).contains("IX_DIPLOMAT_NAME_KEY", "index sorted");
            }
        }
    }

    /** V29, which adds the index: Flyway refuses to start on a database that ran another text of it. */
    @Test
    void theIndexsMigrationKeepsTheChecksumItLandedWith() {
        assertThat(new V29__diplomat_name_key_index().getChecksum()).isEqualTo(-105311604);
    }
}
