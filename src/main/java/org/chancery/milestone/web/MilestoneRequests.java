package org.chancery.milestone.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.chancery.shared.PartialDate;
import org.chancery.shared.Source;

/** The bodies the milestone endpoints accept. */
final class MilestoneRequests {

    private MilestoneRequests() {
    }

    @Schema(name = "PlanMilestone", example = "{\"title\": \"Cuban embassy in Seoul opens\", \"target\": \"2024-07\", "
            + "\"missionId\": 408, "
            + "\"sources\": [{\"url\": \"https://www.cibercuba.com/noticias/2024-04-17-u1-e199370-s27061-"
            + "cuba-y-corea-del-sur-planean-abrir-embajadas-lo-antes-posible\", \"publisher\": \"CiberCuba\", "
            + "\"title\": \"Cuba and South Korea plan to open embassies as soon as possible\", "
            + "\"publishedOn\": \"2024-04-17\"}]}")
    record PlanMilestone(
            @NotBlank @Size(max = 300) String title,
            @Schema(description = "partial date: YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD",
                    example = "2024-07", pattern = PartialDate.FORMS)
            @NotBlank String target,
            @Schema(description = "a mission between the two countries (either direction) whose opening will "
                    + "achieve the milestone")
            Long missionId,
            @Size(max = 50) List<@NotNull @Valid Source> sources) {
    }

    @Schema(name = "AchieveMilestone", example = "{\"date\": \"2025-01-17\"}")
    record AchieveMilestone(@NotNull LocalDate date) {
    }
}
