package org.chancery.imports.web;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.imports.ImportJob;
import org.chancery.imports.ImportOutcome;
import org.chancery.imports.ImportStatus;

@Schema(name = "ImportJob", example = "{\"id\": 1, \"format\": \"kenkel-us-missions\", \"status\": \"RUNNING\", "
        + "\"createdBy\": \"admin\", \"startedAt\": \"2026-11-29T10:15:30Z\", \"finishedAt\": null, \"rowsTotal\": 656, "
        + "\"rowsDone\": 310, \"outcomes\": {\"IMPORTED\": 290, \"MERGED\": 6, \"ALREADY_PRESENT\": 0, \"NO_FACT\": 12, "
        + "\"REJECTED\": 2}, \"error\": null, \"cancelledBy\": null}")
record ImportJobResponse(long id, String format, ImportStatus status, String createdBy, Instant startedAt,
        @Schema(nullable = true, description = "null while RUNNING") Instant finishedAt,
        @Schema(description = "the rows of the file") int rowsTotal,
        @Schema(description = "the rows reported so far; the outcomes add up to it") int rowsDone,
        Map<ImportOutcome, Integer> outcomes,
        @Schema(nullable = true, description = "why a FAILED job could not go on") String error,
        @Schema(nullable = true, description = "the administrator who cancelled the job (POST "
                + "/api/imports/{id}/cancel): it stops between two rows and ends FAILED, or, cancelled after its last "
                + "row, SUCCEEDED; null if nobody did") String cancelledBy) {

    static ImportJobResponse from(ImportJob job) {
        return new ImportJobResponse(job.id(), job.format(), job.status(), job.createdBy(), job.startedAt(),
                job.finishedAt(), job.rowsTotal(), job.rowsDone(), job.outcomes(), job.error(),
                job.cancelledBy());
    }
}
