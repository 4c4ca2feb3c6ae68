package org.chancery.timeline.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.shared.web.CsvLists;
import org.chancery.shared.web.CsvResponse;
import org.chancery.shared.web.FixedOrder;
import org.chancery.shared.web.PageRequests;
import org.chancery.timeline.Timeline;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/relations", produces = "application/json")
@Tag(name = "Relations")
class TimelineController {

    private final RelationService relations;
    private final Timeline timeline;
    private final CsvLists csv;

    TimelineController(RelationService relations, Timeline timeline, CsvLists csv) {
        this.relations = relations;
        this.timeline = timeline;
        this.csv = csv;
    }

    @GetMapping("/{a}/{b}/timeline")
    @Operation(operationId = "getRelationTimeline", summary = "The relation's timeline", description = "Everything "
            + "dated about the pair, oldest first, paged (default size 100; fixed order, no sort): relation events "
            + "(ESTABLISHED, SEVERED, RESTORED, CONSULAR_ESTABLISHED, CONSULAR_SEVERED), MEETING, "
            + "FIRST_MEETING_SINCE_ESTABLISHMENT, MISSION_OPENED, MISSION_CLOSED, HEAD_OF_MISSION_STARTED, "
            + "HEAD_OF_MISSION_ENDED, ACCREDITATION_STARTED, ACCREDITATION_ENDED, MILESTONE_ACHIEVED, and "
            + "MILESTONE_DUE (a planned milestone, dated at its targetEnd). Within a day: relation events "
            + "(consular before diplomatic, as the rules apply them); then what "
            + "begins and ends that day (a mission, head or accreditation), each beginning first, a mission around its "
            + "heads; then what ends, then what begins (a superseded mission closes before its successor opens, a "
            + "head ends before the next starts); meetings and milestones last. "
            + "Also as CSV (every item).")
    @ApiResponse(responseCode = "200", description = "A page of timeline items")
    @CsvResponse
    @FixedOrder
    @ApiResponse(responseCode = "400", description = "SAME_COUNTRY (R4), MALFORMED_REQUEST or VALIDATION_FAILED (paging)")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown country")
    PagedModel<TimelineItemResponse> timeline(@Parameter(example = "CU") @PathVariable String a,
            @Parameter(example = "KR") @PathVariable String b,
            @ParameterObject @PageableDefault(size = 100) Pageable pageable) {
        return new PagedModel<>(timeline.of(relations.pair(a, b), PageRequests.unsorted(pageable))
                .map(TimelineItemResponse::from));
    }

    @Hidden
    @GetMapping(path = "/{a}/{b}/timeline", produces = CsvLists.TEXT_CSV)
    void timelineCsv(@PathVariable String a, @PathVariable String b, @ParameterObject Pageable pageable,
            HttpServletResponse response) throws IOException {
        RelationPair pair = relations.pair(a, b);
        PageRequests.unsorted(pageable);
        csv.write(response, CsvLists.ofPair("timeline", pair.codes()), TimelineItemResponse.class,
                CsvLists.inPages((row, nextPage) -> timeline.forEach(pair,
                        item -> row.accept(TimelineItemResponse.from(item)), nextPage)));
    }
}
