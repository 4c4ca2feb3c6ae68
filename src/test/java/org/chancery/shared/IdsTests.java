package org.chancery.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void answersInTheOrderOfTheIdsAndLeavesOutThoseNotFound() {
        Map<Long, String> found = Map.of(1L, "one", 2L, "two", 3L, "three");

        assertThat(Ids.inOrder(List.of(3L, 9L, 1L, 2L), found, String::toUpperCase))
                .containsExactly("THREE", "ONE", "TWO");
        assertThat(Ids.inOrder(List.of(), found, String::toUpperCase)).isEmpty();
    }
}
