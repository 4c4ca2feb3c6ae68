package org.chancery.change.web;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.change.Change;
import org.chancery.change.ChangeFeed;
import org.chancery.country.Countries;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.web.CsvLists;
import org.chancery.shared.web.CsvResponse;
import org.chancery.shared.web.FixedOrder;
import org.chancery.shared.web.PageRequests;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/changes", produces = "application/json")
@Tag(name = "Changes", description = "Who recorded what, and when: every successful write's changes (an import's "
        + "included), in the order the feed publishes them, for auditing and for clients that keep a copy in step")
class ChangeController {

    static final List<String> KINDS = List.of("event", "mission", "head", "accreditation", "meeting", "diplomat",
            "milestone", "country", "import");

    private final ChangeFeed feed;
    private final CsvLists csv;

    private final Countries countries;

    ChangeController(ChangeFeed feed, CsvLists csv, Countries countries) {
        this.feed = feed;
        this.csv = csv;
        this.countries = countries;
    }

    @GetMapping
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "listChanges",
            summary = "The change feed", description = "Role EDITOR. The changes with a "
            + "`seq` greater than `after` (default 0), oldest first, of one `kind` if given, of facts of one `country` "
            + "(alpha-2 or alpha-3) if given; pages of 20 by default, as "
            + "every list (`size` up to 200). "
            + "Every change of a fact a successful write makes appears exactly once (one write may change several: "
            + "a head and its mission), a refused write never. `seq` grows strictly: a client "
            + "that asks again with the last `seq` it saw misses nothing, also with several instances on one "
            + "database (a change is numbered only once it has committed). Also as CSV (every row).")
    @ApiResponse(responseCode = "200", description = "A page of changes")
    @CsvResponse
    @FixedOrder
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST (after, page or size not a number or given "
            + "twice, a country given twice) or VALIDATION_FAILED (negative after, unknown kind or country, page or "
            + "size out of range)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role EDITOR")
    PagedModel<ChangeResponse> after(@Parameter(example = "0", schema = @Schema(type = "integer", format = "int64",
            minimum = "0", defaultValue = "0")) @RequestParam(required = false) Long after,
            @Parameter(example = "mission", schema = @Schema(allowableValues = {"event", "mission", "head",
                    "accreditation", "meeting", "diplomat", "milestone", "country", "import"}))
            @RequestParam(required = false) String kind,
            @Parameter(description = "A country (e.g. CU): the changes of facts it is party to", example = "CU")
            @RequestParam(required = false) String country,
            @ParameterObject Pageable pageable) {
        return new PagedModel<>(feed.after(check(after), only(kind, country), PageRequests.unsorted(pageable))
                .map(ChangeResponse::from));
    }

    @Hidden
    @GetMapping(produces = CsvLists.TEXT_CSV)
    void afterCsv(@RequestParam(required = false) Long after, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String country, @ParameterObject Pageable pageable,
            HttpServletResponse response) throws IOException {
        PageRequests.unsorted(pageable);
        long from = check(after);
        ChangeFeed.Only only = only(kind, country);
        // numbered first, all of them, on its own: the pages are read in one read-only transaction
        feed.numberAll();
        // read after the last seq of each page, not at an offset, and not counted: one statement a thousand changes
        csv.write(response, "changes", ChangeResponse.class, CsvLists.keyed(from,
                (last, limit) -> feed.numberedAfter(last, only, limit), Change::seq).map(ChangeResponse::from));
    }

    /** The sequence number to list after: 0 (from the first change) if none is given, blank included. */
    private static long check(Long after) {
        if (after == null) {
            return 0;
        }
        if (after < 0) {
            throw new InvalidInputException("after", "must be at least 0");
        }
        return after;
    }

    private ChangeFeed.Only only(String kind, String country) {
        if (kind != null && !KINDS.contains(kind)) {
            throw new InvalidInputException("kind", "must be one of " + String.join(", ", KINDS));
        }
        return new ChangeFeed.Only(kind, country == null ? null : countries.filter(country, "country").value());
    }
}
