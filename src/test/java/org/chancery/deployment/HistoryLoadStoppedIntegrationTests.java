package org.chancery.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A server stopped (SIGTERM) while the {@code history} profile loads its file at start-up, before it is ready: the
 * job ends between two rows and is marked {@code FAILED} by the stopping server, as a job sent to the API is, and
 * nothing is logged as an error (nor by the {@code demo} profile's story, told after it, which is left to the next
 * start as well); the next start with the profile loads the file again.
 */
@Tag("h2-only")
class HistoryLoadStoppedIntegrationTests {

    @TempDir
    Path workDirectory;

    @Test
    void aServerStoppedWhileLoadingTheHistoryAtStartMarksItsJobFailedWithoutAnError() throws Exception {
        long job;
        String log;
        try (ApplicationProcess instance = ApplicationProcess.launch("history-load-stopped", workDirectory,
                List.of("--spring.profiles.active=demo,history"))) {
            job = underWay(instance.api());
            instance.stop();
            log = instance.log();
        }

        assertThat(log).contains("Import " + job + " (kenkel-us-missions) stopped with the server")
                .contains("U.S. mission history not loaded: The server stopped while import " + job + " ran")
                // the demo's story, told after the history, is left to the next start too
                .contains("Demo story not loaded: the server is stopping")
                .doesNotContain("Application run failed").doesNotContain("Unable to close ApplicationContext");
        assertThat(log.lines().filter(line -> line.matches("\\S+\\s+ERROR .*"))).as("errors logged while stopping")
                .isEmpty();
        assertThat(log).doesNotContain("could not be marked");
        try (ApplicationProcess instance = ApplicationProcess.start("history-load-after-stop", workDirectory,
                List.of())) {
            JsonNode failed = instance.api().getAsEditor("/api/imports/" + job).requireStatus(200).json();

            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("error").asString()).as("marked by the stopping server, not found abandoned")
                    .startsWith("The server stopped while the job ran");
        }
    }

    /** Waits until the history's job has recorded some of its rows, still running; answers its id. */
    private static long underWay(Api api) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            Api.Answer jobs = api.getAsEditor("/api/imports?size=1");
            if (jobs.status() == 200 && !jobs.json().get("content").isEmpty()) {
                JsonNode job = jobs.json().get("content").get(0);
                assertThat(job.get("status").asString()).as("the history's job: %s", job).isEqualTo("RUNNING");
                if (job.get("rowsDone").asInt() >= 20) {
                    return job.get("id").asLong();
                }
            }
            assertThat(System.nanoTime()).as("waiting for the history's job to be under way").isLessThan(deadline);
            Thread.sleep(25);
        }
    }
}
