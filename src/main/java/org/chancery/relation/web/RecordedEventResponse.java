package org.chancery.relation.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.relation.EventType;
import org.chancery.relation.RecordedEvent;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Source;

/** The event just recorded, and the missions and accreditations its effects changed (R11). */
@Schema(name = "RecordedEvent", example = "{\"id\": 3, \"type\": \"SEVERED\", \"date\": \"1961-01-03\", "
        + "\"datePrecision\": \"DAY\", \"note\": null, \"sources\": [], \"affectedMissions\": [{\"id\": 5, "
        + "\"sendingCountry\": \"US\", \"receivingCountry\": \"CU\", \"type\": \"EMBASSY\", \"city\": \"Havana\", "
        + "\"status\": \"CLOSED\", \"openedOn\": \"1923-02-10\", \"openedPrecision\": \"DAY\", "
        + "\"closedOn\": \"1961-01-03\", \"closedPrecision\": \"DAY\", "
        + "\"closingReason\": \"RELATIONS_SEVERED\"}], \"affectedAccreditations\": []}")
record RecordedEventResponse(Long id, EventType type, LocalDate date, DatePrecision datePrecision,
        @Schema(nullable = true) String note,
        List<Source> sources,
        @Schema(description = "missions a severance closed (R11); empty otherwise")
        List<AffectedMissionResponse> affectedMissions,
        @Schema(description = "AMBASSADOR and ENVOY accreditations of either country to the other that a severance "
                + "ended (R11); empty otherwise") List<AffectedAccreditationResponse> affectedAccreditations) {

    static RecordedEventResponse from(RecordedEvent recorded) {
        EventResponse event = EventResponse.from(recorded.event().asRecord());
        return new RecordedEventResponse(event.id(), event.type(), event.date(), event.datePrecision(), event.note(),
                event.sources(), recorded.effects().missions().stream().map(AffectedMissionResponse::from).toList(),
                recorded.effects().accreditations().stream().map(AffectedAccreditationResponse::from).toList());
    }
}
