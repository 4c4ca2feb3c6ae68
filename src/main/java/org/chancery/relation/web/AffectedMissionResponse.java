package org.chancery.relation.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.relation.AffectedMission;
import org.chancery.shared.DatePrecision;

/**
 * A mission that a relation event changed (R11: closed by a severance), as listed in the answer; its type and status
 * are the mission's, named here as the relation knows them (the mission module's enums are documented by name).
 */
@Schema(name = "AffectedMission")
record AffectedMissionResponse(Long id, String sendingCountry, String receivingCountry,
        @Schema(ref = "#/components/schemas/MissionType") String type,
        @Schema(nullable = true, description = "null if not known") String city,
        @Schema(ref = "#/components/schemas/MissionStatus") String status,
        LocalDate openedOn, DatePrecision openedPrecision, LocalDate closedOn,
        DatePrecision closedPrecision, String closingReason) {

    static AffectedMissionResponse from(AffectedMission mission) {
        return new AffectedMissionResponse(mission.id(), mission.sendingCountry(), mission.receivingCountry(),
                mission.type(), mission.city(), mission.status(), mission.openedOn(), mission.openedPrecision(),
                mission.closedOn(), mission.closedPrecision(), mission.closingReason());
    }
}
