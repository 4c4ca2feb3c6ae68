package org.chancery.mission;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.shared.DatePrecision;

/** A mission as it stood at the end of a day: its status then, and its opening and closing if they had happened. */
@Schema(name = "MissionSummary", example = "{\"id\": 5, \"sendingCountry\": \"KR\", \"receivingCountry\": \"CU\", "
        + "\"type\": \"EMBASSY\", \"city\": \"Havana\", \"status\": \"OPEN\", \"openedOn\": \"2025-01-17\", "
        + "\"closedOn\": null, \"openedPrecision\": \"DAY\", \"closedPrecision\": null}")
public record MissionOnDay(long id, String sendingCountry, String receivingCountry, MissionType type,
        @Schema(nullable = true, description = "null if not known") String city,
        MissionStatus status,
        @Schema(nullable = true, description = "null unless it had opened by that day") LocalDate openedOn,
        @Schema(nullable = true, description = "null unless it had closed by that day") LocalDate closedOn,
        @Schema(nullable = true, description = "how well `openedOn` is known: DAY, MONTH or YEAR; null when it is")
        DatePrecision openedPrecision,
        @Schema(nullable = true, description = "how well `closedOn` is known: DAY, MONTH or YEAR; null when it is")
        DatePrecision closedPrecision) {

    /**
     * A mission whose recorded status, opening and closing (with how well they are known) are these, as it stood
     * at the end of {@code day}.
     */
    static MissionOnDay of(long id, String sendingCountry, String receivingCountry, MissionType type, String city,
            MissionStatus recorded, LocalDate openedOn, DatePrecision openedPrecision, LocalDate closedOn,
            DatePrecision closedPrecision, LocalDate day) {
        boolean opened = openedOn != null && !openedOn.isAfter(day);
        boolean closed = closedOn != null && !closedOn.isAfter(day);
        return new MissionOnDay(id, sendingCountry, receivingCountry, type, city,
                Mission.statusOn(recorded, openedOn, closedOn, day), opened ? openedOn : null, closed ? closedOn : null,
                opened ? DatePrecision.orDefault(openedPrecision) : null,
                closed ? DatePrecision.orDefault(closedPrecision) : null);
    }
}
