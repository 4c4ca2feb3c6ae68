package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.shared.ReadOnlyDatabases;
import org.chancery.shared.StorableValues;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.RefusedWrites;
import org.hibernate.TransactionException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.core.exc.JacksonIOException;

@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorsIntegrationTests extends ApiIntegrationTest {

    @Autowired
    private ProblemDetailsAdvice advice;

    @Autowired
    private RequestLog requestLog;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private DataSource dataSource;

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
    @DisplayName("a constraint no check caught is R20's 409, logged as a warning naming the constraint")
    void aConstraintNoCheckCaughtIsAConflictLoggedAsAWarning(CapturedOutput output) {
        ResponseEntity<ProblemDetail> answer = advice.integrityViolated(
                RefusedWrites.constraintBroken(ConstraintKind.CHECK, "ck_mission_dates"),
                new MockHttpServletRequest("POST", "/api/missions/7/close"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "CONFLICTS_WITH_RECORDED_FACTS")
                .containsEntry("rule", "R20");
        assertThat(output).contains("WARN").contains("Write refused by a database constraint that no check caught "
                + "first, ck_mission_dates (CHECK), on POST /api/missions/7/close");
    }

    @Test
    @DisplayName("a value the database cannot store is a 400 on the body, with the errors every validation failure has")
    void aValueTheDatabaseCannotStoreIsAValidationFailureOfTheBody() {
        ResponseEntity<ProblemDetail> answer = advice.integrityViolated(RefusedWrites.valueTooLong(),
                new MockHttpServletRequest("POST", "/api/diplomats"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "VALIDATION_FAILED")
                .containsEntry("errors", List.of(Map.of("field", "body", "message", StorableValues.REFUSED_VALUE)));
        assertThat(answer.getBody().getDetail()).isEqualTo("The request is invalid: body holds a value too long or "
                + "too large for the database, or a character it cannot store; nothing of it was saved.");
    }

    @Test
    @DisplayName("an error's log lines, its stack trace's included, name the request id its problem names")
    void anErrorIsLoggedWithTheRequestIdTheClientCanQuote(CapturedOutput output) {
        MDC.put(RequestLog.REQUEST_ID, "desk-77");
        try {
            advice.unexpected(new IllegalStateException("a bug"), new MockHttpServletRequest("GET", "/api/meetings"));
        } finally {
            MDC.remove(RequestLog.REQUEST_ID);
        }
        LoggerFactory.getLogger("chancery.test").warn("A line outside any request");
        assertThat(output).containsPattern("\\[desk-77\\] [\\w.]+\\s+: Unexpected error on GET /api/meetings")
                .containsPattern("\\] chancery\\.test\\s+: A line outside any request");
    }

    @Test
    @DisplayName("a 500 the advice answered is timed with its exception named, as one that escaped would be")
    void anUnexpectedErrorIsNamedInTheRequestTimer() throws Exception {
        long before = namedErrors();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/imports");
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/imports");
        requestLog.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            ResponseEntity<ProblemDetail> answer = advice.unexpected(new IllegalStateException("a bug"),
                    (HttpServletRequest) req);
            ((HttpServletResponse) res).setStatus(answer.getStatusCode().value());
            res.setContentType("application/problem+json");
        });

        assertThat(namedErrors()).isEqualTo(before + 1);
    }

    /** The requests to {@code /api/imports} timed with a 500 and IllegalStateException named (0 if none yet). */
    private long namedErrors() {
        Timer timer = meters.find("http.server.requests").tags("uri", "/api/imports", "status", "500",
                "exception", "IllegalStateException", "error", "IllegalStateException").timer();
        return timer == null ? 0 : timer.count();
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

    @Test
    @DisplayName("an error of a lost database connection, however wrapped, is a 503 problem with Retry-After")
    void aLostDatabaseConnectionIsA503(CapturedOutput output) {
        for (Exception lost : List.<Exception>of(
                new JpaSystemException(new RuntimeException(new SQLException("I/O error", "08006"))),
                new JpaSystemException(new RuntimeException(new SQLException("terminating connection", "57P01"))),
                new DataAccessResourceFailureException("idle", new SQLException("idle-session timeout", "57P05")),
                new JpaSystemException(new RuntimeException(new SQLException("Database is already closed", "90121"))),
                new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
                        new SQLException("Connection is closed"))),
                new RecoverableDataAccessException("connection reset"))) {
            ResponseEntity<ProblemDetail> answer = advice.unexpected(lost,
                    new MockHttpServletRequest("GET", "/api/relations"));
            assertThat(answer.getStatusCode()).as(lost.toString()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        }
        assertThat(output).doesNotContain("Unexpected error");
    }

    @Test
    @DisplayName("a write a read-only database refused, however wrapped, is a 503 problem with Retry-After")
    void aWriteRefusedByAReadOnlyDatabaseIsA503(CapturedOutput output) {
        for (Exception readOnly : List.<Exception>of(
                new JpaSystemException(new RuntimeException(new SQLException("The database is read only", "90097"))),
                new UncategorizedSQLException("insert", "insert into diplomat values (1)",
                        new SQLException("The database is read only", "90097")))) {
            ResponseEntity<ProblemDetail> answer = advice.unexpected(readOnly,
                    new MockHttpServletRequest("POST", "/api/diplomats"));
            assertThat(answer.getStatusCode()).as(readOnly.toString()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(answer.getBody().getDetail()).contains("read-only");
        }
        assertThat(output).contains("Database read-only for POST /api/diplomats").doesNotContain("Unexpected error");
    }

    @Test
    @DisplayName("a write refused in a transaction begun read-only, the database taking writes, is a bug: a 500")
    void aWriteInATransactionBegunReadOnlyIsA500(CapturedOutput output) {
        // an advice of its own: the application's may have seen a read-only database within the minute (another test)
        ProblemDetailsAdvice advice = new ProblemDetailsAdvice(meters, new ReadOnlyDatabases(dataSource));
        ResponseEntity<ProblemDetail> answer = advice.unexpected(new JpaSystemException(new RuntimeException(
                new SQLException("cannot execute INSERT in a read-only transaction", "25006"))),
                new MockHttpServletRequest("POST", "/api/diplomats"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(output).contains("Unexpected error on POST /api/diplomats");
    }

    @Test
    @DisplayName("a database error of another kind than a lost connection is no 503, whatever Spring names it")
    void otherDatabaseErrorsAreNoLostConnection() {
        for (NestedRuntimeException refused : List.<NestedRuntimeException>of(
                new JpaSystemException(new TransactionException("Unable to commit against JDBC Connection",
                        new SQLException("could not serialize access", "40001"))),
                new DataAccessResourceFailureException("statement too complex",
                        new SQLException("stack depth limit exceeded", "54001")),
                new DataAccessResourceFailureException("disk full", new SQLException("could not extend file", "53100")),
                new JpaSystemException(new TransactionException("Unable to commit", new SQLException("no state"))))) {
            assertThat(advice.unexpected(refused, new MockHttpServletRequest("POST", "/api/relations/CU/KR/events"))
                    .getStatusCode()).as(refused.getMostSpecificCause().toString())
                    .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        }
    }
}
