package org.chancery.accreditation.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.chancery.accreditation.AccreditationLevel;
import org.chancery.country.CountryCode;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.Source;

/** The request bodies of the accreditation endpoints. */
final class AccreditationRequests {

    private AccreditationRequests() {
    }

    @Schema(name = "RecordAccreditation", example = "{\"sendingCountry\": \"US\", \"level\": \"AMBASSADOR\", "
            + "\"from\": \"1994-06-30\", \"residentMissionId\": 12}")
    record Accredit(
            @Schema(description = "one of the pair's two countries; the other is the receiving one")
            @NotBlank @Size(max = 3, message = CountryCode.GIVEN_AS_A_CODE) String sendingCountry,
            @Schema(description = "optional: the pair's other country")
            @Size(max = 3, message = CountryCode.GIVEN_AS_A_CODE) String receivingCountry,
            @NotNull AccreditationLevel level,
            @NotNull LocalDate from,
            @Schema(description = "of `from`: DAY (default), MONTH or YEAR") DatePrecision datePrecision,
            @Schema(description = "the same as `datePrecision`, by the name an accreditation's answer gives it: "
                    + "one of the two at most") DatePrecision fromPrecision,
            @Schema(description = "for a past accreditation: the day it ended (exclusive)") LocalDate to,
            DatePrecision toPrecision,
            Long residentMissionId,
            Long diplomatId,
            @Size(max = 50) List<@NotNull @Valid Source> sources) {

        /** The precision of {@code from}, by either of its names (an answer sent back keeps it). */
        DatePrecision startPrecision() {
            if (datePrecision != null && fromPrecision != null) {
                throw new InvalidInputException("fromPrecision", "is given with datePrecision, which names the same: "
                        + "give one of the two");
            }
            return datePrecision != null ? datePrecision : fromPrecision;
        }
    }

    @Schema(name = "EndAccreditation", example = "{\"date\": \"2015-02-11\"}")
    record End(@NotNull LocalDate date, DatePrecision datePrecision) {
    }
}
