package org.chancery.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.chancery.shared.ConflictException;
import org.chancery.shared.FactChanged;
import org.chancery.shared.HttpUrl;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.MalformedRequestException;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.PayloadTooLargeException;
import org.chancery.shared.UnavailableException;
import org.chancery.shared.web.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts import jobs and answers what they did. A file is spooled to disk as it arrives (at most
 * {@code chancery.imports.max-size}, UTF-8 checked on the way) and checked as a whole by its format
 * before the job starts; then the job runs in the background ({@link ImportWorker}) and the request
 * is answered at once. One job runs at a time, across instances.
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
public class Imports {

    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    /** How often {@link #cancel} looks whether the job it cancelled has ended. */
    private static final long CANCEL_POLL_MILLIS = 50;

    private final Map<String, ImportFormat> formats;
    private final ImportJobs jobs;
    private final ImportWorker worker;
    private final ImportProperties properties;
    private final SpoolFolder spool;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final ApplicationEventPublisher publisher;

    Imports(List<ImportFormat> formats, ImportJobs jobs, ImportWorker worker, ImportProperties properties,
            PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.formats = formats.stream().sorted(Comparator.comparing(ImportFormat::name))
                .collect(Collectors.toMap(ImportFormat::name, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
        this.jobs = jobs;
        this.worker = worker;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        reads.setReadOnly(true);
        properties.prepareSpool();
        try {
            this.spool = SpoolFolder.open(properties.spoolDir());
        } catch (IOException e) {
            throw new ImportProperties.UnusableSpoolFolder(properties.spoolDir()
                    + ": this server's folder in it cannot be made: " + e, e);
        }
    }

    /**
     * At the server's end, its spool folder goes (a job still reading its upload then keeps the file open until
     * ImportWorker ends it).
     */
    @PreDestroy
    void closeSpool() {
        spool.close();
    }

    /** Every hour, keeps this server's spool folder from a temporary files' cleaner ({@link SpoolFolder#keep}). */
    @Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    void keepSpool() {
        try {
            spool.keep();
        } catch (IOException | RuntimeException e) {
            log.warn("Could not keep the spool folder {}: {}", spool.path(), e.toString());
        }
    }

    /** The formats, by name. */
    public List<ImportFormat> formats() {
        return List.copyOf(formats.values());
    }

    /**
     * The format a request names.
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) on {@code format} if there is none by that name
     */
    public ImportFormat format(String name) {
        ImportFormat format = name == null ? null : formats.get(name.trim());
        if (format == null) {
            throw new InvalidInputException("format", "must be one of " + String.join(", ", formats.keySet()));
        }
        return format;
    }

    /**
     * Starts a job that imports {@code body} in {@code format} for {@code user}, and answers it at
     * once, {@code RUNNING}. The job's address, which facts cite where the format has no dataset of its
     * own, is made of {@code chancery.imports.public-url} or, unset, {@code baseUrl} (the server's, as
     * the client called it).
     *
     * @throws PayloadTooLargeException if the body is larger than the configured size
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) if the body is not UTF-8 text or not of
     *         the format as a whole; nothing is recorded
     * @throws ConflictException {@code IMPORT_RUNNING} if another job runs
     * @throws MalformedRequestException on the {@code Host} header if no source URL can be made of {@code baseUrl}
     *         (and no {@code chancery.imports.public-url} is set)
     * @throws RejectedExecutionException (answered 503) if the server is stopping, before the upload is read or
     *         once it is (nothing is recorded); a job recorded as the executor shut down stays {@code RUNNING} until
     *         the recovery fails it as abandoned
     */
    public ImportJob start(ImportFormat format, InputStream body, long declaredLength, String user, String baseUrl)
            throws IOException {
        if (worker.stopping()) { // before the upload is read: nothing is spooled or recorded
            throw new RejectedExecutionException("the server is stopping; it starts no import");
        }
        if (properties.publicUrl() == null && !new HttpUrl.Validator().isValid(baseUrl + "/api/imports/1", null)) {
            // Tomcat takes an empty Host or one with a port beyond 65535; a source must be an http(s) URL
            throw MalformedRequestException.header("Host", "names no address the job can be cited at ('" + baseUrl
                    + "'); send the server's host, or set chancery.imports.public-url");
        }
        Started started = prepare(format, body, declaredLength, properties.maxSize().toBytes(), user, true);
        String base = properties.publicUrl() == null ? baseUrl : properties.publicUrl();
        worker.submit(started.job(), format, started.input(), base + "/api/imports/" + started.job().id());
        return started.job();
    }

    /**
     * Imports a file to its end before it returns, as {@link #start} does in the background (the {@code history}
     * profile loads its data so at start-up). It runs on the worker's thread all the same, so that a server stopping
     * meanwhile ends it between two rows and marks it {@code FAILED}, as it does any job. The file is the
     * application's own, not an upload: {@code chancery.imports.max-size} does not limit it.
     *
     * @return the job, ended
     * @throws StoppedMeanwhile if the server stopped before the job ended, or before it began (the job is then failed
     *                          by the next start)
     */
    public ImportJob runNow(ImportFormat format, InputStream body, String user, String baseUrl) throws IOException {
        Started started = prepare(format, body, -1, Long.MAX_VALUE, user, false);
        long id = started.job().id();
        try {
            worker.submit(started.job(), format, started.input(), baseUrl + "/api/imports/" + id).get();
        } catch (RejectedExecutionException stopping) {
            throw new StoppedMeanwhile(id);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException unexpected ? unexpected : new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoppedMeanwhile(id);
        }
        if (worker.stopping()) {
            throw new StoppedMeanwhile(id);
        }
        return get(id);
    }

    /** The server stopped while {@link #runNow} waited for its job: the job is, or will be, {@code FAILED}. */
    public static final class StoppedMeanwhile extends RuntimeException {

        StoppedMeanwhile(long jobId) {
            super("The server stopped while import " + jobId + " ran; it is FAILED, what it imported stays.");
        }
    }

    /** Whether this server is stopping: it starts no job, and one waiting for another's should give up. */
    public boolean stopping() {
        return worker.stopping();
    }

    /** The job running now, from whichever instance sharing the database started it, if one is. */
    public Optional<ImportJob> running() {
        return reads.execute(status -> jobs.running());
    }

    /** Whether a job of the format has ever succeeded. */
    public boolean succeededOnce(String format) {
        return Boolean.TRUE.equals(reads.execute(status -> jobs.succeeded(format)));
    }

    private record Started(ImportJob job, ImportInput input) {
    }

    /** Spools and checks the file and records its job (unless the server stops and {@code refusedIfStopping}). */
    private Started prepare(ImportFormat format, InputStream body, long declaredLength, long max, String user,
            boolean refusedIfStopping) throws IOException {
        if (declaredLength > max) {
            throw tooLarge(max);
        }
        ImportInput input = spool(body, max);
        try {
            int rows;
            try {
                rows = format.check(input);
            } catch (ImportInput.CsvSyntaxException | ImportInput.RecordTooLong e) {
                throw new InvalidInputException("body", e.getMessage());
            }
            if (refusedIfStopping && worker.stopping()) { // the stop began while the upload was read
                throw new RejectedExecutionException("the server is stopping; it starts no import");
            }
            worker.recoverAbandonedBeforeAStart();
            ImportJob job = transactions.execute(status -> jobs.start(format.name(), user, rows)
                    .map(started -> ImportWorker.actingAs(user, () -> {
                        publisher.publishEvent(FactChanged.created("import", started.id()));
                        return started;
                    }))).orElseThrow(() ->
                    new ConflictException(ProblemCode.IMPORT_RUNNING.name(), reads.execute(
                            status -> jobs.running()).map(running -> "Import " + running.id() + " (" + running.format()
                                    + ", " + running.rowsDone() + " of " + running.rowsTotal() + " rows done) is "
                                    + "running; one import runs at a time.")
                            // (it ended meanwhile)
                            .orElse("Another import was running; one import runs at a time: send the file again.")));
            return new Started(job, input);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(input.file());
            throw e;
        }
    }

    /**
     * @throws NotFoundException if there is no such job
     */
    public ImportJob get(long id) {
        return reads.execute(status -> jobs.find(id)).orElseThrow(() -> NotFoundException.of("import", id));
    }

    /**
     * Cancels a running job for {@code user}: its worker, on whichever instance runs it, ends it {@code FAILED} between
     * two of its rows, within a second; what it imported stays, and running its file again completes it. Waits up
     * to {@code wait} for the job to end and answers it as it then stands ({@code RUNNING} still if it did not end
     * in time: it ends at its next row). Cancelling a job already cancelled waits for it again and changes nothing.
     *
     * @throws NotFoundException if there is no such job
     * @throws ConflictException {@code IMPORT_NOT_RUNNING} if the job has ended
     */
    public ImportJob cancel(long id, String user, Duration wait) {
        transactions.executeWithoutResult(status -> {
            if (jobs.cancel(id, user)) {
                publisher.publishEvent(FactChanged.updated("import", id));
                log.info("Import {} is cancelled by {}", id, user);
                return;
            }
            ImportJob job = jobs.find(id).orElseThrow(() -> NotFoundException.of("import", id));
            if (job.status() != ImportStatus.RUNNING) {
                throw new ConflictException(ProblemCode.IMPORT_NOT_RUNNING.name(), "Import " + id + " ended "
                        + job.status() + " at " + job.finishedAt() + ": only a running import can be cancelled.");
            }
        });
        long deadline = System.nanoTime() + wait.toNanos();
        ImportJob job = get(id);
        while (job.status() == ImportStatus.RUNNING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(CANCEL_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            job = get(id);
        }
        return job;
    }

    /** The jobs, newest first. */
    public Page<ImportJob> list(Pageable pageable) {
        return reads.execute(status -> jobs.page(pageable));
    }

    /**
     * A job's row reports in input order, of one outcome and carrying one flag if given.
     *
     * @throws NotFoundException if there is no such job
     */
    public Page<RowReport> rows(long id, ImportOutcome outcome, String flag, Pageable pageable) {
        get(id);
        return reads.execute(status -> jobs.rows(id, outcome, flag, pageable));
    }

    /** Every row report of the job that the filters keep, in line order, one at a time (the CSV answer). */
    public void forEachRow(long id, ImportOutcome outcome, String flag, Consumer<RowReport> each) {
        get(id);
        reads.executeWithoutResult(status -> jobs.forEachRow(id, outcome, flag, each));
    }

    /**
     * Fails the jobs that a stopped server left running (their lease is not held), so that their
     * file can be run again: at start-up, before a job starts, and regularly (see {@link ImportWorker}).
     */
    public void recoverAbandoned() {
        worker.recoverAbandoned();
    }

    /** Copies the body to a file of the spool folder, checking its size and that it is UTF-8 on the way. */
    private ImportInput spool(InputStream body, long max) throws IOException {
        Path file;
        try {
            // the folder and its lock again if a temporary files' cleaner deleted them
            spool.keep();
            file = Files.createTempFile(spool.path(), "import-", ".upload");
        } catch (IOException | SecurityException e) {
            throw unusableSpool(e);
        }
        Utf8Check utf8 = new Utf8Check();
        long total = 0;
        try (InputStream in = body; OutputStream out = spooled(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                total += read;
                if (total > max) {
                    throw tooLarge(max);
                }
                try {
                    out.write(buffer, 0, read);
                } catch (IOException full) { // the server's disk, not the client's upload
                    throw unusableSpool(full);
                }
                utf8.read(buffer, read);
            }
            utf8.end();
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (total == 0) {
            Files.deleteIfExists(file);
            throw new InvalidInputException("body", "is empty; send the file as the request body");
        }
        return new ImportInput(file);
    }

    private OutputStream spooled(Path file) {
        try {
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw unusableSpool(e);
        }
    }

    /** The spool folder cannot take the upload (not writable any more, its disk full): the operator's to fix. */
    private UnavailableException unusableSpool(Exception e) {
        return new UnavailableException("The server cannot keep the upload while its job runs: its folder for them "
                + "(chancery.imports.spool-dir) cannot be written to or is full. Nothing was imported; an operator "
                + "must mend it.", e);
    }

    /** Decodes a body as it arrives, to tell where it stops being UTF-8: the byte (from 0) and the line (from 1). */
    private static final class Utf8Check {

        private static final String SAVE_AS_UTF8 = "; save the file as UTF-8 (or convert it, as with iconv -f "
                + "windows-1252 -t utf-8 for a file of Excel's)";

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer pending = ByteBuffer.allocate((1 << 16) + 8);
        /** The file's first bytes, to tell a file of another kind than text from text in another encoding. */
        private final byte[] start = new byte[4];
        private int started;
        private final CharBuffer chars = CharBuffer.allocate(1 << 16);
        private long decoded;
        private long line = 1;

        void read(byte[] buffer, int length) {
            for (int i = 0; i < length && started < start.length; i++) {
                start[started++] = buffer[i];
            }
            pending.put(buffer, 0, length).flip();
            decode(false);
            pending.compact();
        }

        void end() {
            pending.flip();
            decode(true);
            chars.clear();
            if (decoder.flush(chars).isError()) {
                throw new InvalidInputException("body", "is not UTF-8 text (it ends inside a character, on line "
                        + line + ")" + advice());
            }
        }

        /** What to do, told by the file's first bytes where they say what it is. */
        private String advice() {
            int first = started > 0 ? start[0] & 0xFF : -1;
            int second = started > 1 ? start[1] & 0xFF : -1;
            if ((first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF)) {
                return ": it is UTF-16 text (it begins with UTF-16's byte order mark); save it as UTF-8 (or convert "
                        + "it, as with iconv -f utf-16 -t utf-8)";
            }
            if (first == 0x1F && second == 0x8B) {
                return ": it is compressed (gzip); send the file itself, uncompressed";
            }
            if (first == 'P' && second == 'K' && started > 3 && start[2] == 3 && start[3] == 4) {
                return ": it is a ZIP archive (a spreadsheet workbook, say); save the sheet as CSV UTF-8 and send that";
            }
            return SAVE_AS_UTF8;
        }

        private void decode(boolean end) {
            while (true) {
                chars.clear();
                int before = pending.position();
                CoderResult result = decoder.decode(pending, chars, end);
                decoded += pending.position() - before;
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                    }
                }
                if (result.isError()) {
                    throw new InvalidInputException("body", "is not UTF-8 text (a malformed byte sequence at byte "
                            + decoded + ", on line " + line + ")" + advice());
                }
                if (result.isUnderflow()) {
                    break;
                }
            }
        }
    }

    private static PayloadTooLargeException tooLarge(long max) {
        log.info("Import refused: larger than {} bytes", max);
        return new PayloadTooLargeException("The file is larger than " + max + " bytes, the most an import takes "
                + "(chancery.imports.max-size).");
    }
}
