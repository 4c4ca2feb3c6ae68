package org.chancery.relation.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.chancery.relation.EventType;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Source;

@Schema(name = "RecordEvent", example = "{\"type\": \"RESTORED\", \"date\": \"2024-02-14\", "
        + "\"note\": \"Exchange of notes between the UN missions in New York\"}")
record RecordEventRequest(
        @NotNull EventType type,
        @NotNull LocalDate date,
        @Schema(description = "DAY (default), MONTH or YEAR; the date is then the first day of that period")
        DatePrecision datePrecision,
        @Size(max = 2000) String note,
        @Size(max = 50) List<@NotNull @Valid Source> sources) {
}
