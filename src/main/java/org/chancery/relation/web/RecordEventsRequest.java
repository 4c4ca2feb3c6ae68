package org.chancery.relation.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "RecordEvents", example = "{\"events\": [{\"type\": \"ESTABLISHED\", \"date\": \"1949-01-01\", "
        + "\"datePrecision\": \"YEAR\"}, {\"type\": \"SEVERED\", \"date\": \"1959-01-01\", \"datePrecision\": "
        + "\"YEAR\", \"note\": \"After the Cuban revolution\"}]}")
record RecordEventsRequest(
        @Schema(description = "the events, in any order (recorded by date, a day's consular events first); 1 to 20")
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid RecordEventRequest> events) {
}
