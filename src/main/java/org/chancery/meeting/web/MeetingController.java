package org.chancery.meeting.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
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
import org.chancery.meeting.MeetingDetails;
import org.chancery.meeting.Meetings;
import org.chancery.shared.web.CsvLists;
import org.chancery.shared.web.CsvResponse;
import org.chancery.shared.web.PageRequests;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/meetings", produces = "application/json")
@Tag(name = "Meetings", description = "Meetings between diplomats of two or more countries")
class MeetingController {

    /** The sortable fields whose values may be null. */
    private static final Set<String> NULLABLE = Set.of("city", "title");

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "date", "date", "city", "city",
            "country", "country", "title", "title");

    private final Meetings meetings;
    private final Countries countries;
    private final CsvLists csv;

    MeetingController(Meetings meetings, Countries countries, CsvLists csv) {
        this.meetings = meetings;
        this.countries = countries;
        this.csv = csv;
    }

    @GetMapping
    @Operation(operationId = "listMeetings",
            summary = "List meetings", description = "Page of meetings, newest first (date, then id, descending; also as CSV, every row). "
            + "`country` (alpha-2 or alpha-3, any case) may be repeated: meetings in which all of them took part. "
            + "`diplomat` (an id) keeps the meetings that diplomat took part in. "
            + "`from` and `to` are inclusive. Sortable by date, id, city, country, title.")
    @ApiResponse(responseCode = "200", description = "A page of meetings")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST (a date, page or size cannot be parsed) "
            + "or VALIDATION_FAILED (unknown country or diplomat, `from` after `to`, page or size out of range, bad "
            + "sort)")
    @CsvResponse
    PagedModel<MeetingResponse> search(
            @Parameter(description = "A participating country (e.g. KR); repeat for meetings involving all of them")
            @RequestParam(name = "country", required = false) List<String> country,
            @Parameter(description = "A diplomat's id: the meetings they took part in", example = "2")
            @RequestParam(required = false) Long diplomat,
            @Parameter(example = "2024-01-01") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(example = "2024-12-31") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @ParameterObject Pageable pageable) {
        return new PagedModel<>(meetings.search(involving(country), diplomat, from, to, pageRequest(pageable))
                .map(MeetingResponse::from));
    }

    @Hidden
    @GetMapping(produces = CsvLists.TEXT_CSV)
    void searchCsv(@RequestParam(name = "country", required = false) List<String> country,
            @RequestParam(required = false) Long diplomat,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @ParameterObject Pageable pageable, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        List<CountryCode> involving = involving(country);
        if (HttpMethod.HEAD.matches(request.getMethod())) { // a GET's refusals, before its rows, which a HEAD reads not
            meetings.checkFilters(diplomat, from, to);
        }
        Sort sort = pageRequest(pageable).getSort();
        csv.write(response, "meetings", MeetingResponse.class, row -> meetings.forEachMatching(involving, diplomat,
                from, to, sort, meeting -> row.accept(MeetingResponse.from(meeting))));
    }

    private List<CountryCode> involving(List<String> country) {
        return country == null ? List.of() : country.stream().map(code -> countries.filter(code, "country")).toList();
    }

    private static PageRequest pageRequest(Pageable pageable) {
        return PageRequests.of(pageable, SORTABLE, NULLABLE, Sort.by(Sort.Order.desc("date"), Sort.Order.desc("id")), "id");
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getMeeting", summary = "Get a meeting", description = "With its participants as they were at the "
            + "meeting (name, country and title then), its countries and its kind (VISIT or THIRD_LOCATION).")
    @ApiResponse(responseCode = "200", description = "The meeting")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST: the id is not a number")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such meeting")
    MeetingResponse get(@Parameter(example = "2") @PathVariable long id) {
        return MeetingResponse.from(meetings.get(id));
    }

    @PostMapping(consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "recordMeeting",
            summary = "Record a meeting", description = "Role EDITOR. The answer adds `countries` (of the "
            + "participants, sorted), `kind` (VISIT when the meeting's country is one of them, else THIRD_LOCATION), "
            + "`hostCountry` (the meeting's country for a VISIT) and each participant's name, country and title: the "
            + "country and title are those the diplomat has when the meeting is recorded (or the title the request "
            + "gives), and a later change of the diplomat does not rewrite them.")
    @ApiResponse(responseCode = "201", description = "Created, with Location")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED (missing date, country or "
            + "participants, a diplomat listed twice among enough parties, bad source URL), DATE_IN_FUTURE (R3), "
            + "TOO_FEW_PARTIES (R17: fewer than two distinct participants, a diplomat listed twice counting once, or "
            + "only one country), UNKNOWN_REFERENCE (R18: unknown country or diplomat)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role EDITOR")
    @ApiResponse(responseCode = "409", description = "COUNTRY_NOT_IN_EXISTENCE (R22: the meeting's country or a "
            + "participant's country does not exist on its date)")
    ResponseEntity<MeetingResponse> record(@Valid @RequestBody RecordMeetingRequest body) {
        MeetingDetails recorded = meetings.record(body.draft());
        return ResponseEntity.created(URI.create("/api/meetings/" + recorded.id()))
                .body(MeetingResponse.from(recorded));
    }

    @DeleteMapping("/{id}")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "deleteMeeting",
            summary = "Delete a meeting", description = "Role EDITOR. Derived facts (a relation's meeting count "
            + "and first meeting since establishment) follow at once.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role EDITOR")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such meeting")
    ResponseEntity<Void> delete(@Parameter(example = "2") @PathVariable long id) {
        meetings.delete(id);
        return ResponseEntity.noContent().build();
    }
}
