package org.chancery.mission.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.mission.HeadOfMission;
import org.chancery.mission.HeadRank;
import org.chancery.mission.MissionView.HeadView;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Source;

@Schema(name = "HeadOfMission", example = "{\"id\": 1, \"missionId\": 408, \"diplomatId\": 3, "
        + "\"name\": \"Claudio Monzón Baeza\", "
        + "\"rank\": \"AMBASSADOR\", \"agrementOn\": \"2024-12-01\", \"startedOn\": \"2025-01-08\", "
        + "\"startedPrecision\": \"DAY\", \"endedOn\": null, \"endedPrecision\": null, \"sources\": []}")
record HeadResponse(Long id, long missionId, long diplomatId, String name, HeadRank rank,
        @Schema(nullable = true, description = "null if not known") LocalDate agrementOn,
        LocalDate startedOn,
        @Schema(description = "how precisely `startedOn` is known: DAY, MONTH or YEAR (`startedOn` is then the first "
                + "day of that month or year)") DatePrecision startedPrecision,
        @Schema(nullable = true, description = "null while the head serves") LocalDate endedOn,
        @Schema(nullable = true, description = "how precisely `endedOn` is known; null while the head serves") DatePrecision endedPrecision,
        List<Source> sources) {

    public static HeadResponse from(HeadView head) {
        return new HeadResponse(head.id(), head.missionId(), head.diplomatId(), head.name(), head.rank(),
                head.agrementOn(), head.startedOn(), head.startedPrecision(), head.endedOn(), head.endedPrecision(),
                head.sources());
    }

    public static HeadResponse from(HeadOfMission head) {
        return from(HeadView.of(head));
    }
}
