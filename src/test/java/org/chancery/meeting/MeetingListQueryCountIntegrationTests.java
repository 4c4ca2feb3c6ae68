package org.chancery.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** A page of meetings costs the same number of SQL statements whatever its size (no N+1). */
class MeetingListQueryCountIntegrationTests extends MeetingIntegrationTest {

    @Test
    void listsAPageOfMeetingsWithAConstantNumberOfStatements() throws Exception {
        long[] kr = {diplomat("Chung Byung-won", "KR", "Deputy Foreign Minister"),
                diplomat("Kang Kyung-wha", "KR", "Minister of Foreign Affairs")};
        long[] cu = {diplomat("Carlos Miguel Pereira Hernández", "CU", "Director General for Bilateral Affairs"),
                diplomat("Bruno Rodríguez Parrilla", "CU", "Minister of Foreign Affairs")};
        long kp = diplomat("Choi Son Hui", "KP", "Minister of Foreign Affairs");
        for (int i = 0; i < 24; i++) {
            String date = String.format(Locale.ROOT, "2024-%02d-%02d", 1 + i % 12, 1 + i);
            meeting(date, "Seoul", "KR", kr[i % 2], cu[(i / 2) % 2], kp);
        }

        long small = statementsFor("/api/meetings?size=2");
        long large = statementsFor("/api/meetings?size=20");
        long filtered = statementsFor("/api/meetings?size=20&country=CU&country=KR&from=2024-01-01");
        long attended = statementsFor("/api/meetings?size=20&diplomat=" + kp + "&country=CU");
        long byDiplomat = statementsFor("/api/meetings?size=20&diplomat=" + kp);

        // the ids of the page, their count, the meetings with their participants and names
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(3);
        assertThat(filtered).isEqualTo(small);
        assertThat(attended).isEqualTo(small);
        assertThat(byDiplomat).isEqualTo(small);
    }

    private long statementsFor(String url) throws Exception {
        return statements.count(() -> getJson(url).andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].participants.length()").value(3)));
    }
}
