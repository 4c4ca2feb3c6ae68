package org.chancery.mission.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.chancery.country.Countries;
import org.chancery.country.CountryCode;
import org.chancery.mission.HeadOfMission;
import org.chancery.mission.Mission;
import org.chancery.mission.MissionService;
import org.chancery.mission.MissionStatus;
import org.chancery.mission.MissionType;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.VersionPrecondition;
import org.chancery.shared.web.CsvLists;
import org.chancery.shared.web.CsvResponse;
import org.chancery.shared.web.ETags;
import org.chancery.shared.web.PageRequests;
import org.chancery.shared.web.VersionETag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

@RestController
@RequestMapping(path = "/api/missions", produces = "application/json")
@Tag(name = "Missions", description = "Embassies, provisional and liaison offices, interests sections, consular posts, "
        + "and their heads of mission")
class MissionController {

    /** The sortable fields whose values may be null. */
    private static final Set<String> NULLABLE = Set.of("city", "openedOn", "closedOn");

    private static final String HONOURS_IF_MATCH = "Honours If-Match with the mission's ETag (it moves with every "
            + "change of the mission and its heads, a diplomat's renaming of a head included; an answer about a head "
            + "carries no mission ETag: read the mission again for it): a stale one is refused (412) before any rule "
            + "on what is recorded, after what the request shows wrong by itself (400) and a head the mission does "
            + "not have (404); without If-Match the write goes through.";

    private static final String IF_MATCH = "ETag of the mission's version the change is based on";

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "sendingCountry", "sendingCountry",
            "receivingCountry", "receivingCountry", "type", "type", "city", "city", "status", "status",
            "openedOn", "openedOn", "closedOn", "closedOn");

    private final MissionService missions;
    private final Countries countries;
    private final CsvLists csv;

    MissionController(MissionService missions, Countries countries, CsvLists csv) {
        this.missions = missions;
        this.countries = countries;
        this.csv = csv;
    }

    @VersionETag
    @PostMapping(consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "planMission",
            summary = "Plan a mission", description = "Role EDITOR. The mission starts PLANNED. An INTERESTS_SECTION "
            + "needs a protectingPower different from both countries (R9); no other type takes one.")
    @ApiResponse(responseCode = "201", description = "The planned mission, with Location")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED (bad type, plannedOpening), "
            + "SAME_COUNTRY (R4), UNKNOWN_REFERENCE (R18: unknown country)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "409", description = "INTERESTS_SECTION_NOT_ALLOWED (R9)")
    ResponseEntity<MissionResponse> plan(@Valid @RequestBody MissionRequests.PlanMission body) {
        Mission mission = missions.plan(new MissionService.Plan(body.sendingCountry(), body.receivingCountry(),
                body.type(), body.city(), body.plannedOpening(), body.protectingPower(), body.sources()));
        return ResponseEntity.created(URI.create("/api/missions/" + mission.id())).eTag(ETags.of(mission.version()))
                .body(MissionResponse.from(mission, missions.today()));
    }

    @VersionETag
    @PostMapping(path = "/{id}/open", consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "openMission",
            summary = "Open a planned mission", description = "Role EDITOR. Embassy-class missions and provisional "
            + "offices need established diplomatic relations on the opening date (R5), consular posts consular relations "
            + "(R6), interests sections the opposite plus a protecting power with relations (R9); liaison offices open "
            + "anyway (R10). At most one embassy-class mission per direction is open (R7). Opening an embassy-class "
            + "mission supersedes the direction's open provisional office and interests section, and an embassy, high "
            + "commission or nunciature its open legation (R8: closed that day, as precisely as the opening is "
            + "known, their serving heads ended so); an opening that "
            + "would leave a recorded fact breaking a rule is refused (R20): one dated before such an office of the "
            + "direction that opened later, or one that would close it before its head's recorded end. A past mission "
            + "is opened with its closing (`closedOn`, `closedPrecision`, `closingReason`, as the close action takes "
            + "them): the rules then see it open only until its closing, so it may be recorded before a later embassy "
            + "of its direction or a later severance. A reason a rule gives is taken where the recorded facts give "
            + "it, as an export reads: RELATIONS_SEVERED on the day of a recorded severance of the pair (R11, an "
            + "embassy-class mission or a provisional office), SUPERSEDED on the day a mission of the direction that "
            + "supersedes it opened (R8, which is then linked as its successor). " + HONOURS_IF_MATCH)
    @ApiResponse(responseCode = "200", description = "The mission, OPEN (CLOSED with a closedOn), with any superseded "
            + "predecessor linked")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED (a closingReason a rule "
            + "gives where the recorded facts do not give it), DATE_IN_FUTURE (R3)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "RELATION_NOT_ESTABLISHED (R5), CONSULAR_RELATION_NOT_ESTABLISHED (R6), "
            + "EMBASSY_ALREADY_OPEN (R7), INTERESTS_SECTION_NOT_ALLOWED (R9), MISSION_STATUS_INVALID (R12), "
            + "CONFLICTS_WITH_RECORDED_FACTS (R20), COUNTRY_NOT_IN_EXISTENCE (R22: a country or the protecting power "
            + "does not exist on the opening date, or a closedOn more than a day after a country ceased to exist)")
    @ApiResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match is not the mission's current version")
    ResponseEntity<MissionResponse> open(@Parameter(example = "408") @PathVariable long id,
            @Parameter(description = IF_MATCH)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MissionRequests.Open body) {
        return answer(missions.open(id, FuzzyDate.of(body.date(), body.datePrecision()),
                MissionService.Closing.of(body.closedOn(), body.closedPrecision(), body.closingReason()),
                VersionPrecondition.fromIfMatch(ifMatch)));
    }

    @VersionETag
    @PostMapping(path = "/{id}/close", consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "closeMission",
            summary = "Close an open mission", description = "Role EDITOR. The closing date is not before the opening "
            + "date (R12); the serving head of mission ends that day (R16). " + HONOURS_IF_MATCH)
    @ApiResponse(responseCode = "200", description = "The mission, CLOSED")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED (a reason that a rule "
            + "gives: RELATIONS_SEVERED, SUPERSEDED), DATE_IN_FUTURE (R3)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "MISSION_STATUS_INVALID (R12: not OPEN, or a closing before the "
            + "opening, or before a head's start or recorded end), CONFLICTS_WITH_RECORDED_FACTS (R20: an "
            + "accreditation in force names it as its resident mission), COUNTRY_NOT_IN_EXISTENCE (R22: a closing "
            + "more than a day after a country ceased to exist)")
    @ApiResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match is not the mission's current version")
    ResponseEntity<MissionResponse> close(@Parameter(example = "408") @PathVariable long id,
            @Parameter(description = IF_MATCH)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MissionRequests.Close body) {
        return answer(missions.close(id, FuzzyDate.of(body.date(), body.datePrecision()), body.reason(), List.of(),
                VersionPrecondition.fromIfMatch(ifMatch)));
    }

    @VersionETag
    @PostMapping("/{id}/cancel")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "cancelMission",
            summary = "Cancel a planned mission", description = "Role EDITOR. Only a PLANNED mission (R12), and not "
            + "while a head of mission serves it (a head may start before the opening, R15; a cancelled mission has none): "
            + "end the head's functions first. The milestones waiting for its opening are cancelled with it (R19: only "
            + "the mission's opening achieves them). " + HONOURS_IF_MATCH)
    @ApiResponse(responseCode = "200", description = "The mission, CANCELLED")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "MISSION_STATUS_INVALID (R12)")
    @ApiResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match is not the mission's current version")
    ResponseEntity<MissionResponse> cancel(@Parameter(example = "408") @PathVariable long id,
            @Parameter(description = IF_MATCH)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(missions.cancel(id, VersionPrecondition.fromIfMatch(ifMatch)));
    }

    @VersionETag
    @GetMapping("/{id}")
    @Operation(operationId = "getMission",
            summary = "Get a mission", description = "With its heads of mission (oldest first) and the head serving "
            + "today; served with an ETag carrying its version, which appointing or ending a head moves too.")
    @ApiResponse(responseCode = "200", description = "The mission")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    MissionResponse get(@Parameter(example = "408") @PathVariable long id, ServletWebRequest request) {
        Mission mission = missions.get(id);
        if (ETags.notModified(request, mission.version())) {
            return null;
        }
        return MissionResponse.from(mission, missions.today());
    }

    @GetMapping
    @Operation(operationId = "listMissions",
            summary = "List missions", description = "Page of missions ordered by id (also as CSV, every row). `country` matches either side; "
            + "`openOn` keeps the missions open at the end of that day; `status` is the status today, whatever "
            + "`openOn` (an embassy open in 1960 and closed since is not `OPEN`). Sortable by id, sendingCountry, "
            + "receivingCountry, type, city, status, openedOn, closedOn.")
    @ApiResponse(responseCode = "200", description = "A page of missions")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST (bad date; page or size not a number or "
            + "given twice), VALIDATION_FAILED (bad type or status, unknown country, page or size out of range, bad "
            + "sort)")
    @CsvResponse
    PagedModel<MissionResponse> search(@Parameter(example = "KR") @RequestParam(required = false) String sending,
            @Parameter(example = "CU") @RequestParam(required = false) String receiving,
            @RequestParam(required = false) String country, @RequestParam(required = false) MissionType type,
            @Parameter(description = "the status today, not on `openOn`'s day") @RequestParam(required = false)
            MissionStatus status,
            @Parameter(example = "2025-06-01") @RequestParam(required = false) LocalDate openOn,
            @ParameterObject Pageable pageable) {
        var filter = new MissionService.Filter(filter(sending, "sending"), filter(receiving, "receiving"),
                filter(country, "country"), type, status, openOn);
        LocalDate today = missions.today();
        return new PagedModel<>(missions.search(filter, pageRequest(pageable)).map(m -> MissionResponse.from(m, today)));
    }

    @Hidden
    @GetMapping(produces = CsvLists.TEXT_CSV)
    void searchCsv(@RequestParam(required = false) String sending, @RequestParam(required = false) String receiving,
            @RequestParam(required = false) String country, @RequestParam(required = false) MissionType type,
            @RequestParam(required = false) MissionStatus status, @RequestParam(required = false) LocalDate openOn,
            @ParameterObject Pageable pageable, HttpServletResponse response) throws IOException {
        var filter = new MissionService.Filter(filter(sending, "sending"), filter(receiving, "receiving"),
                filter(country, "country"), type, status, openOn);
        LocalDate today = missions.today();
        csv.write(response, "missions", MissionResponse.class, CsvLists.paged(pageRequest(pageable).getSort(),
                page -> missions.search(filter, page).map(m -> MissionResponse.from(m, today))));
    }

    private static PageRequest pageRequest(Pageable pageable) {
        return PageRequests.of(pageable, SORTABLE, NULLABLE, Sort.by("id"), "id");
    }

    @PostMapping(path = "/{id}/heads", consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "appointHeadOfMission",
            summary = "Appoint a head of mission", description = "Role EDITOR. A diplomat of the sending country "
            + "(R13); ambassadors and envoys need agrément on or before the start (R14); diplomatic relations established "
            + "on the start date, whether or not the mission is open yet, and diplomatic missions only (R15); a severance "
            + "ends the heads of an embassy-class mission or a provisional office, open or not yet (R11), so such a "
            + "head's period ends by the first severance after its start (a liaison office's or an interests section's "
            + "heads stay); periods of "
            + "one mission's heads never overlap (R16). `datePrecision` says how precisely `startedOn` is known "
            + "(`endedPrecision` the same of `endedOn`): a date known to a month or a year is kept as the first day of "
            + "that period, which is what the rules compare. " + HONOURS_IF_MATCH)
    @ApiResponse(responseCode = "201", description = "The head of mission, with Location")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED (endedOn before startedOn), "
            + "DATE_IN_FUTURE (R3), UNKNOWN_REFERENCE (R18: unknown diplomat)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such mission")
    @ApiResponse(responseCode = "409", description = "DIPLOMAT_NOT_OF_SENDING_COUNTRY (R13), AGREMENT_REQUIRED (R14), "
            + "RELATION_NOT_ESTABLISHED / MISSION_TYPE_INVALID (R15), HEAD_OF_MISSION_OVERLAP (R16), MISSION_STATUS_INVALID "
            + "(R12: a cancelled mission, or a closed one that the head's period outlasts), COUNTRY_NOT_IN_EXISTENCE "
            + "(R22: a country does not exist on the start, or ceased to exist more than a day before the end)")
    @ApiResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match is not the mission's current version")
    ResponseEntity<HeadResponse> appoint(@Parameter(example = "408") @PathVariable long id,
            @Parameter(description = IF_MATCH)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MissionRequests.Appoint body) {
        HeadOfMission head = missions.appoint(id, new MissionService.Appointment(body.diplomatId(), body.rank(),
                body.agrementOn(), FuzzyDate.of(body.startedOn(), body.datePrecision()),
                FuzzyDate.ofOptional(body.endedOn(), body.endedPrecision(), "endedPrecision"), body.sources()),
                VersionPrecondition.fromIfMatch(ifMatch));
        return ResponseEntity.created(URI.create("/api/missions/" + id + "/heads/" + head.id()))
                .body(HeadResponse.from(head));
    }

    @GetMapping("/{id}/heads/{headId}")
    @Operation(operationId = "getHeadOfMission", summary = "Get a head of mission", description = "One head of the mission "
            + "(404 for a head of another mission), with the agrément, start and end of the functions.")
    @ApiResponse(responseCode = "200", description = "The head of mission")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    HeadResponse head(@Parameter(example = "408") @PathVariable long id,
            @Parameter(example = "1") @PathVariable long headId) {
        return missions.get(id).head(headId).map(HeadResponse::from)
                .orElseThrow(() -> MissionService.noSuchHead(id, headId));
    }

    @PostMapping(path = "/{id}/heads/{headId}/end", consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "endHeadOfMission",
            summary = "End a head of mission's functions", description = "Role EDITOR. `datePrecision` says how precisely "
            + "the end is known (DAY by default; MONTH or YEAR keep the first day of that period). " + HONOURS_IF_MATCH)
    @ApiResponse(responseCode = "200", description = "The head of mission, ended")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED (a date before the start), "
            + "DATE_IN_FUTURE (R3)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "MISSION_STATUS_INVALID (R12: already ended), "
            + "COUNTRY_NOT_IN_EXISTENCE (R22: an end more than a day after a country ceased to exist)")
    @ApiResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match is not the mission's current version")
    HeadResponse end(@Parameter(example = "408") @PathVariable long id,
            @Parameter(example = "1") @PathVariable long headId,
            @Parameter(description = IF_MATCH)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MissionRequests.End body) {
        return HeadResponse.from(missions.endHead(id, headId, FuzzyDate.of(body.date(), body.datePrecision()),
                List.of(), VersionPrecondition.fromIfMatch(ifMatch)));
    }

    @DeleteMapping("/{id}/heads/{headId}")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "deleteHeadOfMission",
            summary = "Delete a head of mission", description = "Role EDITOR. Removes a head of mission recorded by "
            + "mistake, as if never recorded (to record the end of the functions, end the head instead); the mission "
            + "gets a new version, as with every change of its heads. " + HONOURS_IF_MATCH)
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role EDITOR")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such mission, or no such head of it")
    @ApiResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match is not the mission's current version")
    ResponseEntity<Void> deleteHead(@Parameter(example = "408") @PathVariable long id,
            @Parameter(example = "1") @PathVariable long headId,
            @Parameter(description = IF_MATCH)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        missions.deleteHead(id, headId, VersionPrecondition.fromIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "deleteMission",
            summary = "Delete a mission", description = "Role EDITOR. Removes a mission recorded by mistake, in any "
            + "status, as if never recorded (to record its end, close or cancel it instead). An embassy-class mission "
            + "still open gives back what its opening superseded (R8 undone): those missions open again, each a change "
            + "in the feed, with the heads that closing ended serving again. Refused while something recorded with it "
            + "would be left naming no mission or misread (R21): a head of mission (delete the heads first), a "
            + "mission that superseded it, the missions it superseded once it has closed (or a closing recorded with "
            + "the reason SUPERSEDED by hand, by an import or before V34, which stays as recorded, or an interests "
            + "section, whose protecting power's existence since is not re-read), a milestone or an accreditation "
            + "naming it. "
            + HONOURS_IF_MATCH)
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role EDITOR")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such mission")
    @ApiResponse(responseCode = "409", description = "RESOURCE_IN_USE (R21): a head of mission, a mission that "
            + "superseded it or one it superseded that cannot open again, a milestone or an accreditation is recorded "
            + "with it; EMBASSY_ALREADY_OPEN (R7) or CONFLICTS_WITH_RECORDED_FACTS (R20) for a mission it superseded "
            + "that could not open again")
    @ApiResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match is not the mission's current version")
    ResponseEntity<Void> delete(@Parameter(example = "408") @PathVariable long id,
            @Parameter(description = IF_MATCH)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        missions.delete(id, VersionPrecondition.fromIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<MissionResponse> answer(Mission mission) {
        return ResponseEntity.ok().eTag(ETags.of(mission.version())).body(MissionResponse.from(mission, missions.today()));
    }

    private CountryCode filter(String code, String parameter) {
        return code == null ? null : countries.filter(code, parameter);
    }
}
