package org.chancery.imports;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.shared.FactChanged;

/**
 * A fact a row recorded or found: {@code {"kind": "mission", "id": 88}} ({@code id} is the code of a country), with
 * its countries when it is read back ({@link FactCountries}); they are not kept with the report, so that they say
 * where the fact is now.
 */
@Schema(name = "ImportFact", example = "{\"kind\": \"mission\", \"id\": 88, \"countries\": [\"CU\", \"US\"]}")
public record FactRef(
        @Schema(description = "event, mission, head, accreditation, meeting, milestone, diplomat, country or "
                + "observation",
                allowableValues = {"event", "mission", "head", "accreditation", "meeting", "milestone", "diplomat",
                    "country", "observation"})
        String kind,
        @Schema(ref = FactChanged.ID_SCHEMA)
        Object id,
        @Schema(description = "the fact's countries as the change feed names them, sorted: the pair of an event or "
                + "a milestone, the sending and receiving country of a mission, a head of mission, an accreditation or "
                + "an observation, a meeting's countries, a diplomat's, a country's own code; empty if the fact is no "
                + "longer recorded (deleted since)")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<String> countries) {

    public static FactRef of(String kind, Object id) {
        return new FactRef(kind, id, null);
    }

    /** The same fact with its countries. */
    FactRef withCountries(List<String> countries) {
        return new FactRef(kind, id, List.copyOf(countries));
    }
}
