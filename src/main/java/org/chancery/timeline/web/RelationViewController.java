package org.chancery.timeline.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chancery.relation.RelationService;
import org.chancery.timeline.RelationOverview;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/relations", produces = "application/json")
@Tag(name = "Relations")
class RelationViewController {

    private final RelationService relations;
    private final RelationOverview overviews;

    RelationViewController(RelationService relations, RelationOverview overviews) {
        this.relations = relations;
        this.overviews = overviews;
    }

    @GetMapping("/{a}/{b}")
    @Operation(operationId = "getRelation", summary = "Get the relation of two countries", description = "The "
            + "unordered pair: CU/KR and KR/CU are "
            + "the same resource. A pair with no events answers status NONE. With `asOf`, everything is as it stood "
            + "at the end of that day: status, since, events, missions with their status that day, the non-resident "
            + "accreditations in force that day, meeting count and first meeting since establishment. The pair's "
            + "milestones are listed as they stand today.")
    @ApiResponse(responseCode = "200", description = "The relation")
    @ApiResponse(responseCode = "400", description = "SAME_COUNTRY (R4), MALFORMED_REQUEST (bad asOf)")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown country")
    RelationView get(@Parameter(example = "CU") @PathVariable String a, @Parameter(example = "KR") @PathVariable String b,
            @Parameter(example = "2024-06-01") @RequestParam(required = false) LocalDate asOf) {
        return RelationView.from(overviews.of(relations.pair(a, b), asOf));
    }
}
