package org.chancery.mission.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.mission.HeadOfMission;
import org.chancery.mission.HeadRank;
import org.chancery.mission.MissionView.HeadView;
import org.chancery.shared.Source;

@Schema(name = "HeadOfMission", example = "{\"id\": 2, \"missionId\": 5, \"diplomatId\": 7, \"name\": \"Claudio Monzón Baeza\", "
        + "\"rank\": \"AMBASSADOR\", \"agrementOn\": \"2024-12-01\", \"startedOn\": \"2025-01-08\", \"endedOn\": null, \"sources\": []}")
public record HeadResponse(Long id, long missionId, long diplomatId, String name, HeadRank rank, LocalDate agrementOn,
        LocalDate startedOn, LocalDate endedOn, List<Source> sources) {

    public static HeadResponse from(HeadView head) {
        return new HeadResponse(head.id(), head.missionId(), head.diplomatId(), head.name(), head.rank(),
                head.agrementOn(), head.startedOn(), head.endedOn(), head.sources());
    }

    public static HeadResponse from(HeadOfMission head) {
        return from(HeadView.of(head));
    }
}
