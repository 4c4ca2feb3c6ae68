package org.chancery.imports;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.chancery.relation.PairRowCreatedMeanwhile;
import org.chancery.shared.AlreadyExistsException;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.JsonMistakes;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;
import org.chancery.shared.StorableValues;
import org.chancery.shared.VersionMismatchException;
import org.chancery.shared.web.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;

/**
 * One job as its format runs it: each row's work in a transaction of its own, written together with
 * the row's report and the job's progress, so that after a stop the job's counts are exactly the
 * rows reported, and a run of the same file again finds what the stopped one recorded.
 */
public final class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

    /** Staged rows read from the database at a time. */
    private static final int STAGED_PAGE = 500;

    private final ImportJob job;
    private final String jobUrl;
    private final ImportJobs jobs;
    private final TransactionTemplate transactions;
    private final List<StagedRow> toStage = new ArrayList<>();
    private final MeterRegistry meters;
    private final Runnable goOn;

    /**
     * @param goOn run between two transactions: throws {@link ServerStopping} if the server is stopping,
     *        {@link ImportLease.Lost} if the job's hold on its lease ended, or {@link Cancelled} if an administrator
     *        cancelled the job
     */
    ImportRun(ImportJob job, String jobUrl, ImportJobs jobs, TransactionTemplate transactions, MeterRegistry meters,
            Runnable goOn) {
        this.meters = meters;
        this.job = job;
        this.jobUrl = jobUrl;
        this.jobs = jobs;
        this.transactions = transactions;
        this.goOn = goOn;
    }

    /** The server is stopping: the job ends between two of its transactions, with what it recorded so far. */
    static final class ServerStopping extends RuntimeException {
        ServerStopping() {
            super("the server is stopping", null, false, false);
        }
    }

    /**
     * The job is no longer running: a recovery (this instance's regular look or another instance's) failed it,
     * having found its lease free (the worker's hold on it ended with its database session) and no progress for a
     * while. The row's transaction is rolled back and the job ends, so that a job started since never runs beside it.
     */
    static final class NoLongerRunning extends RuntimeException {
        NoLongerRunning(long jobId) {
            super("import " + jobId + " is no longer running: it was failed as abandoned meanwhile", null, false,
                    false);
        }
    }

    /** An administrator cancelled the job: it ends between two of its transactions, with what it recorded so far. */
    static final class Cancelled extends RuntimeException {

        private final String user;

        Cancelled(String user) {
            super("cancelled by " + user, null, false, false);
            this.user = user;
        }

        String user() {
            return user;
        }
    }

    /**
     * Ends the run here, between two transactions, if the server is stopping, the job's lease was lost or the job
     * was cancelled.
     */
    private void goOnUnlessEnded() {
        goOn.run();
    }

    public long jobId() {
        return job.id();
    }

    /** The user who started the job. */
    public String user() {
        return job.createdBy();
    }

    /**
     * The source every fact a row records carries, where the format has no dataset of its own to
     * cite: this job and the row's line.
     */
    public Source source(int line) {
        return new Source(jobUrl, "Chancery", "Import " + job.id() + " (" + job.format() + "), line " + line, null);
    }

    /** A row's work: it records facts through the services and says what it did. */
    @FunctionalInterface
    public interface RowWork {
        void apply(RowResult row);
    }

    /**
     * Runs a row's work in a transaction of its own and reports it in the same transaction. A row
     * the rules refuse, or that is malformed, changes nothing: its work is rolled back and it is
     * reported {@code REJECTED} with the code and detail the API would have answered.
     */
    public RowReport row(int line, RowWork work) {
        return row(line, work, false);
    }

    /**
     * {@link #row(int, RowWork)} for a row whose work looks up the facts its line names before its writes take their
     * locks (a chancery-ndjson line): refused for a conflict with what is recorded, it runs once more, where a
     * concurrent write that recorded meanwhile the fact the line names, or changed it, is seen by the lookup (the
     * line is then {@code ALREADY_PRESENT}, as when imported after that write, or says what differs); a refusal that
     * stands is reported.
     */
    public RowReport rowLookingAgain(int line, RowWork work) {
        return row(line, work, true);
    }

    private RowReport row(int line, RowWork work, boolean lookAgain) {
        goOnUnlessEnded();
        RowResult result = new RowResult(line);
        try {
            RowReport done;
            try {
                done = reported(work, result);
            } catch (NoLongerRunning ended) {
                throw ended;
            } catch (RuntimeException first) {
                // a write committed meanwhile: the first row of a pair this row writes (any row runs again, on it), or
                // the fact the line names, recorded or changed (a row that looks again)
                if (!(first instanceof PairRowCreatedMeanwhile || lookAgain && concurrentWriteMayExplain(first))) {
                    throw first;
                }
                result = new RowResult(line);
                done = reported(work, result);
            }
            count(List.of(done));
            return done;
        } catch (NoLongerRunning ended) {
            throw ended;
        } catch (RuntimeException refused) {
            String[] problem = problem(refused);
            RowReport report = RowReport.rejected(line, problem[0], problem[1], result.flags());
            transactions.executeWithoutResult(status -> jobs.report(job.id(), List.of(report)));
            count(List.of(report));
            return report;
        }
    }

    /**
     * Whether a write that committed while the row ran may have made it refused: a rule's refusal of a conflict with
     * what is recorded (409; not one of the line's own values, 400), a fact that exists, a version.
     */
    private static boolean concurrentWriteMayExplain(RuntimeException refused) {
        return refused instanceof RuleViolationException rule && rule.rule().status() == HttpStatus.CONFLICT
                || refused instanceof AlreadyExistsException || refused instanceof OptimisticLockingFailureException;
    }

    /** Runs a row's work and reports it, in a transaction of its own. */
    private RowReport reported(RowWork work, RowResult result) {
        return transactions.execute(status -> {
            work.apply(result);
            RowReport report = result.report();
            jobs.report(job.id(), List.of(report));
            return report;
        });
    }

    /**
     * Reports rows whose work the format did itself, in the caller's transaction if there is one
     * (a batch of rows and their facts written together), else in one of its own.
     */
    public void report(List<RowReport> reports) {
        goOnUnlessEnded();
        transactions.executeWithoutResult(status -> jobs.report(job.id(), reports));
        count(reports);
    }

    /** Counts reported rows by format and outcome ({@code chancery.import.rows}). */
    private void count(List<RowReport> reports) {
        for (RowReport report : reports) {
            Counter.builder("chancery.import.rows").description("Import rows reported, by format and outcome")
                    .tags("format", job.format(), "outcome", report.outcome().name()).register(meters).increment();
        }
    }

    /**
     * Runs a batch's work in the transaction of the rows it writes (see {@link #report}). A batch that a concurrent
     * write held up past the lock timeout (a table locked for maintenance), or that a deadlock chose, changed
     * nothing: its rows are reported {@code REJECTED} {@code CONCURRENT_MODIFICATION}, as a row of its own would
     * be, and the job goes on (running the file again completes it).
     *
     * @return whether the work was done
     */
    public boolean batch(List<Integer> lines, Runnable work) {
        goOnUnlessEnded();
        try {
            transactions.executeWithoutResult(status -> work.run());
            return true;
        } catch (ConcurrencyFailureException heldUp) {
            String[] problem = problem(heldUp);
            log.warn("Import {}: a batch of {} rows from line {} was held up by a concurrent write ({}); its rows are "
                    + "REJECTED, the job goes on", job.id(), lines.size(), lines.isEmpty() ? 0 : lines.get(0),
                    heldUp.getMostSpecificCause().toString());
            report(lines.stream().map(line -> RowReport.rejected(line, problem[0], problem[1], List.of())).toList());
            return false;
        }
    }

    /** Keeps an input row to be processed later, in the order of {@code sortKey} (unique within the job). */
    public void stage(String sortKey, int line, String payload) {
        goOnUnlessEnded();
        toStage.add(new StagedRow(sortKey, line, payload));
        if (toStage.size() == STAGED_PAGE) {
            flushStaged();
        }
    }

    /** Hands the staged rows over in the order of their sort keys, a page at a time. */
    public void staged(Consumer<StagedRow> handler) {
        flushStaged();
        String after = null;
        List<StagedRow> page;
        do {
            String from = after;
            page = transactions.execute(status -> jobs.staged(job.id(), from, STAGED_PAGE));
            page.forEach(handler);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).sortKey();
            }
        } while (page.size() == STAGED_PAGE);
    }

    /** Remembers, for later rows of this job, the fact a row's {@code ref} names (in the row's transaction). */
    public void defineRef(String ref, String kind, long factId) {
        jobs.defineRef(job.id(), ref, kind, factId);
    }

    /** Whether an earlier row defined {@code ref}, for a fact of any kind. */
    public boolean refDefined(String ref) {
        return jobs.refDefined(job.id(), ref);
    }

    /** The id of the fact of {@code kind} that an earlier row named {@code ref}. */
    public Optional<Long> ref(String ref, String kind) {
        return jobs.ref(job.id(), ref, kind);
    }

    private void flushStaged() {
        if (!toStage.isEmpty()) {
            List<StagedRow> rows = List.copyOf(toStage);
            transactions.executeWithoutResult(status -> jobs.stage(job.id(), rows));
            toStage.clear();
        }
    }

    /**
     * The code and detail the API answers for an exception a write threw.
     *
     * @throws RuntimeException the exception itself when it is not a refusal of the input (a fault
     *         of the server or the database: the job cannot go on)
     */
    static String[] problem(RuntimeException e) {
        if (e instanceof RuleViolationException rule) {
            return new String[] {rule.rule().code(), "Rule " + rule.rule().id() + ": " + rule.getMessage()};
        }
        if (e instanceof InvalidInputException invalid) {
            return new String[] {ProblemCode.VALIDATION_FAILED.name(), invalid.getMessage()};
        }
        if (e instanceof NotFoundException notFound) {
            return new String[] {ProblemCode.NOT_FOUND.name(), notFound.getMessage()};
        }
        if (e instanceof AlreadyExistsException exists) {
            return new String[] {ProblemCode.ALREADY_EXISTS.name(), exists.getMessage()};
        }
        if (e instanceof VersionMismatchException mismatch) {
            return new String[] {ProblemCode.VERSION_MISMATCH.name(), mismatch.getMessage()};
        }
        if (e instanceof DataIntegrityViolationException && StorableValues.refusedByTheDatabase(e)) {
            return new String[] {ProblemCode.VALIDATION_FAILED.name(), StorableValues.REFUSED_BY_THE_DATABASE};
        }
        if (e instanceof DataIntegrityViolationException) {
            return new String[] {Rule.R20_CONFLICTS_WITH_RECORDED_FACTS.code(),
                    "The write conflicts with recorded facts (a constraint of the database refused it)."};
        }
        String givenTwice = e instanceof JacksonException read ? JsonMistakes.nameGivenTwice(read) : null;
        if (givenTwice != null) {
            return new String[] {ProblemCode.MALFORMED_REQUEST.name(),
                    "The line names the property '" + givenTwice + "' twice; each property is given once."};
        }
        if (e instanceof ConcurrencyFailureException || e instanceof PessimisticLockingFailureException) {
            return new String[] {ProblemCode.CONCURRENT_MODIFICATION.name(),
                    "A concurrent write held the facts this row changes for too long; run the file again."};
        }
        throw e;
    }
}
