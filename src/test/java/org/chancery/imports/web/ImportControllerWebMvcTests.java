package org.chancery.imports.web;

import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.chancery.imports.ImportJob;
import org.chancery.imports.ImportOutcome;
import org.chancery.imports.ImportStatus;
import org.chancery.imports.Imports;
import org.chancery.support.WebSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The answer to a cancellation, the jobs mocked: a job that stopped in time is answered 200 as it ended; one running
 * still (its row waiting for locks past the wait) 202, with the job's address to read until it has ended, as the
 * description documents for every 202.
 */
@WebMvcTest(ImportController.class)
@WebSlice
class ImportControllerWebMvcTests {

    private static final Instant STARTED = Instant.parse("2026-12-06T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Imports imports;

    @Test
    void answersACancelledJobRunningStillAsAcceptedWithTheJobsAddress() throws Exception {
        given(imports.cancel(eq(7L), eq("admin"), any(Duration.class))).willReturn(job(ImportStatus.RUNNING, null));

        mvc.perform(post("/api/imports/7/cancel").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isAccepted())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/imports/7"))
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.finishedAt").value(nullValue()))
                .andExpect(jsonPath("$.cancelledBy").value("admin"));
    }

    @Test
    void answersACancelledJobThatStoppedAsItEndedWithoutALocation() throws Exception {
        given(imports.cancel(eq(7L), eq("admin"), any(Duration.class)))
                .willReturn(job(ImportStatus.FAILED, ImportJob.cancellationError("admin")));

        mvc.perform(post("/api/imports/7/cancel").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(HttpHeaders.LOCATION))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.error").value(ImportJob.cancellationError("admin")))
                .andExpect(jsonPath("$.finishedAt").value(STARTED.plusSeconds(30).toString()));
    }

    private static ImportJob job(ImportStatus status, String error) {
        return new ImportJob(7, "chancery-ndjson", status, "admin", STARTED,
                status == ImportStatus.RUNNING ? null : STARTED.plusSeconds(30), 10, 1,
                Map.of(ImportOutcome.IMPORTED, 1), error, "admin");
    }
}
