package org.chancery.accreditation.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.accreditation.Accreditation;
import org.chancery.accreditation.AccreditationRecord;
import org.chancery.accreditation.AccreditationLevel;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Source;

/** A non-resident accreditation as clients see it. */
@Schema(name = "Accreditation", example = "{\"id\": 3, \"sendingCountry\": \"US\", \"receivingCountry\": \"AG\", "
        + "\"level\": \"AMBASSADOR\", \"from\": \"1994-06-30\", \"fromPrecision\": \"DAY\", \"to\": null, "
        + "\"toPrecision\": null, \"residentMissionId\": 12, \"diplomatId\": null, \"version\": 0, \"sources\": []}")
public record AccreditationResponse(Long id, String sendingCountry, String receivingCountry, AccreditationLevel level,
        @Schema(description = "the first day of the accreditation") LocalDate from, DatePrecision fromPrecision,
        @Schema(nullable = true, description = "the day it ended, exclusive (like a mission's closedOn); null while in force")
        LocalDate to,
        @Schema(nullable = true, description = "how precisely `to` is known; null while in force")
        DatePrecision toPrecision,
        @Schema(nullable = true, description = "the sending country's mission, in a third country, where the head "
                + "resides; null if not known")
        Long residentMissionId,
        @Schema(nullable = true, description = "the head accredited; null if not known") Long diplomatId, long version, List<Source> sources) {

    public static AccreditationResponse from(Accreditation accreditation) {
        return from(accreditation.asRecord());
    }

    public static AccreditationResponse from(AccreditationRecord accreditation) {
        return new AccreditationResponse(accreditation.id(), accreditation.sendingCountry().value(),
                accreditation.receivingCountry().value(), accreditation.level(), accreditation.from(),
                accreditation.fromPrecision(), accreditation.to(), accreditation.toPrecision(),
                accreditation.residentMissionId(), accreditation.diplomatId(), accreditation.version(),
                accreditation.sources());
    }
}
