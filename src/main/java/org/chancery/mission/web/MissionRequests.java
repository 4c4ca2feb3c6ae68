package org.chancery.mission.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.chancery.country.CountryCode;
import org.chancery.mission.HeadRank;
import org.chancery.mission.Mission;
import org.chancery.mission.MissionType;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.NotBlankIfGiven;
import org.chancery.shared.PartialDate;
import org.chancery.shared.Source;

/** The request bodies of the mission endpoints. */
final class MissionRequests {

    private MissionRequests() {
    }

    @Schema(name = "PlanMission", example = "{\"sendingCountry\": \"CU\", \"receivingCountry\": \"KR\", \"type\": \"EMBASSY\", "
            + "\"city\": \"Seoul\", \"plannedOpening\": \"2024-07\"}")
    record PlanMission(
            @NotBlank @Size(max = 3, message = CountryCode.GIVEN_AS_A_CODE) String sendingCountry,
            @NotBlank @Size(max = 3, message = CountryCode.GIVEN_AS_A_CODE) String receivingCountry,
            @NotNull MissionType type,
            @Schema(description = "the city of the mission; may be omitted where it is not known") @Size(max = 200)
            @NotBlankIfGiven(message = Mission.CITY_BLANK)
            String city,
            @Schema(description = "A partial date: 2024, 2024-H1, 2024-Q3, 2024-07 or 2024-07-15",
                    pattern = PartialDate.FORMS)
            @Size(max = 10, message = PartialDate.NOT_A_PARTIAL_DATE) String plannedOpening,
            @Schema(description = "For an INTERESTS_SECTION only: the third country protecting the sending country's interests")
            @Size(max = 3, message = CountryCode.GIVEN_AS_A_CODE) String protectingPower,
            @Size(max = 50) List<@NotNull @Valid Source> sources) {
    }

    @Schema(name = "OpenMission", example = "{\"date\": \"2025-01-17\", \"datePrecision\": \"DAY\"}")
    record Open(
            @NotNull LocalDate date,
            DatePrecision datePrecision,
            @Schema(nullable = true, description = "for a past mission: the day it closed (exclusive), recorded with its "
                    + "opening, so that the rules see it open only until then (a back-filled embassy before a later one "
                    + "of its direction, R7, or a later severance, R11); as `POST /api/missions/{id}/close` would")
            LocalDate closedOn,
            @Schema(description = "of `closedOn`: DAY (default), MONTH or YEAR") DatePrecision closedPrecision,
            @Schema(nullable = true, description = "with `closedOn`: why it closed")
            @Size(max = 500) String closingReason) {
    }

    @Schema(name = "CloseMission", example = "{\"date\": \"2025-06-30\", \"reason\": \"Budget cuts\"}")
    record Close(@NotNull LocalDate date, DatePrecision datePrecision, @Size(max = 500) String reason) {
    }

    @Schema(name = "AppointHeadOfMission", example = "{\"diplomatId\": 7, \"rank\": \"AMBASSADOR\", \"agrementOn\": \"2024-12-01\", "
            + "\"startedOn\": \"2025-01-08\", \"datePrecision\": \"DAY\"}")
    record Appoint(
            @NotNull Long diplomatId,
            @NotNull HeadRank rank,
            LocalDate agrementOn,
            @NotNull LocalDate startedOn,
            @Schema(description = "of `startedOn`: DAY (default), MONTH or YEAR; `startedOn` is then taken as the first "
                    + "day of its month or year") DatePrecision datePrecision,
            @Schema(nullable = true, description = "the end of the functions, for a head who no longer serves; null "
                    + "(or left out) while the head serves") LocalDate endedOn,
            @Schema(description = "of `endedOn`: DAY (default), MONTH or YEAR") DatePrecision endedPrecision,
            @Size(max = 50) List<@NotNull @Valid Source> sources) {
    }

    @Schema(name = "EndHeadOfMission", example = "{\"date\": \"2025-06-30\", \"datePrecision\": \"DAY\"}")
    record End(@NotNull LocalDate date, DatePrecision datePrecision) {
    }
}
