package org.chancery.timeline;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** One dated fact about a pair. */
@Schema(name = "TimelineItem", example = "{\"date\": \"2024-02-14\", \"type\": \"RESTORED\", "
        + "\"summary\": \"Diplomatic relations restored between CU and KR\", \"ref\": {\"kind\": \"event\", \"id\": 3}}")
public record TimelineItem(LocalDate date, String type, String summary, Ref ref) {

    /** What the item is about: {@code event}, {@code meeting}, {@code mission}, {@code head}, {@code accreditation} or {@code milestone}. */
    @Schema(name = "TimelineRef")
    public record Ref(String kind, long id) {
    }
}
