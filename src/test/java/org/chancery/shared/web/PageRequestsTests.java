package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Set;

import org.chancery.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

class PageRequestsTests {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "country", "country", "id", "id",
            "title", "title", "organization", "organization");

    @Test
    void refusesAnUnknownFieldNamingTheSortableOnesInOneOrderAndTheDirections() {
        // "name,sideways": Spring takes a last part that is no direction for a second field
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> PageRequests.of(
                PageRequest.of(0, 20, Sort.by("name", "sideways")), SORTABLE, Sort.by("name"), "id"));

        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("sort");
            assertThat(error.message()).isEqualTo("cannot sort by 'sideways'; sortable fields: country, id, name, "
                    + "organization, title (each as field or field,asc or field,desc)");
        });
    }

    @Test
    void breaksTiesByTheTieBreakerInTheFirstOrdersDirection() {
        assertThat(PageRequests.of(PageRequest.of(0, 20, Sort.by(Sort.Order.desc("title"), Sort.Order.asc("name"))),
                SORTABLE, Set.of("title"), Sort.by("name"), "id").getSort())
                .containsExactly(Sort.Order.desc("title").nullsLast(), Sort.Order.asc("name"), Sort.Order.desc("id"));
        assertThat(PageRequests.of(PageRequest.of(0, 20, Sort.by("country")), SORTABLE, Sort.by("name"), "id")
                .getSort()).containsExactly(Sort.Order.asc("country"), Sort.Order.asc("id"));
        assertThat(PageRequests.of(PageRequest.of(0, 20), SORTABLE, Sort.by(Sort.Direction.DESC, "name"), "id")
                .getSort()).as("the default order's ties too").containsExactly(Sort.Order.desc("name"),
                        Sort.Order.desc("id"));
        assertThat(PageRequests.of(PageRequest.of(0, 20, Sort.by(Sort.Order.desc("id"))), SORTABLE, Sort.by("name"),
                "id").getSort()).as("an order by the tie-breaker itself").containsExactly(Sort.Order.desc("id"));
    }
}
