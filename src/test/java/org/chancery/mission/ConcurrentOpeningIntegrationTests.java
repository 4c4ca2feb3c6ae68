package org.chancery.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConcurrentOpeningIntegrationTests extends ApiIntegrationTest {

    private static final int PARALLEL = 8;

    @Test
    @DisplayName("R7: of parallel openings of several planned embassies of one direction, exactly one succeeds")
    void exactlyOneOfParallelEmbassyOpeningsSucceeds() throws Exception {
        postAsEditor("/api/relations/CU/KR/events", "{\"type\":\"ESTABLISHED\",\"date\":\"2024-02-14\"}")
                .andExpect(status().isCreated());
        List<Long> embassies = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            embassies.add(create("/api/missions", "{\"sendingCountry\":\"CU\",\"receivingCountry\":\"KR\","
                    + "\"type\":\"" + (i % 2 == 0 ? "EMBASSY" : "HIGH_COMMISSION") + "\",\"city\":\"Seoul " + i + "\"}")
                    .get("id").asLong());
        }
        List<Integer> statuses = inParallel(embassies.stream().<Callable<Integer>>map(id -> () ->
                postAsEditor("/api/missions/{id}/open", "{\"date\":\"2024-09-01\"}", id)
                        .andReturn().getResponse().getStatus()).toList());

        assertThat(statuses).containsOnly(200, 409);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(json(getJson("/api/missions?status=OPEN&sending=CU")).get("page").get("totalElements").asInt())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("R1: of parallel identical events on one pair, exactly one is recorded")
    void exactlyOneOfParallelEstablishmentsIsRecorded() throws Exception {
        List<Integer> statuses = inParallel(java.util.stream.IntStream.range(0, PARALLEL)
                .<Callable<Integer>>mapToObj(i -> () -> postAsEditor("/api/relations/{a}/{b}/events",
                        "{\"type\":\"ESTABLISHED\",\"date\":\"2024-02-1" + (i % 2) + "\"}", i % 2 == 0 ? "CU" : "KR",
                        i % 2 == 0 ? "KR" : "CU").andReturn().getResponse().getStatus())
                .toList());

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(json(getJson("/api/relations/CU/KR")).get("events").size()).isEqualTo(1);
    }

    @Test
    @DisplayName("R1: parallel first events of new pairs, most of them refused, record the valid one and never fail")
    void parallelFirstEventsOfANewPairRecordTheValidOneWhateverIsRefused() throws Exception {
        for (String partner : List.of("DE", "IT", "ES", "PT", "BE", "NL", "AT", "CH", "SE", "NO")) {
            List<Integer> statuses = inParallel(java.util.stream.IntStream.range(0, PARALLEL)
                    .<Callable<Integer>>mapToObj(i -> () -> postAsEditor("/api/relations/FR/{b}/events",
                            i % 4 == 0 ? "{\"type\":\"ESTABLISHED\",\"date\":\"2000-01-0" + (i + 1) + "\"}"
                                    : "{\"type\":\"SEVERED\",\"date\":\"1990-01-01\"}", partner)
                            .andReturn().getResponse().getStatus())
                    .toList());

            assertThat(statuses).as("FR–%s", partner).containsOnly(201, 409);
            assertThat(statuses).as("FR–%s", partner).filteredOn(s -> s == 201).hasSize(1);
            assertThat(json(getJson("/api/relations/FR/" + partner)).get("events").size()).isEqualTo(1);
        }
    }

    private static List<Integer> inParallel(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
