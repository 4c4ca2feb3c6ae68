package org.chancery.observation.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.observation.Observation;
import org.chancery.observation.ObservationLevel;

/** An observation as clients see it. */
@Schema(name = "Observation", example = "{\"id\": 7, \"year\": 1950, \"sendingCountry\": \"US\", \"receivingCountry\": "
        + "\"CU\", \"level\": \"OTHER\", \"rawCode\": \"9\", \"dataset\": \"COW-DE 2006.1\", \"sendingDatasetCode\": \"2\", "
        + "\"receivingDatasetCode\": \"40\", \"importId\": 2, \"line\": 2758}")
public record ObservationResponse(long id, int year,
        @Schema(description = "the country represented") String sendingCountry,
        @Schema(description = "the country it was represented in") String receivingCountry,
        ObservationLevel level,
        @Schema(description = "the data set's own code of the level (COW: 0, 1, 2, 3, 9)") String rawCode,
        String dataset,
        @Schema(description = "the data set's own code of the sending state (COW: numeric state code)")
        String sendingDatasetCode,
        @Schema(description = "the data set's own code of the receiving state") String receivingDatasetCode,
        @Schema(description = "the import that recorded it (`GET /api/imports/{id}`), the data set's version being "
                + "`dataset`'s", nullable = true) Long importId,
        @Schema(description = "the line of that import's file that recorded it (the row of its report; a mirrored "
                + "row found it recorded, MERGED)", nullable = true) Integer line) {

    public static ObservationResponse from(Observation observation) {
        return new ObservationResponse(observation.id(), observation.year(), observation.sendingCountry(),
                observation.receivingCountry(), observation.level(), observation.rawCode(), observation.dataset(),
                observation.sendingDatasetCode(), observation.receivingDatasetCode(), observation.importId(),
                observation.line());
    }
}
