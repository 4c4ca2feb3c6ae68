package org.chancery.country.web;

import java.io.IOException;
import java.net.URI;
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
import org.chancery.country.Countries;
import org.chancery.country.Country;
import org.chancery.country.Lifetime;
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
@RequestMapping(path = "/api/countries", produces = "application/json")
@Tag(name = "Countries", description = "ISO 3166-1 countries, present from the first start, the dissolved states of "
        + "ISO 3166-3, and states outside ISO that an admin or an import adds; each with the days it existed")
class CountryController {

    /** The sortable fields whose values may be null. */
    private static final Set<String> NULLABLE = Set.of("numeric", "startedOn", "endedOn");

    private static final Map<String, String> SORTABLE = Map.of("code", "code", "alpha3", "alpha3",
            "numeric", "numericCode", "name", "nameKey", "startedOn", "startedOn", "endedOn", "endedOn");

    private final Countries countries;
    private final CsvLists csv;

    CountryController(Countries countries, CsvLists csv) {
        this.countries = countries;
        this.csv = csv;
    }

    @GetMapping
    @Operation(operationId = "listCountries", summary = "Search countries", description = "Page of countries ordered "
            + "by code; `q` matches the name (substring; in any case, with or without accents: `cote` finds Côte "
            + "d'Ivoire) or the alpha-2, alpha-3 or numeric code, case-insensitive; "
            + "`current=true` leaves out the countries that ceased to exist (an `endedOn`), `current=false` lists only "
            + "those. Sortable by code, alpha3, numeric, name (accents and letter case set aside: Åland Islands "
            + "among the A's), startedOn, endedOn. Also as CSV (every row).")
    @ApiResponse(responseCode = "200", description = "A page of countries")
    @CsvResponse
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST (bad current; page or size not a number or "
            + "given twice) or VALIDATION_FAILED (page or size out of range, bad sort)")
    PagedModel<CountryResponse> search(@Parameter(example = "kor") @RequestParam(required = false) String q,
            @Parameter(description = "true: only countries that exist today; false: only former ones")
            @RequestParam(required = false) Boolean current, @ParameterObject Pageable pageable) {
        var request = pageRequest(pageable);
        return new PagedModel<>(countries.search(q, current, request).map(CountryResponse::from));
    }

    @Hidden
    @GetMapping(produces = CsvLists.TEXT_CSV)
    void searchCsv(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean current,
            @ParameterObject Pageable pageable, HttpServletResponse response) throws IOException {
        Sort sort = pageRequest(pageable).getSort();
        csv.write(response, "countries", CountryResponse.class, CsvLists.paged(sort,
                page -> countries.search(q, current, page).map(CountryResponse::from)));
    }

    @VersionETag
    @GetMapping("/{code}")
    @Operation(operationId = "getCountry", summary = "Get a country", description = "By alpha-2 or alpha-3 code, any "
            + "letter case. Served with an ETag carrying its version (for If-Match on PUT); If-None-Match answers 304.")
    @ApiResponse(responseCode = "200", description = "The country")
    @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such country")
    CountryResponse get(@Parameter(example = "CU") @PathVariable String code, ServletWebRequest request) {
        Country country = countries.get(code);
        if (ETags.notModified(request, country.version())) {
            return null;
        }
        return CountryResponse.from(country);
    }

    @VersionETag
    @PostMapping(consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "createCountry", summary = "Add a country outside ISO 3166-1", description = "Role ADMIN. "
            + "For historical states and entities such as Kosovo, with the days they existed if known.")
    @ApiResponse(responseCode = "201", description = "Created, with Location and ETag")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST or VALIDATION_FAILED (bad codes, blank name, "
            + "endedOn before startedOn), DATE_IN_FUTURE (R3: a startedOn or endedOn after today)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role ADMIN")
    @ApiResponse(responseCode = "409", description = "ALREADY_EXISTS: the alpha-2 or alpha-3 code is taken; `errors` "
            + "names each taken (`code`, `alpha3`), the detail the country that has it")
    ResponseEntity<CountryResponse> create(@Valid @RequestBody CountryRequests.Create body) {
        Country country = countries.create(body.code(), body.alpha3(), body.numeric(), body.name(),
                new Lifetime(body.startedOn(), body.endedOn()), body.sources());
        return ResponseEntity.created(URI.create("/api/countries/" + country.code().value()))
                .eTag(ETags.of(country.version())).body(CountryResponse.from(country));
    }

    @VersionETag
    @PutMapping(path = "/{code}", consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "updateCountry", summary = "Change a country's name and lifetime", description = "Role "
            + "ADMIN. Full replacement of name, startedOn and endedOn (omitted ones become null); `sources` left out are "
            + "kept, given they replace the recorded ones (`[]` removes them). Honours "
            + "If-Match (a strong ETag of the current version); without If-Match the write goes through. A lifetime "
            + "that would leave a recorded fact (an event, a mission's opening or closing, a head of mission, a "
            + "meeting, an accreditation, a milestone achieved) outside the country's existence is refused, naming "
            + "the fact (R20, R22); so is an end given, or moved earlier, while a fact of the country has no end yet "
            + "(a mission open, a head serving, an accreditation in force): record its end first.")
    @ApiResponse(responseCode = "200", description = "The country, with its new version and ETag")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST or VALIDATION_FAILED (blank name, endedOn "
            + "before startedOn), DATE_IN_FUTURE (R3: a startedOn or endedOn after today)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role ADMIN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such country")
    @ApiResponse(responseCode = "409", description = "CONFLICTS_WITH_RECORDED_FACTS (R20): a recorded fact would fall "
            + "outside the new lifetime, or one with no end yet would go on after the end given")
    @ApiResponse(responseCode = "412", description = "VERSION_MISMATCH: If-Match is not the current version")
    ResponseEntity<CountryResponse> update(@Parameter(example = "DD") @PathVariable String code,
            @Parameter(description = "ETag of the version the change is based on")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CountryRequests.Update body) {
        Country country = countries.update(code, body.name(), new Lifetime(body.startedOn(), body.endedOn()),
                body.sources(), VersionPrecondition.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(country.version())).body(CountryResponse.from(country));
    }

    private static PageRequest pageRequest(Pageable pageable) {
        return PageRequests.of(pageable, SORTABLE, NULLABLE, Sort.by("code"), "code");
    }
}
