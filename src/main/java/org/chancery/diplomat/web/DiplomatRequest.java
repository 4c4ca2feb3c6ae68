package org.chancery.diplomat.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.chancery.diplomat.DiplomatDescription;
import org.chancery.shared.Source;

@Schema(name = "DiplomatRequest", example = "{\"name\": \"Chung Byung-won\", \"country\": \"KR\", "
        + "\"title\": \"Deputy Foreign Minister\", \"organization\": \"Ministry of Foreign Affairs\"}")
record DiplomatRequest(
        @NotBlank @Size(max = 300) String name,
        @Schema(description = "The diplomat's country: ISO 3166-1 alpha-2 or alpha-3 code, any letter case",
                example = "KR")
        @NotBlank String country,
        @Schema(description = "The title they hold now; meetings keep the title held when they were recorded; in a "
                + "replacement (PUT), left out: none", example = "Deputy Foreign Minister")
        @Size(max = 300) String title,
        @Schema(description = "The organization they serve; in a replacement (PUT), left out: none (a PUT replaces "
                + "every field but the sources)", example = "Ministry of Foreign Affairs")
        @Size(max = 300) String organization,
        @Schema(description = "the sources of the fact; in a replacement (PUT), left out: the recorded ones are kept, "
                + "`[]`: none") @Size(max = 50) List<@NotNull @Valid Source> sources) {

    DiplomatDescription description() {
        return new DiplomatDescription(name, country, title, organization, sources);
    }
}
