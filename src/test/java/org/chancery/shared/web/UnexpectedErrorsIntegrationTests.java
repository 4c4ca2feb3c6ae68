package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;

import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import tools.jackson.core.exc.JacksonIOException;

@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorsIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private ProblemDetailsAdvice advice;

    @Test
    @DisplayName("a client gone while its answer was written gets no answer and logs no error")
    void aClientGoneMidAnswerIsNoServerError(CapturedOutput output) {
        Exception gone = JacksonIOException.construct(
                new AsyncRequestNotUsableException("Response not usable after response errors."));
        assertThat(advice.unexpected(gone, new MockHttpServletRequest("GET", "/api/relations"))).isNull();
        assertThat(advice.unexpected(new IOException("Broken pipe"), new MockHttpServletRequest("GET", "/api/relations")))
                .isNull();
        assertThat(output).doesNotContain("Unexpected error");
    }

    @Test
    @DisplayName("any other unexpected error is a 500 problem, logged with its stack trace")
    void anyOtherErrorIsA500(CapturedOutput output) {
        ResponseEntity<ProblemDetail> answer = advice.unexpected(new IllegalStateException("a bug"),
                new MockHttpServletRequest("GET", "/api/relations"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
        assertThat(output).contains("Unexpected error on GET /api/relations").contains("IllegalStateException: a bug");
    }

    @Test
    @DisplayName("work refused by an executor of a stopping server is a 503 problem with Retry-After, not a 500")
    void workRefusedWhileStoppingIsA503(CapturedOutput output) {
        ResponseEntity<ProblemDetail> answer = advice.stopping(new RejectedExecutionException("executor shut down"),
                new MockHttpServletRequest("POST", "/api/imports"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
        assertThat(output).doesNotContain("Unexpected error");
    }
}
