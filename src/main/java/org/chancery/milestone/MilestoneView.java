package org.chancery.milestone;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.shared.Source;

/**
 * A milestone as clients and the other modules see it, with its status and {@code onTime} derived
 * for the day it was read.
 */
@Schema(name = "Milestone", example = "{\"id\": 4, \"countries\": [\"CU\", \"KR\"], "
        + "\"title\": \"Cuban embassy in Seoul opens\", \"target\": \"2024-07\", \"targetStart\": \"2024-07-01\", "
        + "\"targetEnd\": \"2024-07-31\", \"missionId\": 5, \"status\": \"OVERDUE\", \"achievedOn\": null, "
        + "\"onTime\": null, \"sources\": []}")
public record MilestoneView(
        long id,
        @Schema(description = "the pair's two countries, sorted") List<String> countries,
        String title,
        @Schema(description = "partial date: YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD", example = "2024-07")
        String target,
        @Schema(description = "first day the target covers") LocalDate targetStart,
        @Schema(description = "last day the target covers (inclusive)") LocalDate targetEnd,
        @Schema(nullable = true, description = "the mission whose opening achieves the milestone, if any") Long missionId,
        MilestoneStatus status,
        @Schema(nullable = true, description = "null unless ACHIEVED") LocalDate achievedOn,
        @Schema(nullable = true, description = "whether achievedOn <= targetEnd; null unless ACHIEVED") Boolean onTime,
        List<Source> sources) {

    static MilestoneView of(Milestone milestone, LocalDate today) {
        return new MilestoneView(milestone.id(), milestone.pair().codes(), milestone.title(),
                milestone.target(), milestone.targetStart(), milestone.targetEnd(), milestone.missionId(),
                milestone.status(today), milestone.achievedOn(), milestone.onTime(), milestone.sources());
    }
}
