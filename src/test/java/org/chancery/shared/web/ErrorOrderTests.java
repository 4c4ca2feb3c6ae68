package org.chancery.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The order of a validation problem's errors: by field as a reader reads them, indexes as numbers. */
class ErrorOrderTests {

    @Test
    void fieldsAreInReadingOrderWithTheirIndexesComparedAsNumbers() {
        List<String> sorted = Stream.of("sources[10].url", "type", "sources[2].url", "sources", "sources[2].title",
                "date", "sources[1]").sorted(ProblemDetailsAdvice::compareFields).toList();

        assertThat(sorted).containsExactly("date", "sources", "sources[1]", "sources[2].title", "sources[2].url",
                "sources[10].url", "type");
    }
}
