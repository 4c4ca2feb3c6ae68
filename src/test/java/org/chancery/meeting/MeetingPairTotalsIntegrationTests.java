package org.chancery.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chancery.support.LockWaits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A pair's meeting total is kept with its meetings: the relation view, the timeline and the
 * meeting list of two countries read it instead of counting the pair's meetings.
 */
class MeetingPairTotalsIntegrationTests extends MeetingIntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DataSource dataSource;

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
                String body = meetingJson(String.format(Locale.ROOT, "2024-05-%02d", 1 + i), "Seoul", "KR", cu, kr);
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
    @Test
    void keepsThePairsLatestMeetingWhenOneIsRecordedWhileAnotherIsRemoved() throws Exception {
        long jp = diplomat("A Japanese diplomat", "JP", "Minister");
        long is = diplomat("An Icelandic diplomat", "IS", "Minister");
        long old = meeting("2020-01-01", "Tokyo", "JP", jp, is);

        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection recording = dataSource.getConnection()) {
            // a meeting of the pair recorded by another transaction, not committed yet: its count holds the pair's row
            recording.setAutoCommit(false);
            try (Statement write = recording.createStatement()) {
                write.executeUpdate("insert into meeting (id, meeting_date, date_precision, country) "
                        + "values (999999, DATE '2021-06-01', 'DAY', 'IS')");
                write.executeUpdate("insert into meeting_pair (meeting_id, country_a, country_b, meeting_date) "
                        + "values (999999, 'IS', 'JP', DATE '2021-06-01')");
                write.executeUpdate("update meeting_pair_total set meetings = meetings + 1, "
                        + "latest_meeting = DATE '2021-06-01' where country_a = 'IS' and country_b = 'JP'");
            }
            Future<Integer> deletion = thread.submit(() ->
                    deleteAsEditor("/api/meetings/{id}", old).andReturn().getResponse().getStatus());
            LockWaits.awaitAWaitForALock(jdbc, deletion::isDone);
            assertThat(deletion).as("the deletion waits for the pair's row").isNotDone();
            recording.commit();
            assertThat(deletion.get(20, TimeUnit.SECONDS)).isEqualTo(204);
        } finally {
            thread.shutdownNow();
        }

        // the pair's stored total and latest meeting are those of its meetings: the deletion read them after its wait
        assertThat(jdbc.queryForObject("select meetings || ' ' || latest_meeting from meeting_pair_total "
                + "where country_a = 'IS' and country_b = 'JP'", String.class)).isEqualTo("1 2021-06-01");
        getJson("/api/relations/JP/IS?asOf=2020-06-01").andExpect(jsonPath("$.meetingCount").value(0));
    }
}
