package org.chancery.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A pair's meeting total is kept with its meetings: the relation view, the timeline and the
 * meeting list of two countries read it instead of counting the pair's meetings.
 */
class MeetingPairTotalsIntegrationTests extends MeetingIntegrationTest {

    @Test
    void countsEachPairOfAMeetingAsMeetingsAreRecordedAndRemoved() throws Exception {
        long cu = diplomat("Carlos Fernández de Cossío", "CU", "Deputy Foreign Minister");
        long kr = diplomat("Chung Byung-won", "KR", "Deputy Foreign Minister");
        long kp = diplomat("Choi Son Hui", "KP", "Minister of Foreign Affairs");
        meeting("2024-03-01", "Havana", "CU", cu, kr);
        long trilateral = meeting("2024-05-22", "Seoul", "KR", cu, kr, kp);
        meeting("2025-01-08", "Seoul", "KR", cu, kr);

        getJson("/api/relations/CU/KR").andExpect(jsonPath("$.meetingCount").value(3));
        getJson("/api/relations/KP/KR").andExpect(jsonPath("$.meetingCount").value(1));
        getJson("/api/meetings?country=KR&country=CU").andExpect(jsonPath("$.page.totalElements").value(3));
        getJson("/api/relations/CU/KR/timeline")
                .andExpect(jsonPath("$.content[?(@.type == 'MEETING')]", hasSize(3)));

        deleteAsEditor("/api/meetings/{id}", trilateral).andExpect(status().isNoContent());

        getJson("/api/relations/CU/KR").andExpect(jsonPath("$.meetingCount").value(2));
        getJson("/api/relations/KP/KR").andExpect(jsonPath("$.meetingCount").value(0));
        getJson("/api/meetings?country=CU&country=KR").andExpect(jsonPath("$.page.totalElements").value(2));
    }

    @Test
    void countsOnlyTheMeetingsUpToAnEarlierDayOrWithinADateRange() throws Exception {
        long cu = diplomat("Carlos Fernández de Cossío", "CU", "Deputy Foreign Minister");
        long kr = diplomat("Chung Byung-won", "KR", "Deputy Foreign Minister");
        meeting("2024-03-01", "Havana", "CU", cu, kr);
        meeting("2024-05-22", "Seoul", "KR", cu, kr);
        meeting("2025-01-08", "Seoul", "KR", cu, kr);

        getJson("/api/relations/CU/KR?asOf=2024-12-31").andExpect(jsonPath("$.meetingCount").value(2));
        getJson("/api/relations/CU/KR?asOf=2024-03-01").andExpect(jsonPath("$.meetingCount").value(1));
        getJson("/api/relations/CU/KR?asOf=2025-01-08").andExpect(jsonPath("$.meetingCount").value(3));
        getJson("/api/meetings?country=CU&country=KR&to=2024-12-31&size=1")
                .andExpect(jsonPath("$.page.totalElements").value(2));
        getJson("/api/meetings?country=CU&country=KR&from=2024-04-01&size=1")
                .andExpect(jsonPath("$.page.totalElements").value(2));
    }

    @Test
    void losesNoCountWhenTheFirstMeetingsOfAPairAreRecordedInParallel() throws Exception {
        long cu = diplomat("Carlos Fernández de Cossío", "CU", "Deputy Foreign Minister");
        long kr = diplomat("Chung Byung-won", "KR", "Deputy Foreign Minister");
        int parallel = 8;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                String body = meetingJson("2024-05-%02d".formatted(1 + i), "Seoul", "KR", cu, kr);
                statuses.add(pool.submit(() -> {
                    start.await();
                    return postAsEditor("/api/meetings", body).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }

        getJson("/api/relations/CU/KR").andExpect(jsonPath("$.meetingCount").value(parallel));
        getJson("/api/meetings?country=CU&country=KR&size=1").andExpect(jsonPath("$.page.totalElements").value(parallel));
    }
}
