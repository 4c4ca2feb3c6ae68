package org.chancery.relation.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.relation.RelationStanding;
import org.chancery.relation.RelationStatus;
import org.chancery.shared.DatePrecision;

@Schema(name = "RelationSummary", example = "{\"countries\": [\"CU\", \"US\"], \"status\": \"SEVERED\", "
        + "\"since\": \"1961-01-03\", \"sincePrecision\": \"DAY\", \"consularStatus\": \"ESTABLISHED\"}")
record RelationSummary(List<String> countries, RelationStatus status,
        @Schema(nullable = true, description = "date of the event that set the diplomatic status; null for NONE")
        LocalDate since,
        @Schema(nullable = true, description = "how well `since` is known (DAY, MONTH or YEAR, its first day kept); "
                + "null for NONE") DatePrecision sincePrecision,
        RelationStatus consularStatus) {

    static RelationSummary from(RelationStanding standing) {
        return new RelationSummary(standing.pair().codes(), standing.status(), standing.since(),
                standing.sincePrecision(), standing.consularStatus());
    }
}
