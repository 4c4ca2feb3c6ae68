package org.chancery.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Waiting for an import job, as a client does: reading it until it is no longer RUNNING. */
public final class ImportJobs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImportJobs() {
    }

    /** The job once it has ended (within a minute), read as the test user {@code editor}. */
    public static JsonNode awaitEnd(MockMvc mvc, long id) throws Exception {
        return awaitEnd(mvc, id, Duration.ofMinutes(1));
    }

    /** The job once it has ended (within {@code atMost}), read as the test user {@code editor}. */
    public static JsonNode awaitEnd(MockMvc mvc, long id, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            JsonNode job = JSON.readTree(mvc.perform(get("/api/imports/" + id).with(httpBasic("editor", "editor-secret")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            if (!job.get("status").asString().equals("RUNNING")) {
                return job;
            }
            assertThat(System.nanoTime()).as("import %s still running: %s", id, job).isLessThan(deadline);
            Thread.sleep(atMost.compareTo(Duration.ofMinutes(1)) > 0 ? 250 : 50);
        }
    }
}
