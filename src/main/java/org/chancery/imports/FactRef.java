package org.chancery.imports;

import io.swagger.v3.oas.annotations.media.Schema;

/** A fact a row recorded or found: {@code {"kind": "mission", "id": 88}} ({@code id} is the code of a country). */
@Schema(name = "ImportFact", example = "{\"kind\": \"mission\", \"id\": 88}")
public record FactRef(
        @Schema(description = "event, mission, head, accreditation, meeting, milestone, diplomat, country or "
                + "observation",
                allowableValues = {"event", "mission", "head", "accreditation", "meeting", "milestone", "diplomat",
                    "country", "observation"})
        String kind,
        @Schema(description = "the fact's id (a number; a country's code for a country)", oneOf = {Long.class, String.class})
        Object id) {

    public static FactRef of(String kind, Object id) {
        return new FactRef(kind, id);
    }
}
