package org.chancery.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.chancery.shared.DatabaseProduct;
import org.chancery.support.ApiIntegrationTest;
import org.chancery.support.LockWaits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * A job whose end cannot be written (the database failing at that moment, three times) does not hold the running
 * slot for good; one whose end is written at a second try ends as it should; one an Error stops is FAILED; one
 * started as the server stops is refused with 503 and failed by the next start.
 */
class ImportJobEndIntegrationTests extends ApiIntegrationTest {

    @MockitoSpyBean
    private ImportJobs jobs;

    @MockitoSpyBean
    private ChanceryNdjsonFormat ndjson;

    @MockitoSpyBean
    private ImportWorker worker;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DataSource dataSource;

    private MockHttpServletResponse upload(String ndjson) throws Exception {
        return mvc.perform(post("/api/imports").param("format", "chancery-ndjson").contentType("application/x-ndjson")
                .content(ndjson).with(httpBasic("admin", "admin-secret"))).andReturn().getResponse();
    }

    /** Starts a job of the worked example's first line, expects 202, and waits for its end. */
    private JsonNode importedOneLine() throws Exception {
        MockHttpServletResponse started = upload(ImportApiIntegrationTests.WORKED_EXAMPLE.lines().findFirst()
                .orElseThrow());
        assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(202);
        return org.chancery.support.ImportJobs.awaitEnd(mvc, JSON.readTree(started.getContentAsString()).get("id")
                .asLong());
    }

    @Test
    void aJobWhoseEndCouldNotBeRecordedIsFailedAsAbandonedAndTheNextImportRuns() throws Exception {
        DataAccessResourceFailureException gone = new DataAccessResourceFailureException("the database went away");
        Mockito.doThrow(gone).doThrow(gone).doThrow(gone).doCallRealMethod().when(jobs).finish(anyLong(), any(), any());
        String line = ImportApiIntegrationTests.WORKED_EXAMPLE.lines().findFirst().orElseThrow();
        MockHttpServletResponse first = upload(line);
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(202);
        long stuck = JSON.readTree(first.getContentAsString()).get("id").asLong();
        verify(jobs, timeout(30_000).times(3)).finish(anyLong(), any(), any());

        // its last sign of life long enough ago for the job to count as abandoned
        jdbc.update("update import_job set heartbeat_at = ? where id = ?",
                OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).minusMinutes(10), stuck);
        MockHttpServletResponse next = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            next = upload(line);
            if (next.getStatus() != 409) {
                break;
            }
            Thread.sleep(100);
        }

        assertThat(next.getStatus()).as("the next import: %s", next.getContentAsString()).isEqualTo(202);
        JsonNode abandoned = org.chancery.support.ImportJobs.awaitEnd(mvc, stuck);
        assertThat(abandoned.get("status").asString()).isEqualTo("FAILED");
        assertThat(abandoned.get("error").asString()).contains("could not record its end");
        JsonNode following = org.chancery.support.ImportJobs.awaitEnd(mvc,
                JSON.readTree(next.getContentAsString()).get("id").asLong());
        assertThat(following.get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aJobWhoseEndIsRecordedAtASecondTryEndsAsItShould() throws Exception {
        Mockito.doThrow(new DataAccessResourceFailureException("the database went away")).doCallRealMethod()
                .when(jobs).finish(anyLong(), any(), any());

        JsonNode job = importedOneLine();

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aJobThatAnErrorStopsIsFailedNotSucceeded() throws Exception {
        Mockito.doThrow(new StackOverflowError()).when(ndjson).run(any(), any());

        JsonNode job = importedOneLine();

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").asString()).contains("unexpected error");
    }

    @Test
    void aJobThatLosesItsDatabaseConnectionIsFailedSayingSoNotAsAnUnexpectedError() throws Exception {
        Mockito.doThrow(new DataAccessResourceFailureException("I/O error",
                new SQLException("terminating connection due to administrator command", "57P01")))
                .when(ndjson).run(any(), any());

        JsonNode job = importedOneLine();

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").asString()).startsWith("The job lost its database connection");
    }

    @Test
    void aJobWhoseWritesAReadOnlyDatabaseRefusesIsFailedSayingSoNotAsAnUnexpectedError() throws Exception {
        Mockito.doThrow(new JpaSystemException(new RuntimeException(new SQLException("The database is read only",
                "90097")))).when(ndjson).run(any(), any());

        JsonNode job = importedOneLine();

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").asString()).startsWith("The database took no writes");
    }

    @Test
    void aJobOneOfWhoseStatementsTheDatabaseCancelsIsFailedSayingSoNotAsAnUnexpectedError() throws Exception {
        Mockito.doThrow(new QueryTimeoutException("PreparedStatementCallback",
                new SQLException("ERROR: canceling statement due to statement timeout", "57014")))
                .when(ndjson).run(any(), any());

        JsonNode job = importedOneLine();

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").asString()).startsWith("The database cancelled a statement of the job");
    }

    @Test
    void anImportStartedAsTheServerStopsIsRefusedWith503AndItsJobFailedAsAbandoned() throws Exception {
        Mockito.doThrow(new RejectedExecutionException("the worker has been shut down")).doCallRealMethod()
                .when(worker).submit(any(), any(), any(), any());
        String line = ImportApiIntegrationTests.WORKED_EXAMPLE.lines().findFirst().orElseThrow();

        MockHttpServletResponse refused = upload(line);

        assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        assertThat(JSON.readTree(refused.getContentAsString()).get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        long left = jdbc.queryForObject("select id from import_job where status = 'RUNNING'", Long.class);
        jdbc.update("update import_job set heartbeat_at = ? where id = ?",
                OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).minusMinutes(10), left);
        JsonNode next = importedOneLine();
        assertThat(next.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(org.chancery.support.ImportJobs.awaitEnd(mvc, left).get("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void anImportSentOnceTheServerBeganToStopIsRefusedWith503BeforeItIsReadAndRecordsNothing() throws Exception {
        Mockito.doReturn(true).when(worker).stopping();

        MockHttpServletResponse refused = upload(ImportApiIntegrationTests.WORKED_EXAMPLE);

        assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        assertThat(jdbc.queryForObject("select count(*) from import_job", Integer.class)).isZero();
        Mockito.verify(worker, Mockito.never()).submit(any(), any(), any(), any());
    }

    @Test
    void anImportWhoseUploadWasReadAsTheServerBeganToStopIsRefusedWith503AndRecordsNothing() throws Exception {
        Mockito.doReturn(false).doReturn(true).when(worker).stopping(); // the stop begins during the upload

        MockHttpServletResponse refused = upload(ImportApiIntegrationTests.WORKED_EXAMPLE);

        assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(503);
        assertThat(jdbc.queryForObject("select count(*) from import_job", Integer.class)).isZero();
        Mockito.verify(worker, Mockito.never()).submit(any(), any(), any(), any());
    }

    @Test
    void aRunningJobKeepsItsLeaseFromTheRecoveryWithoutHoldingATransactionOpenOnPostgresql() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        Mockito.doAnswer(invocation -> {
            running.countDown();
            goOn.await(30, TimeUnit.SECONDS);
            return invocation.callRealMethod();
        }).when(ndjson).run(any(), any());
        MockHttpServletResponse started = upload(ImportApiIntegrationTests.WORKED_EXAMPLE.lines().findFirst()
                .orElseThrow());
        assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(202);
        long id = JSON.readTree(started.getContentAsString()).get("id").asLong();
        try {
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
            // quiet for ten minutes, as far as its heartbeat tells: only its lease shows it alive
            jdbc.update("update import_job set heartbeat_at = ? where id = ?",
                    OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).minusMinutes(10), id);

            worker.recoverAbandoned();

            assertThat(jdbc.queryForObject("select status from import_job where id = ?", String.class, id))
                    .isEqualTo("RUNNING");
            if (Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgres))) {
                // no session holds a transaction id: vacuum may remove what the import's rows leave behind
                assertThat(jdbc.queryForList("select pid, state, query from pg_stat_activity where datname ="
                        + " current_database() and backend_xid is not null")).isEmpty();
            }
        } finally {
            goOn.countDown();
        }
        assertThat(org.chancery.support.ImportJobs.awaitEnd(mvc, id).get("status").asString()).isEqualTo("SUCCEEDED");
        assertNoLeaseLeft();
    }

    @Test
    void aJobFailedAsAbandonedBeforeItsWorkerBeganDoesNotRunAndItsWorkerHoldsNoLockAfter() throws Exception {
        List<Future<?>> workers = new CopyOnWriteArrayList<>();
        Mockito.doAnswer(invocation -> {
            // quiet for ten minutes, and found so by a recovery before the worker takes the lease
            jdbc.update("update import_job set heartbeat_at = ? where id = ?",
                    OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).minusMinutes(10),
                    ((ImportJob) invocation.getArgument(0)).id());
            worker.recoverAbandoned();
            Future<?> running = (Future<?>) invocation.callRealMethod();
            workers.add(running);
            return running;
        }).when(worker).submit(any(), any(), any(), any());

        MockHttpServletResponse started = upload(ImportApiIntegrationTests.WORKED_EXAMPLE.lines().findFirst()
                .orElseThrow());

        assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(202);
        workers.get(0).get(30, TimeUnit.SECONDS);
        JsonNode job = org.chancery.support.ImportJobs.awaitEnd(mvc,
                JSON.readTree(started.getContentAsString()).get("id").asLong());
        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        verify(ndjson, Mockito.never()).run(any(), any());
        if (Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgres))) {
            assertThat(jdbc.queryForList("select pid, objid from pg_locks where locktype = 'advisory'"))
                    .as("advisory locks held").isEmpty();
        }
    }

    @Test
    void aJobFailedAsAbandonedWhileItsWorkerRunsTakesNoFurtherRowAndTheNextImportRuns() throws Exception {
        // what another instance's recovery records, having found the job's lease free and the job quiet (it
        // deletes the lease too, which the worker does here, its session being there)
        long id = workedExampleHeldAtItsFirstReport(job -> jdbc.update("update import_job set status = 'FAILED',"
                + " finished_at = ?, error = 'found abandoned', running_slot = null where id = ?",
                OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC), job));

        // one worker runs the jobs in turn: the next one ends only once the first one's worker has stopped
        assertThat(importedOneLine().get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode failed = org.chancery.support.ImportJobs.awaitEnd(mvc, id);
        assertThat(failed.get("error").asString()).isEqualTo("found abandoned");
        assertThat(failed.get("rowsDone").asInt()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from import_row where job_id = ?", Long.class, id)).isZero();
    }

    @Test
    void aJobWhoseLeasesDatabaseSessionEndsStopsAtItsNextRowAndIsFailedSaying() throws Exception {
        long id = workedExampleHeldAtItsFirstReport(job -> {
            endTheLeasesSession(job);
            // the worker asks about its lease's session at most once a second
            Thread.sleep(1_100);
        });

        JsonNode failed = org.chancery.support.ImportJobs.awaitEnd(mvc, id);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("error").asString()).startsWith("The database session holding the job's lease ended");
        assertThat(failed.get("rowsDone").asInt()).isEqualTo(1);
        assertThat(importedOneLine().get("status").asString()).isEqualTo("SUCCEEDED");
        assertNoLeaseLeft();
    }

    /**
     * No job holds a lease: a worker records its job's end before it deletes the lease, so a client that saw the end
     * may read the lease a moment before it goes (within seconds).
     */
    private void assertNoLeaseLeft() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (jdbc.queryForObject("select count(*) from import_lease", Long.class) > 0) {
            assertThat(System.nanoTime()).as("a lease left after its job's end").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** What a test does to a job while its worker is held. */
    @FunctionalInterface
    private interface WhileHeld {
        void run(long jobId) throws Exception;
    }

    /**
     * Starts a job of the worked example whose worker is held at its first row's report (in that row's transaction)
     * while {@code whileHeld} runs; answers the job's id.
     */
    private long workedExampleHeldAtItsFirstReport(WhileHeld whileHeld) throws Exception {
        CountDownLatch reporting = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        Mockito.doAnswer(invocation -> {
            reporting.countDown();
            goOn.await(30, TimeUnit.SECONDS);
            return invocation.callRealMethod();
        }).doCallRealMethod().when(jobs).report(anyLong(), any());
        long id = startedWorkedExample();
        try {
            assertThat(reporting.await(30, TimeUnit.SECONDS)).isTrue();
            whileHeld.run(id);
        } finally {
            goOn.countDown();
        }
        return id;
    }

    private long startedWorkedExample() throws Exception {
        MockHttpServletResponse started = upload(ImportApiIntegrationTests.WORKED_EXAMPLE);
        assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(202);
        return JSON.readTree(started.getContentAsString()).get("id").asLong();
    }

    /**
     * Ends the database session that holds the job's lease, as an administrator would: on PostgreSQL the one holding
     * its advisory lock; on H2 the one holding its row's lock, which a transaction of the test's own waits for.
     */
    private void endTheLeasesSession(long id) throws Exception {
        if (Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) DatabaseProduct::isPostgres))) {
            assertThat(jdbc.queryForList("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
                    + " and classid = ? and objid = ?", Boolean.class, ImportLease.ADVISORY_CLASS, id))
                    .containsExactly(true);
            return;
        }
        try (Connection waiter = dataSource.getConnection()) {
            waiter.setAutoCommit(false);
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try (PreparedStatement lock = waiter.prepareStatement(
                        "select job_id from import_lease where job_id = ? for update")) {
                    lock.setLong(1, id);
                    lock.executeQuery().close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            LockWaits.awaitAWaitForALock(jdbc);
            assertThat(LockWaits.readingSessions(() -> jdbc.queryForList("select abort_session(blocker_id)"
                    + " from information_schema.sessions where blocker_id is not null", Boolean.class)))
                    .containsExactly(true);
            waiting.get(20, TimeUnit.SECONDS);
            waiter.rollback();
        }
    }

    /**
     * The look for abandoned imports, every five seconds, refused by a database that takes no writes (H2's refusal:
     * the look fails a job abandoned there): said once for as long as it refuses, not every five seconds, and said
     * again if it refuses again after a look it took.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aLookForAbandonedImportsRefusedAsReadOnlyIsSaidOnceAWhileTheDatabaseTakesNoWrites(CapturedOutput output) {
        String said = "Could not look for abandoned imports: the database takes no writes";
        AtomicBoolean refusing = new AtomicBoolean(true);
        Mockito.doAnswer(invocation -> {
            if (refusing.get()) {
                throw new DataAccessResourceFailureException("look for abandoned imports",
                        new SQLException("The database is read only", "90097"));
            }
            return invocation.callRealMethod();
        }).when(jobs).abandoned(anyLong());

        for (int look = 0; look < 3; look++) {
            worker.recoverAbandoned();
        }
        assertThat(output.getOut().split(said, -1)).as("said once").hasSize(2);

        refusing.set(false);
        worker.recoverAbandoned();
        refusing.set(true);
        worker.recoverAbandoned();
        assertThat(output.getOut().split(said, -1)).as("said again").hasSize(3);
    }
}
