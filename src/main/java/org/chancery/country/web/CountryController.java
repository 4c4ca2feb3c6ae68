package org.chancery.country.web;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.chancery.country.Countries;
import org.chancery.country.Country;
import org.chancery.shared.web.PageRequests;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping(path = "/api/countries", produces = "application/json")
@Tag(name = "Countries", description = "ISO 3166-1 countries, present from the first start")
class CountryController {

    private static final Map<String, String> SORTABLE = Map.of(
            "code", "code", "alpha3", "alpha3", "numeric", "numericCode", "name", "name");

    private final Countries countries;

    CountryController(Countries countries) {
        this.countries = countries;
    }

    @GetMapping
    @Operation(summary = "Search countries", description = "Page of countries ordered by code; `q` matches the "
            + "name (substring) or the alpha-2, alpha-3 or numeric code, case-insensitive. Sortable by code, alpha3, "
            + "numeric, name.")
    @ApiResponse(responseCode = "200", description = "A page of countries")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST or VALIDATION_FAILED (bad page, size or sort)")
    PagedModel<CountryResponse> search(@Parameter(example = "kor") @RequestParam(required = false) String q,
            @ParameterObject Pageable pageable) {
        var request = PageRequests.of(pageable, SORTABLE, Sort.by("code"), "code");
        return new PagedModel<>(countries.search(q, request).map(CountryResponse::from));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Get a country", description = "By alpha-2 or alpha-3 code, any letter case. Served with an "
            + "ETag; If-None-Match answers 304.")
    @ApiResponse(responseCode = "200", description = "The country")
    @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such country")
    ResponseEntity<CountryResponse> get(@Parameter(example = "CU") @PathVariable String code, WebRequest request) {
        Country country = countries.get(code);
        String etag = "\"" + country.code().value() + "-" + Integer.toHexString(
                (country.alpha3() + "|" + country.numericCode() + "|" + country.name()).hashCode()) + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache())
                .body(CountryResponse.from(country));
    }

    @PostMapping(consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(summary = "Add a country outside ISO 3166-1", description = "Role ADMIN. For entities such as Kosovo.")
    @ApiResponse(responseCode = "201", description = "Created, with Location")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST or VALIDATION_FAILED")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role ADMIN")
    @ApiResponse(responseCode = "409", description = "ALREADY_EXISTS: the alpha-2 or alpha-3 code is taken")
    ResponseEntity<CountryResponse> create(@Valid @RequestBody CreateCountryRequest body) {
        Country country = countries.create(body.code(), body.alpha3(), body.numeric(), body.name());
        return ResponseEntity.created(URI.create("/api/countries/" + country.code().value()))
                .body(CountryResponse.from(country));
    }
}
