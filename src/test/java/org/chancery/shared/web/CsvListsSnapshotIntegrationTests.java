package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * as the list was when the answer began.
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
}
