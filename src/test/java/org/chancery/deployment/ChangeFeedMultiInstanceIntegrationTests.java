package org.chancery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.chancery.support.DatabaseCleaner;
import org.chancery.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one PostgreSQL database take writes in parallel while a client follows the change
 * feed, asking each time, of either instance, for the changes after the last seq it saw: the union of
 * what it saw is exactly what was written, each change once, in strictly increasing seq.
 */
@Tag("postgres")
@TestInstance(Lifecycle.PER_CLASS)
class ChangeFeedMultiInstanceIntegrationTests {

    private ApplicationInstance first;
    private ApplicationInstance second;

    @BeforeAll
    void startTwoInstances() {
        assertThat(PostgresTestDatabase.enabled()).as("runs in the postgres Maven profile (-Ppostgres)").isTrue();
        first = ApplicationInstance.start("feed-first");
        second = ApplicationInstance.start("feed-second");
        new DatabaseCleaner(first.dataSource()).clean();
    }

    @AfterAll
    void stopInstances() {
        if (first != null) {
            new DatabaseCleaner(first.dataSource()).clean();
        }
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    @DisplayName("a client following the feed through parallel writes on two instances misses nothing")
    void aClientFollowingTheFeedOfTwoInstancesMissesNothing() throws Exception {
        Set<String> written = ConcurrentHashMap.newKeySet();
        List<Callable<Api.Answer>> writers = new ArrayList<>();
        for (int writer = 0; writer < 8; writer++) {
            Api api = writer % 2 == 0 ? first.api() : second.api();
            int w = writer;
            writers.add(() -> {
                Api.Answer last = null;
                for (int i = 0; i < 30; i++) {
                    last = api.post("/api/diplomats", "{\"name\": \"Writer " + w + " / " + i + "\", \"country\": \""
                            + (w % 3 == 0 ? "KR" : w % 3 == 1 ? "CU" : "US") + "\"}").requireStatus(201);
                    written.add(String.valueOf(last.id()));
                }
                return last;
            });
        }
        CompletableFuture<List<Api.Answer>> writing = Race.start(writers);

        List<Long> seqs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long last = 0;
        int quiet = 0;
        int polls = 0;
        while (quiet < 2) {
            boolean stillWriting = !writing.isDone();
            Api reader = polls++ % 2 == 0 ? first.api() : second.api();
            JsonNode page = reader.getAsEditor("/api/changes?kind=diplomat&size=11&after=" + last).requireStatus(200)
                    .json().get("content");
            for (JsonNode change : page) {
                long seq = change.get("seq").asLong();
                assertThat(seq).as("seq after %s (%s)", last, reader.name()).isGreaterThan(last);
                last = seq;
                seqs.add(seq);
                assertThat(seen.add(change.get("id").asString())).as("seen once: %s", change).isTrue();
            }
            quiet = !stillWriting && page.isEmpty() ? quiet + 1 : 0;
        }
        writing.get();

        assertThat(seen).hasSize(240).isEqualTo(written);
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(polls).as("the client polled while the writers wrote").isGreaterThan(2);
    }
}
