package org.chancery.relation.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "RecordEvents", example = "{\"events\": [{\"type\": \"SEVERED\", \"date\": \"1975-01-01\"}, "
        + "{\"type\": \"RESTORED\", \"date\": \"1978-01-01\", \"note\": \"Exchange of notes\"}]}")
record RecordEventsRequest(
        @Schema(description = "the events, in any order (recorded in date order); 1 to 20")
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid RecordEventRequest> events) {
}
