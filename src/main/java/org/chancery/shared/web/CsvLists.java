package org.chancery.shared.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.shared.Snapshots;
import org.chancery.shared.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The CSV answer of a list (API.md 1.1, {@code Accept: text/csv} or {@code format=csv}): every
 * matching row in the list's order, not one page, as RFC 4180 (UTF-8, CRLF, quotes where a value
 * needs them) with a header row of the JSON field names ({@link CsvColumns}). Rows are fetched a
 * page at a time and written to a temporary file as they come, so that memory does not grow with
 * the number of rows; the pages are read in one read-only transaction that sees the list as it was
 * at its first read (repeatable read), which ends before the file goes to the client.
 */
@Component
public class CsvLists {

    public static final String TEXT_CSV = "text/csv";

    /** Rows read from the database at a time. */
    static final int PAGE_SIZE = 1000;

    /**
     * Exports read at once beyond their first page, each holding a connection while it reads (a million meetings
     * took minutes at scale 10): more are answered 503 at once, so that clients asking for exports, even ones that
     * hang up and leave them to run, keep the rest of the pool (10 connections unless configured) for every other
     * request. A list of one page (the countries, a day's relations, a pair's story of fewer than a thousand meetings,
     * which the admin UI reads as CSV) never waits.
     */
    static final int CONCURRENT_EXPORTS = 3;

    private final Semaphore exporting = new Semaphore(CONCURRENT_EXPORTS);

    private static final Logger log = LoggerFactory.getLogger(CsvLists.class);

    /** The files of the exports, in {@code java.io.tmpdir}: {@code chancery-<random>.csv}. */
    private static final String PREFIX = "chancery-";
    private static final String SUFFIX = ".csv";

    /** An export's file older than this was left by a server killed while it exported: no export lasts a day. */
    static final Duration LEFT_BEHIND = Duration.ofDays(1);

    private final JsonMapper json;
    private final CsvMapper csv = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();
    private final Snapshots snapshots;
    private final EntityManager entities;

    CsvLists(JsonMapper json, Snapshots snapshots, EntityManager entities) {
        this.json = json;
        this.entities = entities;
        // the pages of one answer are read in one snapshot
        this.snapshots = snapshots;
        deleteLeftBehind(Path.of(System.getProperty("java.io.tmpdir")), Instant.now());
    }

    /**
     * Deletes the files of exports that a server killed while it exported left in {@code folder} (every other end of
     * an export deletes its own): those older than {@link #LEFT_BEHIND}, which no export still writes or sends.
     */
    static void deleteLeftBehind(Path folder, Instant now) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                try {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(file,
                            LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(now.minus(LEFT_BEHIND))) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    log.warn("Could not delete {}, an export's file left behind: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for exports' files left behind in {}: {}", folder, e.toString());
        }
    }

    /** Rows produced one after the other, to a consumer that writes each at once. */
    @FunctionalInterface
    public interface RowSource<T> {

        void forEach(Consumer<? super T> row);

        /** These rows, each as {@code mapping} makes it. */
        default <R> RowSource<R> map(Function<? super T, ? extends R> mapping) {
            return row -> forEach(each -> row.accept(mapping.apply(each)));
        }
    }

    /**
     * Rows read from the database a page at a time: {@code read} hands over a page's rows, and runs its
     * {@code nextPage} before each page after the first. There an export lets the entities of the page before go,
     * which the persistence context of its one transaction would otherwise keep to the end (a list of a million
     * rows, a million entities), and takes its place among the {@link #CONCURRENT_EXPORTS}: a list of one page is
     * read in one statement, like a list in memory, and never waits for the long exports.
     */
    private record Pages<T>(BiConsumer<Consumer<? super T>, Runnable> read) implements RowSource<T> {

        @Override
        public void forEach(Consumer<? super T> row) {
            read.accept(row, () -> { });
        }

        void forEach(Consumer<? super T> row, Runnable nextPage) {
            read.accept(row, nextPage);
        }

        @Override
        public <R> RowSource<R> map(Function<? super T, ? extends R> mapping) {
            return new Pages<R>((row, nextPage) -> read.accept(each -> row.accept(mapping.apply(each)), nextPage));
        }
    }

    /** Rows already read. */
    private record InMemory<T>(List<T> rows) implements RowSource<T> {

        @Override
        public void forEach(Consumer<? super T> row) {
            rows.forEach(row);
        }
    }

    /** Every row of a paged list in the order {@code sort} gives, read {@value #PAGE_SIZE} at a time. */
    public static <T> RowSource<T> paged(Sort sort, Function<Pageable, ? extends Slice<T>> pages) {
        return paged(sort, PAGE_SIZE, pages);
    }

    static <T> RowSource<T> paged(Sort sort, int pageSize, Function<Pageable, ? extends Slice<T>> pages) {
        return new Pages<T>((row, nextPage) -> {
            Pageable page = PageRequest.of(0, pageSize, sort);
            Slice<T> slice = pages.apply(page);
            slice.forEach(row);
            while (slice.hasNext()) {
                nextPage.run();
                page = page.next();
                slice = pages.apply(page);
                slice.forEach(row);
            }
        });
    }

    /**
     * Every row of a list in the order of a key, read {@value #PAGE_SIZE} at a time after the key of the last row
     * read ({@code after} answers at most that many rows whose key follows the one given, in the key's order), from
     * {@code first} on: no page is counted and none reads the rows before it again (as an offset does), so a list of
     * any length costs one statement a page.
     */
    public static <T, K> RowSource<T> keyed(K first, BiFunction<K, Integer, List<T>> after, Function<T, K> key) {
        return keyed(first, PAGE_SIZE, after, key);
    }

    static <T, K> RowSource<T> keyed(K first, int pageSize, BiFunction<K, Integer, List<T>> after,
            Function<T, K> key) {
        return new Pages<T>((row, nextPage) -> {
            List<T> page = after.apply(first, pageSize);
            page.forEach(row);
            while (page.size() >= pageSize) {
                nextPage.run();
                page = after.apply(key.apply(page.get(page.size() - 1)), pageSize);
                page.forEach(row);
            }
        });
    }

    /**
     * Rows a reader hands over a page at a time ({@code read} gets the consumer of the rows and the {@code nextPage}
     * it runs before each page after the first), as {@link #paged} and {@link #keyed} read them: a list of one page
     * never waits for the long exports.
     */
    public static <T> RowSource<T> inPages(BiConsumer<Consumer<? super T>, Runnable> read) {
        return new Pages<>(read);
    }

    /** Every row of a list that is not paged. */
    public static <T> RowSource<T> all(List<T> rows) {
        return new InMemory<>(rows);
    }

    /** The name of a pair's list, {@code timeline-cu-kr} for CU and KR's timeline (a file's name is in lower case). */
    public static String ofPair(String list, List<String> countries) {
        return list + "-" + String.join("-", countries);
    }

    /**
     * Writes the rows as CSV to the response, {@code name.csv}.
     *
     * @param rowType the record each row is, as the JSON answer of the list has it
     */
    public <T> void write(HttpServletResponse response, String name, Class<T> rowType, RowSource<T> rows)
            throws IOException {
        CsvColumns columns = CsvColumns.of(rowType);
        if (answersHead()) {
            // the headers a GET answers but its length, which only the export itself gives (RFC 9110, 9.3.2): a HEAD
            // reads no row
            describe(response, name);
            return;
        }
        CsvSchema schema = CsvSchema.builder()
                .addColumns(columns.names(), CsvSchema.ColumnType.STRING)
                .setUseHeader(true)
                .setLineSeparator("\r\n")
                .build();
        // Every row is read, in one transaction, into a file of its own before anything is set on the response:
        // the transaction and its connection last as long as the database takes, not as long as a slow client
        // takes to read (ten such clients held the whole pool), and a refusal or a failure met on any page still
        // answers as a problem, not as a CSV cut short.
        Path file = written(schema, columns, rows);
        try {
            describe(response, name);
            response.setContentLengthLong(Files.size(file));
            Files.copy(file, response.getOutputStream());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Every row written to a file of its own, in one read-only transaction; no file is left if that fails. */
    private <T> Path written(CsvSchema schema, CsvColumns columns, RowSource<T> rows) throws IOException {
        Path file;
        try {
            file = Files.createTempFile(PREFIX, SUFFIX);
        } catch (IOException cannot) {
            throw unwritable(cannot);
        }
        Permit permit = new Permit();
        try {
            if (!(rows instanceof Pages<T> || rows instanceof InMemory<T>)) {
                permit.take(); // read at length, in no pages of its own
            }
            try (OutputStream out = Files.newOutputStream(file);
                    SequenceWriter writer = csv.writerFor(String[].class).with(schema).writeValues(out)) {
                Consumer<T> write = row -> writer.write(columns.values(json.valueToTree(row)));
                snapshots.read(() -> {
                    if (rows instanceof Pages<T> pages) {
                        pages.forEach(write, () -> {
                            entities.clear();
                            permit.take();
                        });
                    } else {
                        rows.forEach(write);
                    }
                });
            } catch (JacksonIOException full) { // the server's disk, not the database nor the client
                throw unwritable(full);
            }
            return file;
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(file);
            throw e;
        } finally {
            permit.release();
        }
    }

    /** An export's place among the {@link #CONCURRENT_EXPORTS}, taken once, when it first needs one. */
    private final class Permit {

        private boolean held;

        /** @throws ExportsBusy if as many exports as are read at once are under way */
        void take() {
            if (!held) {
                if (!exporting.tryAcquire()) {
                    throw new ExportsBusy();
                }
                held = true;
            }
        }

        void release() {
            if (held) {
                held = false;
                exporting.release();
            }
        }
    }

    /** The export's file cannot be written ({@code java.io.tmpdir} full or not writable): the operator's to mend. */
    private static UnavailableException unwritable(Exception e) {
        return new UnavailableException("The server cannot write the export's temporary file (java.io.tmpdir is "
                + "full or cannot be written to); an operator must mend it. The list's JSON pages answer meanwhile.",
                e);
    }

    private static void describe(HttpServletResponse response, String name) {
        response.setContentType(TEXT_CSV + ";charset=UTF-8");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + name.toLowerCase(Locale.ROOT) + ".csv\"");
    }

    private static boolean answersHead() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && HttpMethod.HEAD.matches(attributes.getRequest().getMethod());
    }
}
