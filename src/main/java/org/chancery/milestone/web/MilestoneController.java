package org.chancery.milestone.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.chancery.country.Countries;
import org.chancery.country.CountryCode;
import org.chancery.milestone.MilestoneService;
import org.chancery.milestone.MilestoneStatus;
import org.chancery.milestone.Milestones;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.shared.web.CsvLists;
import org.chancery.shared.web.CsvResponse;
import org.chancery.shared.web.PageRequests;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Milestones", description = "Planned steps of a relation, kept beside what actually happened; status "
        + "derived on every read: ACHIEVED (its mission opened, or achieved by hand), CANCELLED, OVERDUE (today is "
        + "after targetEnd), else PENDING")
class MilestoneController {

    private static final Map<String, String> SORTABLE = Map.of("targetEnd", "targetEnd", "targetStart", "targetStart",
            "title", "title", "id", "id");

    private final MilestoneService service;
    private final Milestones milestones;
    private final RelationService relations;
    private final Countries countries;
    private final CsvLists csv;

    MilestoneController(MilestoneService service, Milestones milestones, RelationService relations,
            Countries countries, CsvLists csv) {
        this.csv = csv;
        this.service = service;
        this.milestones = milestones;
        this.relations = relations;
        this.countries = countries;
    }

    @PostMapping(path = "/api/relations/{a}/{b}/milestones", consumes = "application/json", produces = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "planMilestone",
            summary = "Plan a milestone of a relation", description = "Role EDITOR. `target` is a partial date "
            + "(`2024`, `2024-H1`, `2024-Q3`, `2024-07`, `2024-07-15`). An optional `missionId` names a mission between "
            + "the two countries, in either direction (R19), whose opening achieves the milestone; if that mission has "
            + "already opened, the milestone is ACHIEVED at once on its opening day; a cancelled mission, which will not "
            + "open, is refused.")
    @ApiResponse(responseCode = "201", description = "The milestone, with Location /api/milestones/{id}")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED (blank or too long title, "
            + "missing or malformed target, bad source URL), SAME_COUNTRY (R4), UNKNOWN_REFERENCE (R18: unknown mission), "
            + "MISSION_NOT_IN_RELATION (R19)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown country in the path")
    @ApiResponse(responseCode = "409", description = "MILESTONE_STATUS_INVALID (R19: the mission was cancelled)")
    ResponseEntity<MilestoneResponse> plan(@Parameter(example = "CU") @PathVariable String a,
            @Parameter(example = "KR") @PathVariable String b,
            @Valid @RequestBody MilestoneRequests.PlanMilestone body) {
        RelationPair pair = relations.pair(a, b);
        MilestoneResponse milestone = MilestoneResponse.from(service.plan(pair,
                new MilestoneService.Plan(body.title(), body.target(), body.missionId(), body.sources())));
        return ResponseEntity.created(URI.create("/api/milestones/" + milestone.id())).body(milestone);
    }

    @GetMapping(path = "/api/milestones", produces = "application/json")
    @Operation(operationId = "listMilestones",
            summary = "List milestones", description = "Page of milestones, ordered by targetEnd then id (also as CSV, every row). "
            + "`status` keeps those in that status today (PENDING, OVERDUE, ACHIEVED, CANCELLED); `country` those "
            + "involving that country on either side. Sortable by targetEnd, targetStart, title, id.")
    @ApiResponse(responseCode = "200", description = "A page of milestones")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST (page or size not a number or given "
            + "twice), VALIDATION_FAILED (bad status, unknown country, page or size out of range, bad sort)")
    @CsvResponse
    PagedModel<MilestoneResponse> search(
            @Parameter(example = "OVERDUE") @RequestParam(required = false) MilestoneStatus status,
            @Parameter(example = "CU") @RequestParam(required = false) String country,
            @ParameterObject Pageable pageable) {
        CountryCode code = country == null ? null : countries.filter(country, "country");
        return new PagedModel<>(milestones.search(status, code, pageRequest(pageable)).map(MilestoneResponse::from));
    }

    @Hidden
    @GetMapping(path = "/api/milestones", produces = CsvLists.TEXT_CSV)
    void searchCsv(@RequestParam(required = false) MilestoneStatus status,
            @RequestParam(required = false) String country, @ParameterObject Pageable pageable,
            HttpServletResponse response) throws IOException {
        CountryCode code = country == null ? null : countries.filter(country, "country");
        csv.write(response, "milestones", MilestoneResponse.class, CsvLists.paged(pageRequest(pageable).getSort(),
                page -> milestones.search(status, code, page).map(MilestoneResponse::from)));
    }

    private static PageRequest pageRequest(Pageable pageable) {
        return PageRequests.of(pageable, SORTABLE, Sort.by("targetEnd"), "id");
    }

    @GetMapping(path = "/api/milestones/{id}", produces = "application/json")
    @Operation(operationId = "getMilestone", summary = "Get a milestone", description = "With its status as of today.")
    @ApiResponse(responseCode = "200", description = "The milestone")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST: the id is not a number")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    MilestoneResponse get(@Parameter(example = "2") @PathVariable long id) {
        return MilestoneResponse.from(milestones.get(id));
    }

    @PostMapping(path = "/api/milestones/{id}/achieve", consumes = "application/json", produces = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "achieveMilestone",
            summary = "Record that a milestone was achieved", description = "Role EDITOR. Only for a milestone "
            + "without a mission: one with a mission is achieved by the mission's opening alone (R19). A PENDING or "
            + "OVERDUE milestone can be achieved, once; `onTime` then tells whether `date` <= targetEnd.")
    @ApiResponse(responseCode = "200", description = "The milestone, ACHIEVED")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED (missing or malformed "
            + "date), DATE_IN_FUTURE (R3)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "MILESTONE_STATUS_INVALID (R19): the milestone has a mission, "
            + "or is already ACHIEVED or CANCELLED; COUNTRY_NOT_IN_EXISTENCE (R22): a country of the pair does not "
            + "exist on the date")
    MilestoneResponse achieve(@Parameter(example = "2") @PathVariable long id,
            @Valid @RequestBody MilestoneRequests.AchieveMilestone body) {
        return MilestoneResponse.from(service.achieve(id, body.date()));
    }

    @PostMapping(path = "/api/milestones/{id}/cancel", produces = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "cancelMilestone",
            summary = "Cancel a milestone", description = "Role EDITOR. A PENDING or OVERDUE milestone (with or "
            + "without a mission) can be cancelled, once; an ACHIEVED or already CANCELLED one cannot. A cancelled "
            + "milestone stays cancelled even if its mission opens later. No body is needed.")
    @ApiResponse(responseCode = "200", description = "The milestone, CANCELLED")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "MILESTONE_STATUS_INVALID (R19): already ACHIEVED or CANCELLED")
    MilestoneResponse cancel(@Parameter(example = "2") @PathVariable long id) {
        return MilestoneResponse.from(service.cancel(id));
    }

    @DeleteMapping("/api/milestones/{id}")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "deleteMilestone",
            summary = "Delete a milestone", description = "Role EDITOR. Removes a milestone recorded by mistake, in "
            + "any status, as if it had never been recorded (to give a planned step up, cancel it instead); the "
            + "mission it names, if any, stays as it is. The change feed records the deletion.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role EDITOR")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such milestone")
    ResponseEntity<Void> delete(@Parameter(example = "2") @PathVariable long id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }
}
