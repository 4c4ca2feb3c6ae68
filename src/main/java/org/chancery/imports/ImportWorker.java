package org.chancery.imports;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import org.chancery.shared.FactChanged;
import org.chancery.shared.LostConnections;
import org.chancery.shared.ReadOnlyDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs in the background, one at a time, each as the user who started it. While a job
 * runs, its worker holds the job's lease ({@link ImportLease}) on a connection of its own: a job whose lease
 * another instance can take belongs to a server that stopped, and {@link #recoverAbandoned} fails it
 * (after it has shown no progress for a few seconds, so that a job just started is never taken for
 * one). What a failed job imported stays; running its file again completes it.
 */
@Component
class ImportWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    /** A job that has shown no progress for this long, and whose lease is free, was abandoned. */
    private static final long QUIET_SECONDS = 5;

    /** What the error of every failed job adds: nothing is undone, and the file can be run again. */
    private static final String RERUN = " What it imported stays; running the file again completes it.";

    static final String ABANDONED = "The server stopped while the job ran; what it imported stays. Run the file "
            + "again to complete it: what is already there answers ALREADY_PRESENT.";

    /** The error of a job found abandoned: its server stopped without ending it, or could not record its end. */
    static final String FOUND_ABANDONED = "The job's server stopped while it ran, or could not record its end; what "
            + "it imported stays. Run the file again to complete it: what is already there answers ALREADY_PRESENT.";

    /** The error of a job whose database connection was lost while it ran. */
    static final String CONNECTION_LOST = "The job lost its database connection (the database restarted, or an "
            + "administrator ended its session), so it stopped: what it imported stays. Run the file again to complete "
            + "it: what is already there answers ALREADY_PRESENT.";

    /** The error of a job whose writes the database refused (it was read-only). */
    static final String DATABASE_READ_ONLY = "The database took no writes (it was read-only: under maintenance, or "
            + "a standby), so the job stopped: what it imported stays. Run the file again once it takes writes to "
            + "complete it: what is already there answers ALREADY_PRESENT.";

    /** The error of a job one of whose statements the database cancelled. */
    static final String STATEMENT_CANCELLED = "The database cancelled a statement of the job (it ran past the "
            + "database's time limit, or an administrator cancelled it), so the job stopped: what it imported stays. "
            + "Run the file again to complete it: what is already there answers ALREADY_PRESENT.";

    /** The error of a job whose lease's database session ended while it ran. */
    static final String LEASE_LOST = "The database session holding the job's lease ended while it ran (ended by an "
            + "administrator or a timeout, or the database restarted), so the job stopped: what it imported stays. Run "
            + "the file again to complete it: what is already there answers ALREADY_PRESENT.";

    /** Writing a job's end is tried this many times, this long apart, before it is left to the recovery. */
    private static final int FINISH_ATTEMPTS = 3;
    private static final long FINISH_RETRY_MILLIS = 500;

    /** How often a running job asks whether it was cancelled, at most. */
    private static final long CANCEL_CHECK_MILLIS = 500;

    /** How long a stopping server waits for a running job to end at its next row. */
    private static final long STOP_TIMEOUT_SECONDS = 20;

    private volatile boolean stopping;

    private final ImportJobs jobs;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chancery-import");
        thread.setDaemon(true);
        return thread;
    });

    private final ApplicationEventPublisher publisher;
    private final MeterRegistry meters;
    private final ReadOnlyDatabases readOnlyDatabases;

    /** Whether the last look for abandoned jobs was refused as read-only, and said so. */
    private final AtomicBoolean readOnlySaid = new AtomicBoolean();

    /** When a look refused as read-only last renewed the pool's sessions ({@link System#nanoTime}). */
    private volatile long lastRenewal;

    ImportWorker(ImportJobs jobs, DataSource dataSource, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher publisher, MeterRegistry meters, ReadOnlyDatabases readOnlyDatabases) {
        this.readOnlyDatabases = readOnlyDatabases;
        this.publisher = publisher;
        this.meters = meters;
        this.jobs = jobs;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Whether the server is stopping: a job ends at its next row, and no new one begins. */
    boolean stopping() {
        return stopping;
    }

    /**
     * The server is stopping from the moment its context begins to close, before the web server's graceful shutdown
     * waits for the requests in flight (up to its timeout): a running job ends at its next row then, not once they
     * are done, and an import sent meanwhile is refused (503) rather than answered 202 and failed at once. The
     * executor itself is shut down with the beans ({@link #stop()}).
     */
    @EventListener
    void closing(ContextClosedEvent event) {
        if (event.getApplicationContext() == publisher) { // not a child context's (a management port's)
            stopping = true;
        }
    }

    /** Runs the job in the background. */
    Future<?> submit(ImportJob job, ImportFormat format, ImportInput input, String jobUrl) {
        return executor.submit(() -> run(job, format, input, jobUrl));
    }

    /** Runs the job on the worker's thread, to its end, as the user who started it. */
    private void run(ImportJob job, ImportFormat format, ImportInput input, String jobUrl) {
        try {
            actingAs(job.createdBy(), () -> {
                runLeased(job, format, input, jobUrl);
                return null;
            });
        } finally {
            delete(input.file());
        }
    }

    private void runLeased(ImportJob job, ImportFormat format, ImportInput input, String jobUrl) {
        try (ImportLease lease = ImportLease.hold(dataSource, job.id())) {
            ImportStatus status = ImportStatus.SUCCEEDED;
            String error = null;
            try {
                CancelCheck cancelCheck = new CancelCheck(job.id());
                format.run(input, new ImportRun(job, jobUrl, jobs, transactions, meters, () -> {
                    if (stopping) {
                        throw new ImportRun.ServerStopping();
                    }
                    lease.checkHeld();
                    cancelCheck.check();
                }));
                log.info("Import {} ({}) succeeded", job.id(), job.format());
            } catch (ImportRun.NoLongerRunning e) {
                // the recovery recorded its end and deleted its lease; the end below writes nothing on it (the job
                // is not running) but drops the rows the job staged
                status = ImportStatus.FAILED;
                error = FOUND_ABANDONED;
                log.warn("Import {} ({}) was failed as abandoned while its worker ran (its lease's database session "
                        + "had ended); it stops, what it recorded before stays", job.id(), job.format());
            } catch (ImportLease.Lost e) {
                status = ImportStatus.FAILED;
                error = LEASE_LOST;
                log.warn("Import {} ({}) stops: the database session holding its lease ended (ended by an "
                        + "administrator or a timeout, or the database restarted)", job.id(), job.format());
            } catch (ImportRun.Cancelled e) {
                status = ImportStatus.FAILED;
                error = ImportJob.cancellationError(e.user());
                log.info("Import {} ({}) was cancelled by {}; it is FAILED, what it imported stays", job.id(),
                        job.format(), e.user());
            } catch (ImportRun.ServerStopping e) {
                status = ImportStatus.FAILED;
                error = ABANDONED;
                log.info("Import {} ({}) stopped with the server; it is FAILED, what it imported stays", job.id(),
                        job.format());
            } catch (RuntimeException e) {
                status = ImportStatus.FAILED;
                if (LostConnections.lost(e)) {
                    error = CONNECTION_LOST;
                    log.warn("Import {} ({}) stops: it lost its database connection: {}", job.id(), job.format(),
                            e.toString());
                } else if (readOnlyDatabases.refusedWrite(e)) {
                    error = DATABASE_READ_ONLY;
                    readOnlyDatabases.renewSessions();
                    log.warn("Import {} ({}) stops: the database takes no writes: {}", job.id(), job.format(),
                            e.toString());
                } else if (cancelledByTheDatabase(e)) {
                    error = STATEMENT_CANCELLED;
                    log.warn("Import {} ({}) stops: the database cancelled a statement of it: {}", job.id(),
                            job.format(), e.toString());
                } else {
                    error = "The job could not go on: an unexpected error occurred; it has been logged." + RERUN;
                    log.error("Import {} ({}) failed", job.id(), job.format(), e);
                }
            } catch (IOException | Error e) {
                // an Error too (a stack overflow on a pathological line): the job is FAILED, never left SUCCEEDED
                status = ImportStatus.FAILED;
                error = (e instanceof IOException ? "The job could not read its copy of the file; the error has been logged."
                        : "The job could not go on: an unexpected error occurred; it has been logged.") + RERUN;
                log.error("Import {} ({}) failed", job.id(), job.format(), e);
            } finally {
                refreshStatistics(job); // before its end is seen: a client then reads the report
                // The lease goes only with the job's end recorded: a job whose end could not be written keeps
                // it, free once the hold ends, and the recovery (every 5 s, and before any start) finds the job
                // abandoned and fails it, where a job left RUNNING without a lease would hold the running slot
                // for good.
                if (finish(job.id(), status, error)) {
                    release(lease, job.id());
                }
            }
        } catch (ImportLease.Gone e) {
            log.info("Import {} ({}) was failed as abandoned before its worker began; it does not run", job.id(),
                    job.format());
        } catch (SQLException e) {
            log.error("Import {} lost its database connection", job.id(), e);
            finish(job.id(), ImportStatus.FAILED, "The job lost its database connection; the error has been logged."
                    + RERUN);
        }
    }

    /** The report's statistics refreshed (see {@link ImportJobs#refreshStatistics}); one that fails is logged. */
    private void refreshStatistics(ImportJob job) {
        try {
            jobs.refreshStatistics();
        } catch (DataAccessException e) {
            log.warn("The statistics of import {}'s report could not be refreshed: {}", job.id(), e.toString());
        }
    }

    /**
     * Whether an administrator cancelled the job ({@link Imports#cancel}), asked of the database at most every
     * {@value #CANCEL_CHECK_MILLIS} ms, the first time at once.
     */
    private final class CancelCheck {

        private final long jobId;
        private long checkedAt = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(CANCEL_CHECK_MILLIS);

        CancelCheck(long jobId) {
            this.jobId = jobId;
        }

        /**
         * @throws ImportRun.Cancelled if the job was cancelled, asked between two transactions only: a batch whose
         *         rows are reported in its own transaction is not rolled back for it
         */
        void check() {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                return;
            }
            long now = System.nanoTime();
            if (now - checkedAt < TimeUnit.MILLISECONDS.toNanos(CANCEL_CHECK_MILLIS)) {
                return;
            }
            checkedAt = now;
            Optional<String> user = transactions.execute(tx -> jobs.cancelledBy(jobId));
            if (user.isPresent()) {
                throw new ImportRun.Cancelled(user.get());
            }
        }
    }

    /**
     * Deletes the lease of a job whose end is recorded: on the lease's connection, or if its session ended, on
     * another; if that fails too, the recovery deletes it within seconds (the lease is free).
     */
    private void release(ImportLease lease, long jobId) throws SQLException {
        if (lease.stillHeld()) {
            lease.release();
            return;
        }
        try {
            transactions.executeWithoutResult(tx -> jobs.release(jobId));
        } catch (RuntimeException e) {
            log.info("Import {}: its lease is left to the recovery: {}", jobId, e.toString());
        }
    }

    /**
     * Runs {@code work} in a security context of its own naming the user who started an import (the
     * change feed records the job and its facts as theirs), or {@code system} for the recovery of abandoned jobs,
     * and restores the thread's context after.
     */
    static <T> T actingAs(String user, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                AuthorityUtils.NO_AUTHORITIES));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * Records the job's end, trying again a moment later if the database refuses (no connection in time); false
     * (logged) if it could not be written: once its lease is free, the recovery (every 5 s, and before any import
     * starts) finds the job abandoned and fails it.
     */
    private boolean finish(long jobId, ImportStatus status, String error) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(tx -> {
                    // (a job the recovery failed meanwhile is not written again)
                    if (jobs.finish(jobId, status, error)) {
                        publisher.publishEvent(FactChanged.updated("import", jobId));
                    }
                });
                return true;
            } catch (RuntimeException e) {
                if (attempt == FINISH_ATTEMPTS) {
                    log.error("Import {} could not be marked {}; the recovery fails it as abandoned once its lease is "
                            + "free", jobId, status, e);
                    return false;
                }
                log.warn("Import {} could not be marked {} (attempt {} of {}): {}", jobId, status, attempt,
                        FINISH_ATTEMPTS, e.toString());
                try {
                    Thread.sleep(FINISH_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /**
     * Fails the jobs whose server stopped while they ran (at start-up, then every few seconds). While the database
     * takes no writes, that is said once, not every five seconds, and the pool's sessions are renewed as after any
     * write it refused, then once a minute (not every five seconds on a standby): once it takes writes again, a look
     * finds it so within the minute, or sooner after a request's write renews them.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelay = 5_000, fixedDelay = 5_000)
    void recoverAbandoned() {
        try {
            recover();
            readOnlySaid.set(false);
        } catch (RuntimeException e) {
            if (!readOnlyDatabases.refusedWrite(e)) {
                log.warn("Could not look for abandoned imports: {}", e.toString());
                return;
            }
            long now = System.nanoTime();
            if (!readOnlySaid.get() || now - lastRenewal >= TimeUnit.MINUTES.toNanos(1)) {
                lastRenewal = now;
                readOnlyDatabases.renewSessions();
            }
            if (!readOnlySaid.getAndSet(true)) {
                log.warn("Could not look for abandoned imports: the database takes no writes (looked for again every "
                        + "5 s, not said again until it has taken them): {}", e.toString());
            }
        }
    }

    /**
     * As {@link #recoverAbandoned}, for a request about to start a job: a database that gives no connection, or
     * loses it, fails the request now (503), not after a second wait for a connection to start the job.
     */
    void recoverAbandonedBeforeAStart() {
        try {
            recover();
        } catch (CannotCreateTransactionException | DataAccessResourceFailureException e) {
            throw e;
        } catch (RuntimeException e) {
            if (LostConnections.lost(e)) {
                throw e;
            }
            log.warn("Could not look for abandoned imports: {}", e.toString());
        }
    }

    /**
     * Whether a statement of the job was cancelled by the database: for its time limit ({@code statement_timeout}),
     * or by an administrator ({@code pg_cancel_backend}); SQL state 57014 either way, however wrapped.
     */
    private static boolean cancelledByTheDatabase(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof QueryTimeoutException || cause instanceof SQLException sql
                    && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails the abandoned jobs, as "system" in the change feed whichever thread looks: a request starting an
     * import looks too, and its user did not fail another's job.
     */
    private void recover() {
        actingAs("system", () -> {
            transactions.executeWithoutResult(tx -> {
                for (long jobId : jobs.abandoned(QUIET_SECONDS)) {
                    jobs.release(jobId);
                    // (another instance may have failed it a moment before: once only)
                    if (jobs.finish(jobId, ImportStatus.FAILED, FOUND_ABANDONED)) {
                        publisher.publishEvent(FactChanged.updated("import", jobId));
                        log.warn("Import {} was left running (its server stopped, or could not record its end); it "
                                + "is FAILED now", jobId);
                    }
                }
            });
            return null;
        });
    }

    /**
     * A stopping server ends a running job between two of its transactions (each row's, or a batch's)
     * and marks it FAILED before the database goes away, so that it is not left RUNNING until the next
     * start finds it abandoned, and nothing is logged as an error. A job that does not end in time is
     * interrupted, as before.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("An import did not stop within {} s; it is interrupted", STOP_TIMEOUT_SECONDS);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the spooled import {}", file, e);
        }
    }
}
