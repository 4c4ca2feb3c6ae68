package org.chancery.relation.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.relation.EventRecord;
import org.chancery.relation.EventType;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Source;

/** A relation event as clients see it. */
@Schema(name = "RelationEvent", example = "{\"id\": 395, \"type\": \"RESTORED\", \"date\": \"2024-02-14\", "
        + "\"datePrecision\": \"DAY\", \"note\": \"Exchange of notes between the UN missions in New York\", \"sources\": []}")
public record EventResponse(Long id, EventType type, LocalDate date, DatePrecision datePrecision,
        @Schema(nullable = true) String note,
        List<Source> sources) {

    public static EventResponse from(EventRecord event) {
        return new EventResponse(event.id(), event.type(), event.date(), event.datePrecision(), event.note(),
                event.sources());
    }
}
