package org.chancery.diplomat.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
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
import org.chancery.diplomat.Diplomat;
import org.chancery.diplomat.Diplomats;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

@RestController
@RequestMapping(path = "/api/diplomats", produces = "application/json")
@Tag(name = "Diplomats", description = "The people who meet and head missions, each of one country")
class DiplomatController {

    /** The sortable fields whose values may be null. */
    private static final Set<String> NULLABLE = Set.of("title", "organization");

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "nameKey", "country", "country",
            "title", "title", "organization", "organization");

    private final Diplomats diplomats;
    private final Countries countries;
    private final CsvLists csv;

    DiplomatController(Diplomats diplomats, Countries countries, CsvLists csv) {
        this.diplomats = diplomats;
        this.countries = countries;
        this.csv = csv;
    }

    @GetMapping
    @Operation(operationId = "listDiplomats",
            summary = "Search diplomats", description = "Page of diplomats ordered by name, then id (also as CSV, every row). `country` "
            + "(alpha-2 or alpha-3, any case) keeps the diplomats of one country; `q` keeps those whose name contains "
            + "it, in any case, with or without accents (`ibrahim` finds İbrahim, `walesa` Wałęsa). Sortable by id, "
            + "name (accents and letter case set aside), country, title, organization.")
    @ApiResponse(responseCode = "200", description = "A page of diplomats")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST (page or size not a number or given twice) or "
            + "VALIDATION_FAILED (unknown country, page or size out of range, bad sort)")
    @CsvResponse
    PagedModel<DiplomatResponse> search(@Parameter(example = "KR") @RequestParam(required = false) String country,
            @Parameter(example = "chung") @RequestParam(required = false) String q,
            @ParameterObject Pageable pageable) {
        CountryCode code = country == null ? null : countries.filter(country, "country");
        return new PagedModel<>(diplomats.search(code, q, pageRequest(pageable)).map(DiplomatResponse::from));
    }

    @Hidden
    @GetMapping(produces = CsvLists.TEXT_CSV)
    void searchCsv(@RequestParam(required = false) String country, @RequestParam(required = false) String q,
            @ParameterObject Pageable pageable, HttpServletResponse response) throws IOException {
        CountryCode code = country == null ? null : countries.filter(country, "country");
        csv.write(response, "diplomats", DiplomatResponse.class, CsvLists.paged(pageRequest(pageable).getSort(),
                page -> diplomats.search(code, q, page).map(DiplomatResponse::from)));
    }

    private static PageRequest pageRequest(Pageable pageable) {
        return PageRequests.of(pageable, SORTABLE, NULLABLE, Sort.by("nameKey", "id"), "id");
    }

    @VersionETag
    @GetMapping("/{id}")
    @Operation(operationId = "getDiplomat",
            summary = "Get a diplomat", description = "Served with an ETag carrying the version (for If-Match on "
            + "PUT and DELETE); If-None-Match answers 304.")
    @ApiResponse(responseCode = "200", description = "The diplomat, with ETag")
    @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST: the id is not a number")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such diplomat")
    DiplomatResponse get(@Parameter(example = "1") @PathVariable long id, ServletWebRequest request) {
        Diplomat diplomat = diplomats.get(id);
        if (ETags.notModified(request, diplomat.version())) {
            return null;
        }
        return DiplomatResponse.from(diplomat);
    }

    @VersionETag
    @PostMapping(consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "createDiplomat",
            summary = "Record a diplomat", description = "Role EDITOR. `country` is alpha-2 or alpha-3, any case; "
            + "the answer gives alpha-2.")
    @ApiResponse(responseCode = "201", description = "Created, with Location and ETag")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED (blank name, missing "
            + "country, bad source URL), UNKNOWN_REFERENCE (R18: unknown country)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role EDITOR")
    ResponseEntity<DiplomatResponse> create(@Valid @RequestBody DiplomatRequest body) {
        Diplomat diplomat = diplomats.create(body.description());
        return ResponseEntity.created(URI.create("/api/diplomats/" + diplomat.id()))
                .eTag(ETags.of(diplomat.version()))
                .body(DiplomatResponse.from(diplomat));
    }

    @VersionETag
    @PutMapping(path = "/{id}", consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "replaceDiplomat",
            summary = "Replace a diplomat", description = "Role EDITOR. Full replacement: omitted optional fields "
            + "become null, but omitted `sources` are kept (`[]` removes them). Honours If-Match (a strong ETag of the "
            + "current version, a list holding it, or `*`; anything else answers 412); "
            + "without If-Match the write goes through. Meetings already recorded keep the country and title the "
            + "diplomat had then, and show the new name: a renaming is a change of each of them, and of each head of "
            + "mission the diplomat is and their missions, in the change feed. The country of a diplomat who heads "
            + "or headed a mission, or is named by an "
            + "accreditation, cannot change: a head of mission or an accredited diplomat stays a diplomat of the sending "
            + "country (R13), and the change is refused naming the fact (R20).")
    @ApiResponse(responseCode = "200", description = "The updated diplomat, with its new version and ETag")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED, UNKNOWN_REFERENCE (R18: "
            + "unknown country)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role EDITOR")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such diplomat")
    @ApiResponse(responseCode = "409", description = "CONFLICTS_WITH_RECORDED_FACTS (R20): a new country for a head of "
            + "mission or an accredited diplomat (R13)")
    @ApiResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match is not the current version")
    ResponseEntity<DiplomatResponse> update(@Parameter(example = "1") @PathVariable long id,
            @Parameter(description = "ETag of the version the change is based on")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DiplomatRequest body) {
        Diplomat diplomat = diplomats.update(id, body.description(), VersionPrecondition.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(diplomat.version())).body(DiplomatResponse.from(diplomat));
    }

    @DeleteMapping("/{id}")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "deleteDiplomat",
            summary = "Delete a diplomat", description = "Role EDITOR. Refused while a meeting or a head of "
            + "mission refers to the diplomat (R21). Honours If-Match.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role EDITOR")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such diplomat")
    @ApiResponse(responseCode = "409", description = "RESOURCE_IN_USE (R21): a meeting or a head of mission refers "
            + "to the diplomat")
    @ApiResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match is not the current version")
    ResponseEntity<Void> delete(@Parameter(example = "1") @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        diplomats.delete(id, VersionPrecondition.fromIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

}
