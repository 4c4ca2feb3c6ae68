package org.chancery.change.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.change.Change;
import org.chancery.shared.FactChanged;

@Schema(name = "Change", example = "{\"seq\": 812, \"at\": \"2026-11-29T10:15:30Z\", \"user\": \"editor\", "
        + "\"action\": \"CREATED\", \"kind\": \"mission\", \"id\": 88, \"countries\": [\"CU\", \"US\"]}")
record ChangeResponse(
        @Schema(description = "strictly increasing in the order the feed publishes the changes") long seq,
        @Schema(description = "when the write was recorded") Instant at,
        String user,
        FactChanged.Action action,
        @Schema(description = "event, mission, head, accreditation, meeting, diplomat, milestone, country or import",
                allowableValues = {"event", "mission", "head", "accreditation", "meeting", "diplomat", "milestone",
                    "country", "import"})
        String kind,
        @Schema(ref = FactChanged.ID_SCHEMA)
        Object id,
        List<String> countries) {

    static ChangeResponse from(Change change) {
        Object id = change.id().chars().allMatch(Character::isDigit) && !change.id().isEmpty()
                ? (Object) Long.valueOf(change.id()) : change.id();
        return new ChangeResponse(change.seq(), change.at(), change.user(), change.action(), change.kind(), id,
                change.countries());
    }
}
