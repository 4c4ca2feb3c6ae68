package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.servlet.ServletOutputStream;

import org.chancery.shared.Snapshots;
import org.chancery.shared.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

class CsvListsTests {

    enum Level { AMBASSADOR, ENVOY }

    record Head(String name, LocalDate startedOn) {
    }

    record Row(long id, String name, Level level, Head currentHead, List<Head> heads, List<String> outcomes,
            Map<Level, Long> counts, List<Source> sources) {
    }

    /** No database here: the rows are in memory. */
    private static final PlatformTransactionManager NO_DATABASE = new AbstractPlatformTransactionManager() {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    };

    private final EntityManager entities = mock(EntityManager.class);

    private final CsvLists csv = new CsvLists(JsonMapper.builder().build(), new Snapshots(NO_DATABASE), entities);

    @Test
    void writesAHeaderOfTheJsonFieldNamesWithNestedObjectsFlattenedAndListsJoined() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Row row = new Row(7, "Monzón, \"Claudio\"\nBaeza", Level.AMBASSADOR, new Head("Claudio", LocalDate.of(2025, 1, 8)),
                List.of(new Head("A", LocalDate.of(2024, 8, 1)), new Head("Claudio", LocalDate.of(2025, 1, 8))),
                List.of("open embassies", "trade"), Map.of(Level.ENVOY, 31L),
                List.of(new Source("https://www.cibercuba.com/", "CiberCuba", null, null)));

        csv.write(response, "Rows", Row.class, CsvLists.all(List.of(row)));

        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"rows.csv\"");
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("id,name,level,currentHead.name,currentHead.startedOn,heads.name,heads.startedOn,"
                + "outcomes,counts.AMBASSADOR,counts.ENVOY,sources.url,sources.publisher,sources.title,"
                + "sources.publishedOn\r\n"
                + "7,\"Monzón, \"\"Claudio\"\"\nBaeza\",AMBASSADOR,Claudio,2025-01-08,A;Claudio,2024-08-01;2025-01-08,"
                + "open embassies;trade,,31,https://www.cibercuba.com/,CiberCuba,,\r\n");
    }

    @Test
    void writesANullWithinANestedListAsAnEmptyElementSoThatTheListsColumnsLineUp() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Row row = new Row(8, "Three heads", null, null, List.of(new Head("A", null), new Head("B", LocalDate.of(2013, 1, 1)),
                new Head(null, null)), List.of(), Map.of(), List.of());

        csv.write(response, "Rows", Row.class, CsvLists.all(List.of(row)));

        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body.lines().skip(1)).containsExactly("8,Three heads,,,,A;B;,;2013-01-01;,,,,,,,");
    }

    record Post(String city, List<Source> sources) {
    }

    record Posts(long id, List<Post> posts) {
    }

    @Test
    void writesAListWithinAListsElementAsOneElementSoThatTheOuterListsColumnsLineUp() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        Source first = new Source("https://example.org/a;1", "A", null, null);
        Source second = new Source("https://example.org/b", "B", null, null);
        Source third = new Source("https://example.org/c", null, null, null);
        Posts row = new Posts(9, List.of(new Post("Havana", List.of(first, second)), new Post("Seoul", List.of()),
                new Post(null, null), new Post("Bridgetown", List.of(third))));

        csv.write(response, "Posts", Posts.class, CsvLists.all(List.of(row)));

        List<String> lines = response.getContentAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,posts.city,posts.sources.url,posts.sources.publisher,"
                + "posts.sources.title,posts.sources.publishedOn");
        // four posts, four elements in every column: the first post's two sources are one element (two titles
        // not known: \; an element of two empty ones), the second's and third's none an empty one; a ; within a
        // source's url is escaped once within the post's element and once more as that element is escaped
        assertThat(lines.get(1)).isEqualTo("9,Havana;Seoul;;Bridgetown,"
                + "https://example.org/a\\\\\\;1\\;https://example.org/b;;;https://example.org/c,"
                + "A\\;B;;;,\\;;;;,\\;;;;");
    }

    @Test
    void answersAHeadWithTheHeadersOfTheExportButReadsNoRow() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(
                new MockHttpServletRequest("HEAD", "/api/observations")));
        try {
            csv.write(response, "Observations", Head.class, row -> {
                throw new AssertionError("a HEAD read a row");
            });
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"observations.csv\"");
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void writesOnlyTheHeaderForNoRows() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        csv.write(response, "heads", Head.class, CsvLists.all(List.of()));
        assertThat(response.getContentAsString()).isEqualTo("name,startedOn\r\n");
    }

    @Test
    void readsEveryPageInATransactionThatEndsBeforeTheAnswerBegins() throws Exception {
        AtomicBoolean inTransaction = new AtomicBoolean();
        var transactions = new AbstractPlatformTransactionManager() {
            @Override
            protected Object doGetTransaction() {
                return new Object();
            }

            @Override
            protected void doBegin(Object transaction, TransactionDefinition definition) {
                inTransaction.set(true);
            }

            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                inTransaction.set(false);
            }

            @Override
            protected void doRollback(DefaultTransactionStatus status) {
                inTransaction.set(false);
            }
        };
        CsvLists lists = new CsvLists(JsonMapper.builder().build(), new Snapshots(transactions), entities);
        List<Boolean> inTransactionWhenAnswering = new ArrayList<>();
        MockHttpServletResponse response = new MockHttpServletResponse() {
            @Override
            public ServletOutputStream getOutputStream() {
                inTransactionWhenAnswering.add(inTransaction.get());
                return super.getOutputStream();
            }
        };
        int rows = 10 * CsvLists.PAGE_SIZE + 7;
        List<Integer> answeredBeforeEachPage = new ArrayList<>();
        List<Sort> sorts = new ArrayList<>();

        lists.write(response, "heads", Head.class, CsvLists.paged(Sort.by("name"), (Pageable page) -> {
            answeredBeforeEachPage.add(response.getContentAsByteArray().length);
            sorts.add(page.getSort());
            int from = (int) page.getOffset();
            return new PageImpl<>(heads(from, Math.min(rows, from + page.getPageSize())), page, rows);
        }));

        assertThat(lines(response)).isEqualTo(rows + 1);
        assertThat(response.getContentLengthLong()).isEqualTo(response.getContentAsByteArray().length);
        assertThat(answeredBeforeEachPage).as("bytes answered before each page was read").hasSize(11).containsOnly(0);
        assertThat(inTransactionWhenAnswering).as("in the transaction when the answer began").containsExactly(false);
        assertThat(sorts).containsOnly(Sort.by("name"));
    }

    @Test
    void aFailureOnALaterPageLeavesTheAnswerUntouchedForAProblemToBeWritten() {
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThatThrownBy(() -> csv.write(response, "heads", Head.class, CsvLists.paged(Sort.unsorted(), page -> {
            if (page.getPageNumber() == 2) {
                throw new IllegalStateException("the database went away");
            }
            return new PageImpl<>(heads((int) page.getOffset(), (int) page.getOffset() + page.getPageSize()), page,
                    10L * CsvLists.PAGE_SIZE);
        }))).hasMessage("the database went away");

        assertThat(response.getContentType()).isNull();
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).isNull();
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void leavesNoFileBehindWhetherTheAnswerIsSentOrFails() throws Exception {
        List<Path> before = exportFiles();

        csv.write(new MockHttpServletResponse(), "heads", Head.class, CsvLists.all(heads(0, 3)));
        assertThatThrownBy(() -> csv.write(new MockHttpServletResponse(), "heads", Head.class, row -> {
            throw new IllegalStateException("the database went away");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(exportFiles()).isEqualTo(before);
    }

    @Test
    void theFilesThatAServerKilledWhileExportingLeftAreDeletedWhenOneStarts(@TempDir Path folder) throws IOException {
        Instant now = Instant.parse("2026-12-03T08:00:00Z");
        Path leftBehind = Files.writeString(folder.resolve("chancery-123.csv"), "code\r\nCU\r\n");
        Files.setLastModifiedTime(leftBehind, FileTime.from(now.minus(Duration.ofHours(25))));
        Path exporting = Files.writeString(folder.resolve("chancery-456.csv"), "code\r\n");
        Files.setLastModifiedTime(exporting, FileTime.from(now.minus(Duration.ofMinutes(5))));
        Path another = Files.writeString(folder.resolve("report-789.csv"), "code\r\n");
        Files.setLastModifiedTime(another, FileTime.from(now.minus(Duration.ofDays(30))));
        Path spool = Files.createDirectory(folder.resolve("chancery-spool.csv"));
        Files.setLastModifiedTime(spool, FileTime.from(now.minus(Duration.ofDays(30))));

        CsvLists.deleteLeftBehind(folder, now);

        assertThat(leftBehind).doesNotExist();
        assertThat(exporting).exists();
        assertThat(another).exists();
        assertThat(spool).isDirectory();
    }

    private static List<Path> exportFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().matches("chancery-.*\\.csv")).sorted().toList();
        }
    }

    private static List<Head> heads(int from, int to) {
        List<Head> heads = new ArrayList<>();
        for (int i = from; i < to; i++) {
            heads.add(new Head("Head " + i, LocalDate.of(2000, 1, 1).plusDays(i)));
        }
        return heads;
    }

    private static int lines(MockHttpServletResponse response) {
        return (int) new String(response.getContentAsByteArray(), StandardCharsets.UTF_8).chars()
                .filter(c -> c == '\n').count();
    }

    @Test
    void readsAKeyedListAfterTheLastKeyOfEachPageUntilAPageComesShort() {
        List<Integer> rows = List.of(3, 5, 8, 13, 21);
        List<Integer> askedAfter = new ArrayList<>();
        List<Integer> read = new ArrayList<>();

        CsvLists.keyed(0, 2, (Integer after, Integer limit) -> {
            askedAfter.add(after);
            return rows.stream().filter(row -> row > after).limit(limit).toList();
        }, (Integer row) -> row).forEach(read::add);

        assertThat(read).isEqualTo(rows);
        assertThat(askedAfter).containsExactly(0, 5, 13);
    }

    @Test
    void asksOnceMoreAfterAFullLastPageAndStopsAtTheEmptyOne() {
        List<Integer> askedAfter = new ArrayList<>();

        CsvLists.keyed(0, 2, (Integer after, Integer limit) -> {
            askedAfter.add(after);
            return Stream.of(1, 2, 3, 4).filter(row -> row > after).limit(limit).toList();
        }, (Integer row) -> row).forEach(row -> { });

        assertThat(askedAfter).containsExactly(0, 2, 4);
    }

    @Test
    void letsTheEntitiesReadForEachPageGoBeforeTheNextIsRead() throws Exception {
        int rows = 2 * CsvLists.PAGE_SIZE + 1;
        List<Integer> clearedBeforePage = new ArrayList<>();
        List<Integer> clearedBeforeKeyedPage = new ArrayList<>();
        List<Integer> cleared = new ArrayList<>();
        doAnswer(invocation -> cleared.add(1)).when(entities).clear();

        csv.write(new MockHttpServletResponse(), "heads", Head.class, CsvLists.paged(Sort.unsorted(), page -> {
            clearedBeforePage.add(cleared.size());
            int from = (int) page.getOffset();
            return new PageImpl<>(heads(from, Math.min(rows, from + page.getPageSize())), page, rows);
        }));
        csv.write(new MockHttpServletResponse(), "heads", Head.class, CsvLists.keyed(0, (Integer after, Integer limit) -> {
            clearedBeforeKeyedPage.add(cleared.size());
            return Stream.iterate(after + 1, n -> n + 1).limit(Math.max(0, Math.min(limit, rows - after))).toList();
        }, (Integer row) -> row).map(row -> new Head("Head " + row, null)));
        csv.write(new MockHttpServletResponse(), "heads", Head.class, CsvLists.all(heads(0, 3)));

        assertThat(clearedBeforePage).containsExactly(0, 1, 2);
        assertThat(clearedBeforeKeyedPage).as("after the paged list's two").containsExactly(2, 3, 4);
        assertThat(cleared).as("none after a last page, none for rows in memory").hasSize(4);
    }
}
