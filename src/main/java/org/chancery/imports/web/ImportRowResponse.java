package org.chancery.imports.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.imports.FactRef;
import org.chancery.imports.ImportOutcome;
import org.chancery.imports.RowReport;

@Schema(name = "ImportRow", example = "{\"line\": 57, \"outcome\": \"REJECTED\", \"code\": \"RELATION_TRANSITION_INVALID\", "
        + "\"detail\": \"Rule R1: SEVERED on 1961-01-03 cannot follow diplomatic status NONE.\", "
        + "\"flags\": [\"INFERRED_SEVERANCE\"], \"facts\": []}")
record ImportRowResponse(
        @Schema(description = "the row's line in the file (a CSV header is line 1)") int line,
        ImportOutcome outcome,
        @Schema(nullable = true, description = "for a REJECTED row: the problem code the API would have answered") String code,
        @Schema(nullable = true, description = "for a REJECTED row: the detail the API would have answered; else a note, if any")
        String detail,
        @Schema(description = "what was inferred or is uncertain (INFERRED_SEVERANCE, APPROXIMATE_DATE, GAP…)")
        List<String> flags,
        @Schema(description = "the facts the row recorded or found") List<FactRef> facts) {

    static ImportRowResponse from(RowReport row) {
        return new ImportRowResponse(row.line(), row.outcome(), row.code(), row.detail(), row.flags(), row.facts());
    }
}
