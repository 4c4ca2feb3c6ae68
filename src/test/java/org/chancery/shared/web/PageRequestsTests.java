package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

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
}
