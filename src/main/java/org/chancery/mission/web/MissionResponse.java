package org.chancery.mission.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.mission.Mission;
import org.chancery.mission.MissionStatus;
import org.chancery.mission.MissionType;
import org.chancery.mission.MissionView;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Source;

@Schema(name = "Mission", example = "{\"id\": 408, \"sendingCountry\": \"CU\", \"receivingCountry\": \"KR\", "
        + "\"type\": \"EMBASSY\", "
        + "\"city\": \"Seoul\", \"status\": \"PLANNED\", \"plannedOpening\": \"2024-07\", "
        + "\"plannedOpeningStart\": \"2024-07-01\", \"plannedOpeningEnd\": \"2024-07-31\", \"openedOn\": null, "
        + "\"openedPrecision\": null, \"closedOn\": null, "
        + "\"closedPrecision\": null, "
        + "\"closingReason\": null, \"protectingPower\": null, \"predecessorId\": null, \"successorId\": null, \"heads\": [], "
        + "\"currentHead\": null, \"version\": 0, \"sources\": []}")
record MissionResponse(Long id, String sendingCountry, String receivingCountry, MissionType type,
        @Schema(nullable = true, description = "null if not known") String city,
        MissionStatus status,
        @Schema(nullable = true, description = "partial date the opening is planned for; null if none was given")
        String plannedOpening,
        @Schema(nullable = true, description = "first day plannedOpening covers") LocalDate plannedOpeningStart,
        @Schema(nullable = true, description = "last day plannedOpening covers (inclusive)") LocalDate plannedOpeningEnd,
        @Schema(nullable = true, description = "null until it opens") LocalDate openedOn,
        @Schema(nullable = true, description = "how precisely openedOn is known; null until it opens")
        DatePrecision openedPrecision,
        @Schema(nullable = true, description = "null until it closes") LocalDate closedOn,
        @Schema(nullable = true, description = "how precisely closedOn is known; null until it closes")
        DatePrecision closedPrecision,
        @Schema(nullable = true, description = "null until it closes (a cancelled mission never opened: none)")
        String closingReason,
        @Schema(nullable = true, description = "the protecting power of an INTERESTS_SECTION (R9); null otherwise")
        String protectingPower,
        @Schema(nullable = true) Long predecessorId,
        @Schema(nullable = true) Long successorId,
        List<HeadResponse> heads,
        @Schema(nullable = true, description = "the head serving today; null if none") HeadResponse currentHead,
        long version, List<Source> sources) {

    static MissionResponse from(MissionView mission, LocalDate today) {
        var planned = mission.plannedOpening();
        return new MissionResponse(mission.id(), mission.sendingCountry().value(), mission.receivingCountry().value(),
                mission.type(), mission.city(), mission.status(), planned == null ? null : planned.toString(),
                planned == null ? null : planned.start(), planned == null ? null : planned.end(), mission.openedOn(),
                mission.openedPrecision(), mission.closedOn(), mission.closedPrecision(), mission.closingReason(),
                mission.protectingPower() == null ? null : mission.protectingPower().value(), mission.predecessorId(),
                mission.successorId(), mission.heads().stream().map(HeadResponse::from).toList(),
                mission.headServingOn(today).map(HeadResponse::from).orElse(null), mission.version(), mission.sources());
    }

    static MissionResponse from(Mission mission, LocalDate today) {
        return from(MissionView.of(mission), today);
    }
}
