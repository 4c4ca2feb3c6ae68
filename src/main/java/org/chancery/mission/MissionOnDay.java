package org.chancery.mission;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/** A mission as it stood at the end of a day: its status then, and its opening and closing if they had happened. */
@Schema(name = "MissionSummary", example = "{\"id\": 5, \"sendingCountry\": \"KR\", \"receivingCountry\": \"CU\", "
        + "\"type\": \"EMBASSY\", \"city\": \"Havana\", \"status\": \"OPEN\", \"openedOn\": \"2025-01-17\", \"closedOn\": null}")
public record MissionOnDay(long id, String sendingCountry, String receivingCountry, MissionType type, String city,
        MissionStatus status, LocalDate openedOn, LocalDate closedOn) {

    static MissionOnDay of(Mission mission, LocalDate day) {
        MissionStatus status = mission.statusOn(day);
        boolean opened = mission.openedOn() != null && !mission.openedOn().isAfter(day);
        boolean closed = mission.closedOn() != null && !mission.closedOn().isAfter(day);
        return new MissionOnDay(mission.id(), mission.sendingCountry().value(), mission.receivingCountry().value(),
                mission.type(), mission.city(), status, opened ? mission.openedOn() : null,
                closed ? mission.closedOn() : null);
    }
}
