package org.chancery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An instance killed (SIGKILL) in the middle of an import, then started again on the same database:
 * the job it left running is FAILED, what it had imported stays, and running the file again
 * completes it without recording anything twice.
 */
abstract class ImportDurabilityScenario {

    private static final String FILE = "/history/mission_status_range_cow_v0.1.csv";
    private static final int ROWS = 656;

    @TempDir
    Path workDirectory;

    protected abstract List<String> databaseArguments();

    protected abstract String database();

    /**
     * The fewest rows the stopped job must still count after the restart when it had reported
     * {@code seen} before the kill: all of them where every acknowledged commit survives a killed
     * process (PostgreSQL).
     */
    protected int rowsKeptOf(int seen) {
        return seen;
    }

    @Test
    void completesAnImportThatAKilledServerLeftRunningWithoutRecordingAnythingTwice() throws Exception {
        byte[] file = file();
        long interrupted;
        int seen;
        try (ApplicationProcess instance = ApplicationProcess.start(database() + "-import-before-kill", workDirectory,
                databaseArguments())) {
            JsonNode job = runningAfter(instance.api(), file, 100);
            interrupted = job.get("id").asLong();
            seen = job.get("rowsDone").asInt();
            instance.kill();
        }
        try (ApplicationProcess instance = ApplicationProcess.start(database() + "-import-after-kill", workDirectory,
                databaseArguments())) {
            Api api = instance.api();
            JsonNode failed = await(api, interrupted, j -> !j.get("status").asString().equals("RUNNING"));
            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("error").asString()).contains("server stopped");
            int done = failed.get("rowsDone").asInt();
            assertThat(done).as("rows kept of the %s reported before the kill", seen)
                    .isBetween(rowsKeptOf(seen), ROWS - 1);
            assertThat(allAsEditor(api, "/api/imports/" + interrupted + "/rows?outcome=REJECTED")).isEmpty();

            long rerun = api.postFile("/api/imports?format=kenkel-us-missions", file, "text/csv").requireStatus(202).id();
            JsonNode completed = await(api, rerun, j -> !j.get("status").asString().equals("RUNNING"));

            assertThat(completed.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(completed.get("rowsDone").asInt()).isEqualTo(ROWS);
            assertThat(completed.get("outcomes").get("REJECTED").asInt()).isZero();
            assertThat(completed.get("outcomes").get("ALREADY_PRESENT").asInt()).isPositive();
            assertThat(completed.get("outcomes").get("IMPORTED").asInt()).isPositive();

            Set<String> createdFirst = facts(api, interrupted, "IMPORTED");
            Set<String> createdThen = facts(api, rerun, "IMPORTED");
            Set<String> foundThen = facts(api, rerun, "ALREADY_PRESENT");
            assertThat(createdThen).as("nothing recorded twice").doesNotContainAnyElementsOf(createdFirst);
            assertThat(createdFirst).as("the re-run finds what the stopped job recorded").containsAll(foundThen);
            Set<String> missions = new HashSet<>(createdFirst);
            missions.addAll(createdThen);
            missions.removeIf(fact -> !fact.startsWith("mission:"));
            assertThat(api.all("/api/missions?sending=US")).extracting(m -> "mission:" + m.get("id").asLong())
                    .containsExactlyInAnyOrderElementsOf(missions);
        }
    }

    @Test
    void endsTheImportOfAStoppingServerBetweenTwoRowsAsFailedWithoutAnError() throws Exception {
        byte[] file = file();
        long stopped;
        String log;
        try (ApplicationProcess instance = ApplicationProcess.start(database() + "-import-before-stop", workDirectory,
                databaseArguments())) {
            stopped = runningAfter(instance.api(), file, 50).get("id").asLong();
            instance.stop();
            log = instance.log();
        }
        assertThat(log).contains("Import " + stopped + " (kenkel-us-missions) stopped with the server");
        assertThat(log.lines().filter(line -> line.matches("\\S+\\s+ERROR .*"))).as("errors logged while stopping")
                .isEmpty();
        try (ApplicationProcess instance = ApplicationProcess.start(database() + "-import-after-stop", workDirectory,
                databaseArguments())) {
            JsonNode failed = instance.api().getAsEditor("/api/imports/" + stopped).requireStatus(200).json();

            assertThat(failed.get("status").asString()).as("marked by the stopping server").isEqualTo("FAILED");
            assertThat(failed.get("error").asString()).contains("server stopped");
            assertThat(failed.get("rowsDone").asInt()).isBetween(50, ROWS - 1)
                    .isEqualTo(allAsEditor(instance.api(), "/api/imports/" + stopped + "/rows?outcome=").size());
        }
    }

    private static byte[] file() throws IOException {
        try (InputStream in = ImportDurabilityScenario.class.getResourceAsStream(FILE)) {
            return in.readAllBytes();
        }
    }

    /** Starts the import of the file and waits until it has reported {@code rows} rows, still running. */
    private static JsonNode runningAfter(Api api, byte[] file, int rows) throws Exception {
        long id = api.postFile("/api/imports?format=kenkel-us-missions", file, "text/csv").requireStatus(202).id();
        JsonNode job = await(api, id, j -> j.get("rowsDone").asInt() >= rows
                || !j.get("status").asString().equals("RUNNING"));
        assertThat(job.get("status").asString()).as("still running after %s rows: %s", rows, job).isEqualTo("RUNNING");
        return job;
    }

    /** The missions, accreditations and events the job's rows of this outcome name, as {@code kind:id}. */
    private static Set<String> facts(Api api, long job, String outcome) throws Exception {
        Set<String> facts = new HashSet<>();
        for (JsonNode row : allAsEditor(api, "/api/imports/" + job + "/rows?outcome=" + outcome)) {
            row.get("facts").forEach(fact -> {
                String kind = fact.get("kind").asString();
                if (List.of("mission", "accreditation", "event").contains(kind)) {
                    facts.add(kind + ":" + fact.get("id").asLong());
                }
            });
        }
        return facts;
    }

    private static List<JsonNode> allAsEditor(Api api, String path) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api.getAsEditor(path + "&size=200&page=" + page).requireStatus(200).json();
            answer.get("content").forEach(rows::add);
            if (page + 1 >= answer.get("page").get("totalPages").asInt()) {
                return rows;
            }
        }
    }

    private static JsonNode await(Api api, long job, Predicate<JsonNode> until) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            JsonNode answer = api.getAsEditor("/api/imports/" + job).requireStatus(200).json();
            if (until.test(answer)) {
                return answer;
            }
            assertThat(System.nanoTime()).as("waiting on import %s: %s", job, answer).isLessThan(deadline);
            Thread.sleep(25);
        }
    }
}
