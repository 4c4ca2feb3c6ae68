package org.chancery.diplomat.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.diplomat.Diplomat;
import org.chancery.shared.Source;

@Schema(name = "Diplomat", example = "{\"id\": 1, \"name\": \"Chung Byung-won\", \"country\": \"KR\", "
        + "\"title\": \"Deputy Foreign Minister\", \"organization\": \"Ministry of Foreign Affairs\", \"version\": 0, "
        + "\"sources\": []}")
record DiplomatResponse(Long id, String name, String country,
        @Schema(nullable = true) String title,
        @Schema(nullable = true) String organization,
        long version,
        List<Source> sources) {

    static DiplomatResponse from(Diplomat diplomat) {
        return new DiplomatResponse(diplomat.id(), diplomat.name(), diplomat.country().value(), diplomat.title(),
                diplomat.organization(), diplomat.version(), diplomat.sources());
    }
}
