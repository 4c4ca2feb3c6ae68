package org.chancery.observation.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.country.Countries;
import org.chancery.country.CountryCode;
import org.chancery.observation.ObservationDirection;
import org.chancery.observation.ObservationLevel;
import org.chancery.observation.Observations;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.shared.web.CsvLists;
import org.chancery.shared.web.CsvResponse;
import org.chancery.shared.web.FixedOrder;
import org.chancery.shared.web.PageRequests;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = "application/json")
@Tag(name = "Observations", description = "How two countries were represented in each other in a year, as a data set "
        + "observed it (the Correlates of War Diplomatic Exchange, imported with format cow-diplomatic-exchange): kept "
        + "beside the facts, never checked against the rules, never turned into events")
class ObservationController {

    /** The sort fields of the list (the properties {@link Observations#SORTABLE} knows). */
    private static final Map<String, String> SORTABLE = Map.of("year", "year", "sendingCountry", "sendingCountry",
            "receivingCountry", "receivingCountry", "level", "level", "id", "id");

    private final Observations observations;
    private final Countries countries;
    private final RelationService relations;
    private final CsvLists csv;

    ObservationController(Observations observations, Countries countries, RelationService relations, CsvLists csv) {
        this.observations = observations;
        this.countries = countries;
        this.relations = relations;
        this.csv = csv;
    }

    @GetMapping("/api/observations")
    @Operation(operationId = "listObservations", summary = "List observations", description = "Every filter is "
            + "optional: `country` with `direction` (SENDING: the country was represented elsewhere; RECEIVING: others "
            + "were represented in it; default either), `year`, `level`, `dataset`. Ordered by year, then sending and "
            + "receiving country; sortable by year, sendingCountry, receivingCountry, level, id, ties broken in "
            + "the first order's direction (after a country: the other country, then the year; otherwise the year "
            + "and the countries), the id last. Also as CSV (every row).")
    @ApiResponse(responseCode = "200", description = "A page of observations")
    @CsvResponse
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST (year, page or size not a "
            + "number) or VALIDATION_FAILED (bad direction or level, unknown country, page or size out of range, bad "
            + "sort)")
    PagedModel<ObservationResponse> search(@Parameter(example = "US") @RequestParam(required = false) String country,
            @RequestParam(required = false) ObservationDirection direction,
            @Parameter(example = "1900") @RequestParam(required = false) Integer year,
            @RequestParam(required = false) ObservationLevel level,
            @Parameter(example = "COW-DE 2006.1") @RequestParam(required = false) String dataset,
            @ParameterObject Pageable pageable) {
        return new PagedModel<>(observations.search(filter(country, direction, year, level, dataset),
                pageRequest(pageable)).map(ObservationResponse::from));
    }

    @Hidden
    @GetMapping(path = "/api/observations", produces = CsvLists.TEXT_CSV)
    void searchCsv(@RequestParam(required = false) String country,
            @RequestParam(required = false) ObservationDirection direction,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) ObservationLevel level,
            @RequestParam(required = false) String dataset, @ParameterObject Pageable pageable,
            HttpServletResponse response) throws IOException {
        var filter = filter(country, direction, year, level, dataset);
        Sort sort = pageRequest(pageable).getSort();
        csv.write(response, "observations", ObservationResponse.class,
                each -> observations.forEach(filter, sort, observation -> each.accept(ObservationResponse.from(observation))));
    }

    @GetMapping("/api/observations/summary")
    @Operation(operationId = "summarizeObservations", summary = "Observations counted per year and level", description =
            "One row per observed year, oldest first, with the count of each level (every level, zero where none): "
            + "`country` as `direction` (SENDING: how the country was represented abroad; RECEIVING: how others were "
            + "represented in it; default either, as in the list of observations: both sides counted); without "
            + "`country`, every observation once. Not paged; also as CSV. "
            + "Answered from counts kept with the observations, not by scanning them.")
    @ApiResponse(responseCode = "200", description = "The years, oldest first")
    @CsvResponse
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (bad direction, unknown "
            + "country; a `sort`: the years' order is fixed)")
    List<YearCountsResponse> summary(@Parameter(example = "US") @RequestParam(required = false) String country,
            @RequestParam(required = false) ObservationDirection direction,
            @RequestParam(required = false) String dataset,
            @Parameter(hidden = true) @RequestParam(required = false) String sort) {
        PageRequests.unsorted(sort); // the years are oldest first
        return observations.summary(code(country), direction, dataset).stream().map(YearCountsResponse::from).toList();
    }

    @Hidden
    @GetMapping(path = "/api/observations/summary", produces = CsvLists.TEXT_CSV)
    void summaryCsv(@RequestParam(required = false) String country,
            @RequestParam(required = false) ObservationDirection direction,
            @RequestParam(required = false) String dataset, @RequestParam(required = false) String sort,
            HttpServletResponse response) throws IOException {
        PageRequests.unsorted(sort); // the years are oldest first
        csv.write(response, "observation-summary", YearCountsResponse.class, CsvLists.all(
                observations.summary(code(country), direction, dataset).stream().map(YearCountsResponse::from).toList()));
    }

    @GetMapping("/api/relations/{a}/{b}/observations")
    @Operation(operationId = "listRelationObservations", summary = "The pair's observations", description = "Both "
            + "directions, oldest first (by year); fixed order. Also as CSV (every row).")
    @ApiResponse(responseCode = "200", description = "A page of observations")
    @CsvResponse
    @FixedOrder
    @ApiResponse(responseCode = "400", description = "SAME_COUNTRY (R4), MALFORMED_REQUEST or VALIDATION_FAILED (paging)")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown country")
    PagedModel<ObservationResponse> ofPair(@Parameter(example = "US") @PathVariable String a,
            @Parameter(example = "CU") @PathVariable String b, @ParameterObject Pageable pageable) {
        RelationPair pair = relations.pair(a, b);
        return new PagedModel<>(observations.between(pair, PageRequests.unsorted(pageable))
                .map(ObservationResponse::from));
    }

    @Hidden
    @GetMapping(path = "/api/relations/{a}/{b}/observations", produces = CsvLists.TEXT_CSV)
    void ofPairCsv(@PathVariable String a, @PathVariable String b, @ParameterObject Pageable pageable,
            HttpServletResponse response) throws IOException {
        RelationPair pair = relations.pair(a, b);
        PageRequests.unsorted(pageable);
        csv.write(response, CsvLists.ofPair("observations", pair.codes()), ObservationResponse.class,
                CsvLists.paged(Sort.unsorted(),
                        page -> observations.between(pair, page).map(ObservationResponse::from)));
    }

    private Observations.Filter filter(String country, ObservationDirection direction, Integer year,
            ObservationLevel level, String dataset) {
        return new Observations.Filter(code(country), direction, year, level, dataset);
    }

    private CountryCode code(String country) {
        return country == null ? null : countries.filter(country, "country");
    }

    /**
     * The requested orders, checked; the id that {@link PageRequests} adds as the last tie-breaker is
     * left to {@link Observations#search}, which breaks ties by the countries or the year first.
     */
    private static PageRequest pageRequest(Pageable pageable) {
        PageRequest checked = PageRequests.of(pageable, SORTABLE, Sort.by("year"), "id");
        if (pageable.getSort().getOrderFor("id") != null) {
            return checked;
        }
        return checked.withSort(Sort.by(checked.getSort().stream().filter(order -> !order.getProperty().equals("id"))
                .toList()));
    }
}
