package org.chancery.accreditation.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.chancery.accreditation.Accreditation;
import org.chancery.accreditation.Accreditations;
import org.chancery.country.Countries;
import org.chancery.country.CountryCode;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.InvalidInputException;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

@RestController
@RequestMapping(path = "/api/relations/{a}/{b}/accreditations", produces = "application/json")
@Tag(name = "Accreditations", description = "Non-resident accreditations: a head of mission accredited to a country "
        + "without a mission there, residing in a third country (VCDR art. 5, VCCR art. 7)")
class AccreditationController {

    /** The fields a client sorts the pair's list by (the API's names), and the entity's properties they are. */
    private static final Map<String, String> SORTABLE = Map.of("from", "fromDate", "to", "toDate", "level", "level",
            "sendingCountry", "sendingCountry", "receivingCountry", "receivingCountry", "id", "id");

    private final Accreditations accreditations;
    private final RelationService relations;
    private final Countries countries;
    private final CsvLists csv;

    AccreditationController(Accreditations accreditations, RelationService relations, Countries countries,
            CsvLists csv) {
        this.accreditations = accreditations;
        this.relations = relations;
        this.countries = countries;
        this.csv = csv;
    }

    @VersionETag
    @PostMapping(consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "recordAccreditation", summary = "Record a non-resident accreditation", description =
            "Role EDITOR. `sendingCountry` is one of the pair's countries, the other the receiving one. An AMBASSADOR or "
            + "ENVOY accreditation starts while diplomatic relations are established (and ends with them, R11), a "
            + "CONSUL accreditation while consular relations are; a direction has at most one diplomatic accreditation "
            + "at a time, and none while it has an embassy-class mission open; `residentMissionId` names a diplomatic "
            + "mission of the sending country in a third country, open on `from` (R23). A past accreditation may be "
            + "recorded with its `to`; the whole period is checked. Both countries exist on `from` (R22).")
    @ApiResponse(responseCode = "201", description = "The accreditation, with Location and ETag")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED (to before from, a sending "
            + "country outside the pair, fromPrecision beside datePrecision), DATE_IN_FUTURE (R3), SAME_COUNTRY (R4), "
            + "UNKNOWN_REFERENCE (R18: unknown "
            + "mission or diplomat), RESIDENT_MISSION_INVALID (R23)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown country")
    @ApiResponse(responseCode = "409", description = "RELATION_NOT_ESTABLISHED, CONSULAR_RELATION_NOT_ESTABLISHED, "
            + "ACCREDITATION_CONFLICT (R23), DIPLOMAT_NOT_OF_SENDING_COUNTRY (R13), COUNTRY_NOT_IN_EXISTENCE (R22)")
    ResponseEntity<AccreditationResponse> accredit(@Parameter(example = "US") @PathVariable String a,
            @Parameter(example = "AG") @PathVariable String b,
            @Valid @RequestBody AccreditationRequests.Accredit body) {
        RelationPair pair = relations.pair(a, b);
        CountryCode sending = side(pair, body.sendingCountry(), "sendingCountry");
        if (body.receivingCountry() != null) {
            CountryCode receiving = side(pair, body.receivingCountry(), "receivingCountry");
            if (receiving.equals(sending)) {
                throw new InvalidInputException("receivingCountry", "must be the pair's other country");
            }
        }
        Accreditation accreditation = accreditations.accredit(pair, new Accreditations.Draft(sending, body.level(),
                FuzzyDate.of(body.from(), body.startPrecision()),
                FuzzyDate.ofOptional(body.to(), body.toPrecision(), "toPrecision"), body.residentMissionId(),
                body.diplomatId(), body.sources()));
        return ResponseEntity.created(URI.create("/api/relations/" + pair.first() + "/" + pair.second()
                + "/accreditations/" + accreditation.id())).eTag(ETags.of(accreditation.version()))
                .body(AccreditationResponse.from(accreditation));
    }

    @GetMapping
    @Operation(operationId = "listAccreditations", summary = "The pair's accreditations", description = "Both "
            + "directions, oldest first (by `from`, then id); sortable by from, to, level, sendingCountry, "
            + "receivingCountry, id (an accreditation in force, without `to`, first ascending and last descending), "
            + "the id last. Also as CSV (every row).")
    @ApiResponse(responseCode = "200", description = "A page of accreditations")
    @CsvResponse
    @ApiResponse(responseCode = "400", description = "SAME_COUNTRY (R4), MALFORMED_REQUEST or VALIDATION_FAILED "
            + "(paging, bad sort)")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown country")
    PagedModel<AccreditationResponse> list(@Parameter(example = "US") @PathVariable String a,
            @Parameter(example = "AG") @PathVariable String b, @ParameterObject Pageable pageable) {
        RelationPair pair = relations.pair(a, b);
        return new PagedModel<>(accreditations.ofPair(pair, pageRequest(pageable)).map(AccreditationResponse::from));
    }

    @Hidden
    @GetMapping(produces = CsvLists.TEXT_CSV)
    void listCsv(@PathVariable String a, @PathVariable String b, @ParameterObject Pageable pageable,
            HttpServletResponse response) throws IOException {
        RelationPair pair = relations.pair(a, b);
        csv.write(response, CsvLists.ofPair("accreditations", pair.codes()), AccreditationResponse.class,
                CsvLists.paged(pageRequest(pageable).getSort(),
                page -> accreditations.ofPair(pair, page).map(AccreditationResponse::from)));
    }

    private static PageRequest pageRequest(Pageable pageable) {
        return PageRequests.of(pageable, SORTABLE, Set.of("to"), Sort.by("fromDate"), "id");
    }

    @VersionETag
    @GetMapping("/{id}")
    @Operation(operationId = "getAccreditation", summary = "Get an accreditation of the pair", description = "An "
            + "accreditation of either country to the other (404 for one of another pair).")
    @ApiResponse(responseCode = "200", description = "The accreditation, with ETag")
    @ApiResponse(responseCode = "400", description = "SAME_COUNTRY (R4), MALFORMED_REQUEST (id)")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown country, or no such accreditation of the pair")
    AccreditationResponse get(@Parameter(example = "US") @PathVariable String a,
            @Parameter(example = "AG") @PathVariable String b,
            @Parameter(example = "5") @PathVariable long id,
            ServletWebRequest request) {
        Accreditation accreditation = accreditations.get(relations.pair(a, b), id);
        if (ETags.notModified(request, accreditation.version())) {
            return null;
        }
        return AccreditationResponse.from(accreditation);
    }

    @VersionETag
    @PostMapping(path = "/{id}/end", consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "endAccreditation",
            summary = "End an accreditation", description = "Role EDITOR. `date` is "
            + "the first day it is no longer in force (exclusive), at most the day after either country ceased to "
            + "exist (R22). Honours If-Match with the accreditation's ETag: a stale one is refused (412) before any "
            + "rule on what is recorded, after what the request shows wrong by itself (400); without If-Match the "
            + "write goes through.")
    @ApiResponse(responseCode = "200", description = "The accreditation, ended")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED (date before from), "
            + "DATE_IN_FUTURE (R3), SAME_COUNTRY (R4)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "ACCREDITATION_CONFLICT (R23: already ended), "
            + "COUNTRY_NOT_IN_EXISTENCE (R22)")
    @ApiResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match is not the accreditation's current "
            + "version")
    ResponseEntity<AccreditationResponse> end(@Parameter(example = "US") @PathVariable String a,
            @Parameter(example = "AG") @PathVariable String b,
            @Parameter(example = "5") @PathVariable long id,
            @Parameter(description = "ETag of the accreditation's version the end is based on")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AccreditationRequests.End body) {
        Accreditation accreditation = accreditations.end(relations.pair(a, b), id,
                FuzzyDate.of(body.date(), body.datePrecision()), List.of(), VersionPrecondition.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(accreditation.version())).body(AccreditationResponse.from(accreditation));
    }

    @DeleteMapping("/{id}")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "deleteAccreditation",
            summary = "Delete an accreditation", description = "Role EDITOR. Removes an accreditation recorded by "
            + "mistake, as if it had never been recorded (to record that it is no longer in force, end it instead). "
            + "Honours If-Match with the accreditation's ETag; without If-Match the deletion goes through. The change "
            + "feed records it.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "400", description = "SAME_COUNTRY (R4)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role EDITOR")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown country, or no such accreditation of the "
            + "pair")
    @ApiResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match is not the accreditation's current "
            + "version")
    ResponseEntity<Void> delete(@Parameter(example = "US") @PathVariable String a,
            @Parameter(example = "AG") @PathVariable String b,
            @Parameter(example = "5") @PathVariable long id,
            @Parameter(description = "ETag of the accreditation's version the deletion is based on")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        accreditations.delete(relations.pair(a, b), id, VersionPrecondition.fromIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    /** The country of the pair a body field names; another country is a {@code VALIDATION_FAILED}. */
    private CountryCode side(RelationPair pair, String code, String field) {
        CountryCode country = countries.reference(code, field);
        if (!pair.contains(country)) {
            throw new InvalidInputException(field, "must be one of the pair's countries, " + pair.first() + " or "
                    + pair.second());
        }
        return country;
    }
}
