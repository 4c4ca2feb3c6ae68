package org.chancery.milestone.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.milestone.MilestoneStatus;
import org.chancery.milestone.MilestoneView;
import org.chancery.shared.Source;

/** A milestone as answered, with its status and {@code onTime} derived for the day it was read. */
@Schema(name = "Milestone", example = "{\"id\": 2, \"countries\": [\"CU\", \"KR\"], "
        + "\"title\": \"Cuban embassy in Seoul opens\", \"target\": \"2024-07\", \"targetStart\": \"2024-07-01\", "
        + "\"targetEnd\": \"2024-07-31\", \"missionId\": 408, \"status\": \"OVERDUE\", \"achievedOn\": null, "
        + "\"onTime\": null, \"sources\": []}")
public record MilestoneResponse(
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

    public static MilestoneResponse from(MilestoneView milestone) {
        return new MilestoneResponse(milestone.id(), milestone.countries(), milestone.title(), milestone.target(),
                milestone.targetStart(), milestone.targetEnd(), milestone.missionId(), milestone.status(),
                milestone.achievedOn(), milestone.onTime(), milestone.sources());
    }
}
