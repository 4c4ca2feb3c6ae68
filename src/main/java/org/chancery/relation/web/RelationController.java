package org.chancery.relation.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.chancery.country.Countries;
import org.chancery.country.CountryCode;
import org.chancery.relation.EventDraft;
import org.chancery.relation.RecordedEvent;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.relation.RelationStatus;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.MalformedRequestException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/relations", produces = "application/json")
@Tag(name = "Relations", description = "Relations between two countries: events on the diplomatic and consular tracks")
class RelationController {

    /**
     * One event's path. Its id is any segment but {@code batch}: a {@code GET} or {@code DELETE} of
     * {@code …/events/batch} is a method the batch does not allow (405, {@code Allow: OPTIONS,POST}), not an id that
     * cannot be parsed, while {@code …/events/abc} still is (400).
     */
    private static final String EVENT_PATH = "/{a}/{b}/events/{id:(?!batch$).+}";

    private static final Map<String, String> SORTABLE = Map.of(
            "countries", "countryA", "status", "status", "since", "since", "consularStatus", "consularStatus");

    private final RelationService relations;
    private final Countries countries;
    private final CsvLists csv;

    RelationController(RelationService relations, Countries countries, CsvLists csv) {
        this.relations = relations;
        this.countries = countries;
        this.csv = csv;
    }

    @GetMapping
    @Operation(operationId = "listRelations", summary = "List relations as of a day", description = "Page of the "
            + "summaries of the pairs as they stood at the end of `asOf` (default today): each pair's diplomatic "
            + "status, the date of the event that set it, and its consular status, for the pairs with a recorded "
            + "state that day whose two countries both existed that day (a dissolved state drops out of today's "
            + "list). Ordered by the pair's codes. `country` keeps the pairs of one country, `status` those with that "
            + "diplomatic status. Sortable by countries, status, since, consularStatus. Also as CSV (every row).")
    @ApiResponse(responseCode = "200", description = "A page of relation summaries")
    @CsvResponse
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST (bad asOf; page or size not a number or "
            + "given twice) or VALIDATION_FAILED (bad status, unknown country, page or size out of range, bad sort)")
    PagedModel<RelationSummary> search(@Parameter(example = "US") @RequestParam(required = false) String country,
            @RequestParam(required = false) RelationStatus status,
            @Parameter(description = "the day (its end) the list describes; default today", example = "1970-01-01")
            @RequestParam(required = false) LocalDate asOf, @ParameterObject Pageable pageable) {
        return new PagedModel<>(relations.standings(filter(country), status, asOf, pageRequest(pageable))
                .map(RelationSummary::from));
    }

    @Hidden
    @GetMapping(produces = CsvLists.TEXT_CSV)
    void searchCsv(@RequestParam(required = false) String country, @RequestParam(required = false) RelationStatus status,
            @RequestParam(required = false) LocalDate asOf, @ParameterObject Pageable pageable,
            HttpServletResponse response) throws IOException {
        CountryCode code = filter(country);
        // Every page of the list is derived from all the intervals of the day, so the pairs (a few tens of
        // thousands at most: one row per pair of countries) are read in one statement, not a page at a time (after
        // the codes of the few countries that did not exist that day).
        List<RelationSummary> rows = relations.standings(code, status, asOf,
                Pageable.unpaged(pageRequest(pageable).getSort())).map(RelationSummary::from).getContent();
        // a list of a past day is named after it: exports of two days are told apart
        csv.write(response, asOf == null ? "relations" : "relations-" + asOf, RelationSummary.class,
                CsvLists.all(rows));
    }

    private CountryCode filter(String country) {
        return country == null ? null : countries.filter(country, "country");
    }

    /** The page and order asked for; ties are broken by the pair ({@code countryA} orders by both codes). */
    private static PageRequest pageRequest(Pageable pageable) {
        return PageRequests.of(pageable, SORTABLE, Set.of("since"), Sort.by("countryA"), "countryA");
    }

    @PostMapping(path = "/{a}/{b}/events", consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "recordRelationEvent",
            summary = "Record a relation event", description = "Role EDITOR. History may be back-filled in any "
            + "order (R1). ESTABLISHED/RESTORED also establish consular relations (R2). A SEVERED event closes the "
            + "pair's open embassy-class missions and provisional offices on its date and lists them in "
            + "affectedMissions, ends their heads and the heads already serving such a mission not open yet (a "
            + "liaison office's or an interests section's stay), and ends the AMBASSADOR and ENVOY accreditations of "
            + "either country to the other, listed in affectedAccreditations (R11); it is refused (R20) across a "
            + "recorded period it would cut, as a head's of an embassy cancelled or opened later. Both countries "
            + "must exist on the event's date (R22).")
    @ApiResponse(responseCode = "201", description = "The event, with affectedMissions and affectedAccreditations")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED, DATE_IN_FUTURE (R3), SAME_COUNTRY (R4)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown country")
    @ApiResponse(responseCode = "409", description = "RELATION_TRANSITION_INVALID (R1), CONFLICTS_WITH_RECORDED_FACTS (R20), "
            + "COUNTRY_NOT_IN_EXISTENCE (R22)")
    ResponseEntity<RecordedEventResponse> record(@Parameter(example = "CU") @PathVariable String a,
            @Parameter(example = "KR") @PathVariable String b, @Valid @RequestBody RecordEventRequest body) {
        RelationPair pair = relations.pair(a, b);
        RecordedEvent recorded = relations.record(pair, body.type(), FuzzyDate.of(body.date(), body.datePrecision()),
                body.note(), body.sources());
        URI location = URI.create("/api/relations/" + pair.first() + "/" + pair.second() + "/events/"
                + recorded.event().id());
        return ResponseEntity.created(location).body(RecordedEventResponse.from(recorded));
    }

    @PostMapping(path = "/{a}/{b}/events/batch", consumes = "application/json")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "recordRelationEvents",
            summary = "Record several relation events together", description = "Role EDITOR. Up to 20 events of "
            + "the pair as one change, all or none, for history that can only be back-filled together: a severance "
            + "and the restoration that ended it, before an embassy opened after both, where the severance alone is "
            + "refused (R20: the embassy would have opened without relations) and the restoration alone too (R1: "
            + "nothing severed). The state machine (R1, R2) holds for the history the events make together; each is "
            + "checked as one event is (R3, R22), each severance's effects apply in date order (R11), and the facts "
            + "that depend on the relation are checked once, against the history with all of them (R20). The first "
            + "refusal answers, naming the event's date or the fact, and nothing is recorded. Each event appears in "
            + "the change feed.")
    @ApiResponse(responseCode = "201", description = "The events in the order the history applies them (by date, a "
            + "day's consular events first), each with its affectedMissions and affectedAccreditations; Location: the "
            + "pair's view, which lists them")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST, VALIDATION_FAILED (`events[1].date`; no "
            + "event or more than 20), DATE_IN_FUTURE (R3), SAME_COUNTRY (R4)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown country")
    @ApiResponse(responseCode = "409", description = "RELATION_TRANSITION_INVALID (R1), CONFLICTS_WITH_RECORDED_FACTS "
            + "(R20), COUNTRY_NOT_IN_EXISTENCE (R22)")
    ResponseEntity<RecordedEventsResponse> recordAll(@Parameter(example = "CU") @PathVariable String a,
            @Parameter(example = "KR") @PathVariable String b, @Valid @RequestBody RecordEventsRequest body) {
        RelationPair pair = relations.pair(a, b);
        List<RecordedEvent> recorded = relations.recordAll(pair, body.events().stream()
                .map(event -> new EventDraft(event.type(), FuzzyDate.of(event.date(), event.datePrecision()),
                        event.note(), event.sources()))
                .toList());
        // several events were created: the Location is the pair's view, which lists them
        return ResponseEntity.created(URI.create("/api/relations/" + pair.first() + "/" + pair.second()))
                .body(RecordedEventsResponse.from(recorded));
    }

    @GetMapping(EVENT_PATH)
    @Operation(operationId = "getRelationEvent", summary = "Get one event of a relation", description = "An event of "
            + "the pair, either track (404 for an event of another pair), with its sources.")
    @ApiResponse(responseCode = "200", description = "The event")
    @ApiResponse(responseCode = "400", description = "SAME_COUNTRY (R4), MALFORMED_REQUEST (id)")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown country, or no such event on this pair")
    EventResponse event(@Parameter(example = "CU") @PathVariable String a,
            @Parameter(example = "KR") @PathVariable String b,
            @Parameter(example = "395") @PathVariable long id) {
        RelationPair pair = relations.pair(a, b);
        return EventResponse.from(relations.getEvent(pair, id).asRecord());
    }

    /** The most events one request deletes together, as the batch records. */
    private static final int MOST_DELETED_TOGETHER = 20;

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");

    @DeleteMapping("/{a}/{b}/events")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "deleteRelationEvents",
            summary = "Delete several relation events together", description = "Role EDITOR. Up to 20 events of the "
            + "pair (`id`, repeated) as one change, all or none, for history that can only be taken back together, as "
            + "the batch records it: a severance and the restoration that ended it, back-filled before a later "
            + "embassy, where the restoration alone is refused (R20: the embassy would have opened without relations) "
            + "and the severance alone too (R1: nothing severed to restore). The remaining history is checked once "
            + "(R1, R20) and the first refusal answers with nothing deleted. A severance deleted with a later "
            + "restoration keeps its effects (R11: facts recorded since the restoration may contradict them): the "
            + "deletion is refused while a mission it closed or a head or accreditation it ended remains (R20): the "
            + "restoration deleted alone first, then the severance, take them back. Each event deleted appears in the "
            + "change feed.")
    @ApiResponse(responseCode = "204", description = "Deleted, all of them")
    @ApiResponse(responseCode = "400", description = "SAME_COUNTRY (R4), MALFORMED_REQUEST (an `id` not a decimal "
            + "integer), VALIDATION_FAILED (`id`: none, or more than 20)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown country, or no such event on this pair "
            + "(the first such id named; nothing deleted)")
    @ApiResponse(responseCode = "409", description = "RELATION_TRANSITION_INVALID (R1), CONFLICTS_WITH_RECORDED_FACTS (R20)")
    ResponseEntity<Void> deleteAll(@Parameter(example = "CU") @PathVariable String a,
            @Parameter(example = "KR") @PathVariable String b,
            @Parameter(description = "an event of the pair (e.g. 395); repeated or separated by commas, up to 20 (a "
                    + "blank one is none)")
            @RequestParam("id") List<String> ids) {
        RelationPair pair = relations.pair(a, b);
        Set<Long> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            String digits = id == null ? "" : id.strip();
            if (!digits.isEmpty()) {
                distinct.add(eventId(digits));
            }
        }
        if (distinct.isEmpty()) {
            throw new InvalidInputException("id", "must be the id of an event of the pair, not empty");
        }
        if (distinct.size() > MOST_DELETED_TOGETHER) {
            throw new InvalidInputException("id", "at most " + MOST_DELETED_TOGETHER + " events are deleted together, "
                    + "not " + distinct.size());
        }
        relations.deleteAll(pair, distinct);
        return ResponseEntity.noContent().build();
    }

    /** An event's id as written: decimal digits (not 0x1F, as a number converter would read it). */
    private static long eventId(String digits) {
        try {
            if (DECIMAL.matcher(digits).matches()) {
                return Long.parseLong(digits);
            }
        } catch (NumberFormatException tooLarge) {
            // said below, as any other text that is no event's id
        }
        throw new MalformedRequestException("id", "cannot be parsed: '" + digits + "'; expected an event's id, a decimal "
                + "integer");
    }

    @DeleteMapping(EVENT_PATH)
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "deleteRelationEvent",
            summary = "Delete a relation event", description = "Role EDITOR. Refused if the remaining history "
            + "would break the state machine (R1) or leave a recorded mission or head of mission breaking a rule (R20). "
            + "A diplomatic severance takes its effects (R11) with it: the missions it closed as it was recorded open "
            + "again, the heads of mission and accreditations it ended are in force again (each in the change feed); "
            + "refused while one of those heads' missions has been cancelled or closed since, or a mission's embassy "
            + "slot is taken (R20); not for a country of the pair that has ceased to exist since (what opened again "
            + "would be open today): the deletion is then refused while those effects remain (R20). A mission whose "
            + "closing was recorded with the reason `RELATIONS_SEVERED` (by hand, "
            + "an import, or before this version) keeps it, and the severance it names is not deleted (R20).")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "400", description = "SAME_COUNTRY (R4), MALFORMED_REQUEST (id)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: unknown country, or no such event on this pair")
    @ApiResponse(responseCode = "409", description = "RELATION_TRANSITION_INVALID (R1), CONFLICTS_WITH_RECORDED_FACTS (R20)")
    ResponseEntity<Void> delete(@Parameter(example = "CU") @PathVariable String a,
            @Parameter(example = "KR") @PathVariable String b,
            @Parameter(example = "395") @PathVariable long id) {
        relations.delete(relations.pair(a, b), id);
        return ResponseEntity.noContent().build();
    }
}
