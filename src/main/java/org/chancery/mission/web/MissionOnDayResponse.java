package org.chancery.mission.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.mission.MissionOnDay;
import org.chancery.mission.MissionStatus;
import org.chancery.mission.MissionType;
import org.chancery.shared.DatePrecision;

/** A mission as it stood at the end of a day, as answered in a relation's view. */
@Schema(name = "MissionSummary", example = "{\"id\": 407, \"sendingCountry\": \"KR\", \"receivingCountry\": \"CU\", "
        + "\"type\": \"EMBASSY\", \"city\": \"Havana\", \"status\": \"OPEN\", \"openedOn\": \"2025-01-17\", "
        + "\"closedOn\": null, \"openedPrecision\": \"DAY\", \"closedPrecision\": null}")
public record MissionOnDayResponse(long id, String sendingCountry, String receivingCountry, MissionType type,
        @Schema(nullable = true, description = "null if not known") String city,
        MissionStatus status,
        @Schema(nullable = true, description = "null unless it had opened by that day") LocalDate openedOn,
        @Schema(nullable = true, description = "null unless it had closed by that day") LocalDate closedOn,
        @Schema(nullable = true, description = "how well `openedOn` is known: DAY, MONTH or YEAR; null when it is")
        DatePrecision openedPrecision,
        @Schema(nullable = true, description = "how well `closedOn` is known: DAY, MONTH or YEAR; null when it is")
        DatePrecision closedPrecision) {

    public static MissionOnDayResponse from(MissionOnDay mission) {
        return new MissionOnDayResponse(mission.id(), mission.sendingCountry(), mission.receivingCountry(),
                mission.type(), mission.city(), mission.status(), mission.openedOn(), mission.closedOn(),
                mission.openedPrecision(), mission.closedPrecision());
    }
}
