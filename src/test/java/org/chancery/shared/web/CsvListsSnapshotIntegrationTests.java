package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.chancery.country.Countries;
import org.chancery.country.Lifetime;
import org.chancery.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A list's CSV read a page at a time while another request adds a row ahead of the next page: every row once,
 * as the list was when the answer began; and no more exports at once than leave the pool to the other requests.
 */
class CsvListsSnapshotIntegrationTests extends ApiIntegrationTest {

    record Code(String code) {
    }

    @Autowired
    private CsvLists lists;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Countries countries;

    @Test
    void aListWrittenWhileARowIsAddedAheadOfItsNextPageHoldsEachRowOnceAsTheListWasWhenItBegan() throws Exception {
        List<String> before = jdbc.queryForList("select code from country order by code", String.class);
        AtomicBoolean added = new AtomicBoolean();
        MockHttpServletResponse response = new MockHttpServletResponse();

        lists.write(response, "codes", Code.class, CsvLists.paged(Sort.unsorted(), 100, page -> {
            List<Code> rows = jdbc.query("select code from country order by code offset ? rows fetch next ? rows only",
                    (row, n) -> new Code(row.getString(1)), page.getOffset(), page.getPageSize() + 1);
            if (!added.getAndSet(true)) {
                // another request, committed before the next page is read: it sorts first
                CompletableFuture.runAsync(() -> countries.create("AA", "AAA", null, "Aardvark", Lifetime.UNBOUNDED,
                        List.of())).join();
            }
            boolean more = rows.size() > page.getPageSize();
            return new SliceImpl<>(more ? rows.subList(0, page.getPageSize()) : rows, page, more);
        }));

        List<String> written = response.getContentAsString().lines().skip(1).toList();
        assertThat(written).doesNotHaveDuplicates().containsExactlyElementsOf(before);
        assertThat(jdbc.queryForObject("select count(*) from country where code = 'AA'", Long.class)).isOne();
    }

    @Test
    void answersAnExportBeyondThoseItReadsAtOnce503ButNotAListOfOnePageAndKeepsThePoolForEveryOtherRequest() throws Exception {
        CountDownLatch reading = new CountDownLatch(CsvLists.CONCURRENT_EXPORTS);
        CountDownLatch goOn = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CsvLists.CONCURRENT_EXPORTS);
        try {
            List<Future<String>> exports = new ArrayList<>();
            for (int i = 0; i < CsvLists.CONCURRENT_EXPORTS; i++) {
                exports.add(clients.submit(() -> {
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    // an export that reads long (a million meetings), each holding a connection meanwhile
                    lists.write(response, "codes", Code.class, row -> {
                        reading.countDown();
                        try {
                            goOn.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        row.accept(new Code("CU"));
                    });
                    return response.getContentAsString();
                }));
            }
            assertThat(reading.await(30, TimeUnit.SECONDS)).as("every export reading").isTrue();

            mvc.perform(get("/api/meetings?format=csv")).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"))
                    .andExpect(jsonPath("$.detail", containsString("as many CSV exports as it writes at once")));
            List<Integer> pagesRead = new ArrayList<>();
            assertThatThrownBy(() -> lists.write(new MockHttpServletResponse(), "codes", Code.class,
                    CsvLists.paged(Sort.unsorted(), 2, page -> {
                        pagesRead.add(page.getPageNumber());
                        return new SliceImpl<>(List.of(new Code("CU"), new Code("KR")), page, true);
                    }))).as("a list of many pages, refused as its second begins").isInstanceOf(ExportsBusy.class);
            assertThat(pagesRead).containsExactly(0);
            getJson("/api/missions").andExpect(status().isOk());
            getJson("/api/countries/CU").andExpect(status().isOk());
            // what the admin UI reads as CSV, one page each, reads on
            mvc.perform(get("/api/countries?format=csv")).andExpect(status().isOk());
            mvc.perform(get("/api/relations?asOf=2024-01-01&format=csv")).andExpect(status().isOk());
            mvc.perform(get("/api/missions?format=csv")).andExpect(status().isOk());
            mvc.perform(get("/api/relations/CU/KR/timeline?format=csv")).andExpect(status().isOk());

            goOn.countDown();
            for (Future<String> export : exports) {
                assertThat(export.get(30, TimeUnit.SECONDS)).isEqualTo("code\r\nCU\r\n");
            }
        } finally {
            goOn.countDown();
            clients.shutdown();
        }
        mvc.perform(get("/api/meetings?format=csv")).andExpect(status().isOk());
    }
}
