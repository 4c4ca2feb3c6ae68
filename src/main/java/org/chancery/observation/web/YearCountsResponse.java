package org.chancery.observation.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.observation.ObservationLevel;
import org.chancery.observation.YearCounts;

@Schema(name = "ObservationYear", example = "{\"year\": 1900, \"counts\": {\"NONE\": 2, \"CHARGE_D_AFFAIRES\": 3, "
        + "\"ENVOY\": 31, \"AMBASSADOR\": 6, \"OTHER\": 0}}")
record YearCountsResponse(int year,
        @Schema(description = "observations of the year by level, every level present") Map<ObservationLevel, Long> counts) {

    static YearCountsResponse from(YearCounts counts) {
        return new YearCountsResponse(counts.year(), counts.counts());
    }
}
