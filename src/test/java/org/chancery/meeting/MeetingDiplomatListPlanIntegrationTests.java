package org.chancery.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.chancery.support.PostgresTestDatabase;
import org.chancery.support.QueryPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The meetings of one diplomat are read along the participants' index of diplomat and date, in the list's order,
 * and the page stops there: not found among every meeting by date (PostgreSQL walked the date index backwards,
 * looking each meeting up among the diplomat's, 0.23–0.51 s a page for a diplomat whose meetings were all old).
 */
class MeetingDiplomatListPlanIntegrationTests extends MeetingIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void readsADiplomatsMeetingsAlongTheirOwnIndexInTheListsOrder() throws Exception {
        long chung = diplomat("Chung Byung-won", "KR", "Deputy Foreign Minister");
        long pereira = diplomat("Carlos Miguel Pereira Hernández", "CU", "Director General for Bilateral Affairs");
        long kang = diplomat("Kang Kyung-wha", "KR", "Minister of Foreign Affairs");
        long first = meeting("2000-03-01", "Havana", "CU", chung, pereira);
        long second = meeting("2000-03-01", "Seoul", "KR", chung, pereira);
        meeting("2024-02-14", "New York", "US", kang, pereira);
        long third = meeting("2001-05-05", "Seoul", "KR", chung, pereira);

        List<String> sql = statements.sql(() -> getJson("/api/meetings?diplomat=" + chung + "&size=2")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(third))
                .andExpect(jsonPath("$.content[1].id").value(second))
                .andExpect(jsonPath("$.page.totalElements").value(3)));
        getJson("/api/meetings?diplomat=" + chung + "&size=2&page=1").andExpect(jsonPath("$.content[0].id")
                .value(first));
        getJson("/api/meetings?diplomat=" + chung + "&sort=date&to=2000-12-31").andExpect(jsonPath("$.content[1].id")
                .value(second)).andExpect(jsonPath("$.page.totalElements").value(2));

        String page = sql.stream().filter(statement -> statement.contains("meeting_participant")
                && statement.contains("offset")).findFirst().orElseThrow();
        if (PostgresTestDatabase.enabled()) {
            // its generic plan, the one for any diplomat and days: no sort of the diplomat's rows
            assertThat(QueryPlans.of(jdbc, page)).contains("Index Only Scan Backward using "
                    + "ix_meeting_participant_diplomat_date").doesNotContain("Sort");
        } else {
            assertThat(QueryPlans.of(jdbc, page)).contains("IX_MEETING_PARTICIPANT_DIPLOMAT_DATE", "index sorted");
        }
    }
}
