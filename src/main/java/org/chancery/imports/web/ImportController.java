package org.chancery.imports.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chancery.imports.ImportFlags;
import org.chancery.imports.ImportFormat;
import org.chancery.imports.ImportJob;
import org.chancery.imports.ImportOutcome;
import org.chancery.imports.ImportStatus;
import org.chancery.imports.Imports;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.web.CsvLists;
import org.chancery.shared.web.CsvResponse;
import org.chancery.shared.web.FixedOrder;
import org.chancery.shared.web.PageRequests;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping(path = "/api/imports", produces = "application/json")
@Tag(name = "Imports", description = "Bulk loading of real data through the same rules as every other write: a "
        + "job per file, run in the background, with a report of what became of each row. Jobs and reports name "
        + "users: reading them needs the EDITOR role.")
class ImportController {

    static final String START = "startImport";
    static final String ROWS = "listImportRows";

    /**
     * How long a request that cancels a job waits for it to stop: longer than one wait of a row for a lock another
     * write holds (10 s each, then the row is REJECTED CONCURRENT_MODIFICATION and the cancelled job stops before
     * its next row); a row waiting for several locks in turn is answered 202.
     */
    private static final int CANCEL_WAIT_SECONDS = 15;

    private final Imports imports;
    private final CsvLists csv;

    ImportController(Imports imports, CsvLists csv) {
        this.imports = imports;
        this.csv = csv;
    }

    @PostMapping(consumes = {"text/csv", "application/x-ndjson", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @SecurityRequirement(name = "basic")
    @Operation(operationId = START, summary = "Start an import job", description = "Role ADMIN. The body is the file, "
            + "in the format `format` names (its media type, or text/plain or application/octet-stream). The file is "
            + "checked as a whole at once (400 for a wrong header, text that is not UTF-8, a line that is not JSON; "
            + "413 above `chancery.imports.max-size`); then the job runs in the background and the answer, 202 with "
            + "the job, comes at once. One import runs at a time (409 IMPORT_RUNNING). Every row goes through the same "
            + "services and rules as the API; a row the rules refuse changes nothing and is reported REJECTED with the "
            + "code and detail the API would have answered. Importing the same file again creates nothing new: its "
            + "rows answer ALREADY_PRESENT, whatever became of what they recorded since. A job that a stopped "
            + "server left RUNNING is FAILED after the restart; "
            + "running the file again completes it.")
    @ApiResponse(responseCode = "202", description = "The job, RUNNING, with Location /api/imports/{id}")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: unknown format, a body that is empty, not "
            + "UTF-8 (or declared in another charset) or not of the format (wrong header, a line that is not JSON, "
            + "nothing to import: a header alone, blank lines; a line or CSV record longer than 1,048,576 characters); "
            + "MALFORMED_REQUEST: `format` given "
            + "twice, or a Host header no address can be made of (the job's facts cite it) unless "
            + "chancery.imports.public-url is set")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role ADMIN")
    @ApiResponse(responseCode = "409", description = "IMPORT_RUNNING: another import runs")
    @ApiResponse(responseCode = "413", description = "PAYLOAD_TOO_LARGE: above chancery.imports.max-size")
    @ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE: a body of another media type than the "
            + "format's, text/plain or application/octet-stream (a form, multipart or not, among them)")
    @ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: the server is stopping (Retry-After; "
            + "nothing was read); it cannot keep the upload, its folder for them (chancery.imports.spool-dir) not "
            + "writable or full (no Retry-After: an operator must mend it; nothing was imported); or as for every "
            + "operation: the application is starting, the database gave no connection in time, lost it or takes "
            + "no writes (Retry-After), or a statement did not finish within its time limit")
    ResponseEntity<ImportJobResponse> start(
            @Parameter(description = "kenkel-us-missions, chancery-ndjson, cow-diplomatic-exchange (see "
                    + "GET /api/imports/formats)", example = "chancery-ndjson") @RequestParam String format,
            HttpServletRequest request, Principal user) throws IOException, HttpMediaTypeNotSupportedException {
        ImportFormat importFormat = imports.format(format);
        MediaType sent = sentType(request.getContentType(), importFormat);
        if (!sent.isCompatibleWith(importFormat.mediaType()) && !sent.isCompatibleWith(MediaType.TEXT_PLAIN)
                && !sent.isCompatibleWith(MediaType.APPLICATION_OCTET_STREAM)) {
            String detail = "The format " + importFormat.name() + " takes " + importFormat.mediaType() + " (or "
                    + "text/plain, application/octet-stream), not " + sent.getType() + "/" + sent.getSubtype() + ".";
            HttpMediaTypeNotSupportedException refused = new HttpMediaTypeNotSupportedException(sent,
                    List.of(importFormat.mediaType(), MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM),
                    HttpMethod.POST, detail);
            refused.getBody().setDetail(detail);
            throw refused;
        }
        requireUtf8(sent);
        ImportJob job = imports.start(importFormat, request.getInputStream(), request.getContentLengthLong(),
                user.getName(), ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/imports/" + job.id()))
                .body(ImportJobResponse.from(job));
    }

    /** The media type the file was sent as; 415 if none was named or it cannot be read. */
    private static MediaType sentType(String contentType, ImportFormat format) throws HttpMediaTypeNotSupportedException {
        String expected = " The format " + format.name() + " takes " + format.mediaType() + " (or text/plain, "
                + "application/octet-stream).";
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("The file has no Content-Type." + expected);
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException unreadable) {
            throw unsupported("The Content-Type cannot be read." + expected);
        }
    }

    /** A file declared in another charset than UTF-8 (or ASCII, UTF-8 too): 400, as a file that is not UTF-8. */
    private static void requireUtf8(MediaType sent) {
        String label = sent.getParameter("charset");
        if (label == null) {
            return;
        }
        String declared = label.replace("\"", "");
        Charset charset;
        try {
            charset = sent.getCharset();
        } catch (IllegalArgumentException unknown) {
            charset = null;
        }
        if (!StandardCharsets.UTF_8.equals(charset) && !StandardCharsets.US_ASCII.equals(charset)) {
            throw new InvalidInputException("body", "is declared " + declared + " (the Content-Type's charset); an "
                    + "import reads UTF-8 text only: convert the file (as with iconv -f " + declared + " -t utf-8) and "
                    + "send it as charset=utf-8, or without a charset");
        }
    }

    private static HttpMediaTypeNotSupportedException unsupported(String detail) {
        HttpMediaTypeNotSupportedException e = new HttpMediaTypeNotSupportedException(detail);
        e.getBody().setDetail(detail);
        return e;
    }

    @GetMapping
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "listImports", summary = "List import jobs", description = "Role EDITOR. Newest first; "
            + "fixed order. Also as CSV (every row).")
    @ApiResponse(responseCode = "200", description = "A page of jobs")
    @CsvResponse
    @FixedOrder
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST (page or size not a number or given twice) or "
            + "VALIDATION_FAILED (page or size out of range)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role EDITOR")
    PagedModel<ImportJobResponse> list(@ParameterObject Pageable pageable) {
        return new PagedModel<>(imports.list(PageRequests.unsorted(pageable)).map(ImportJobResponse::from));
    }

    @Hidden
    @GetMapping(produces = CsvLists.TEXT_CSV)
    void listCsv(@ParameterObject Pageable pageable, HttpServletResponse response) throws IOException {
        PageRequests.unsorted(pageable);
        csv.write(response, "imports", ImportJobResponse.class,
                CsvLists.paged(Sort.unsorted(), page -> imports.list(page).map(ImportJobResponse::from)));
    }

    @GetMapping("/{id}")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "getImport", summary = "Get an import job", description = "Role EDITOR. Its status, "
            + "rowsDone of rowsTotal while it runs, and the count of each outcome (they add up to rowsDone).")
    @ApiResponse(responseCode = "200", description = "The job")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST: the id is not a number")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role EDITOR")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such job")
    ImportJobResponse get(@Parameter(example = "1") @PathVariable long id) {
        return ImportJobResponse.from(imports.get(id));
    }

    @PostMapping("/{id}/cancel")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = "cancelImport", summary = "Cancel a running import job", description = "Role ADMIN. The "
            + "job stops between two of its rows, on whichever instance runs it, and ends FAILED, its `error` and "
            + "`cancelledBy` naming who cancelled it; what it imported stays, and running the same file again "
            + "completes it (what is already there answers ALREADY_PRESENT). The answer waits for the job to stop "
            + "(within a second, or once the row or batch under way is done: each lock it waits for, at most 10 s) "
            + "and is the job, FAILED (SUCCEEDED if the cancellation came after its last row); a job that "
            + "has not stopped within " + CANCEL_WAIT_SECONDS + " s is answered 202, RUNNING still: it stops at its "
            + "next row. Cancelling a job asked to stop already, running still, waits again and keeps who asked first; "
            + "a job that has ended, cancelled or not, is 409 IMPORT_NOT_RUNNING.")
    @ApiResponse(responseCode = "200", description = "The job, stopped: FAILED (or SUCCEEDED or FAILED of itself, if it "
            + "ended before it could stop)")
    @ApiResponse(responseCode = "202", description = "The job, RUNNING still: it stops at its next row (Location: "
            + "the job, to read until it has ended)")
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST: the id is not a number")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role ADMIN")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such job")
    @ApiResponse(responseCode = "409", description = "IMPORT_NOT_RUNNING: the job has ended (SUCCEEDED or FAILED)")
    ResponseEntity<ImportJobResponse> cancel(@Parameter(example = "1") @PathVariable long id, Principal user) {
        ImportJob job = imports.cancel(id, user.getName(), Duration.ofSeconds(CANCEL_WAIT_SECONDS));
        if (job.status() == ImportStatus.RUNNING) {
            return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.id()))
                    .body(ImportJobResponse.from(job));
        }
        return ResponseEntity.ok(ImportJobResponse.from(job));
    }

    @GetMapping("/{id}/rows")
    @SecurityRequirement(name = "basic")
    @Operation(operationId = ROWS, summary = "The job's row reports", description = "Role EDITOR. In "
            + "input order (by line); `outcome` keeps the rows of one outcome, `flag` those carrying a flag "
            + "(one of " + ImportFlags.NAMES + "). Also as CSV (every row).")
    @ApiResponse(responseCode = "200", description = "A page of row reports")
    @CsvResponse
    @FixedOrder
    @ApiResponse(responseCode = "400", description = "MALFORMED_REQUEST (page or size not a number or given "
            + "twice) or VALIDATION_FAILED (bad outcome, a flag no format gives; page or size out of range)")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED")
    @ApiResponse(responseCode = "403", description = "FORBIDDEN: needs role EDITOR")
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such job")
    PagedModel<ImportRowResponse> rows(@Parameter(example = "1") @PathVariable long id,
            @Parameter(example = "IMPORTED") @RequestParam(required = false) ImportOutcome outcome,
            @Parameter(example = "INFERRED_SEVERANCE") @RequestParam(required = false) String flag,
            @ParameterObject Pageable pageable) {
        return new PagedModel<>(imports.rows(id, outcome, ImportFlags.filter(flag), PageRequests.unsorted(pageable))
                .map(ImportRowResponse::from));
    }

    @Hidden
    @GetMapping(path = "/{id}/rows", produces = CsvLists.TEXT_CSV)
    void rowsCsv(@PathVariable long id, @RequestParam(required = false) ImportOutcome outcome,
            @RequestParam(required = false) String flag, @ParameterObject Pageable pageable,
            HttpServletResponse response) throws IOException {
        PageRequests.unsorted(pageable);
        String only = ImportFlags.filter(flag);
        imports.get(id); // 404 for a job that does not exist, also to a HEAD, which reads no row
        csv.write(response, "import-" + id + "-rows", ImportRowResponse.class,
                each -> imports.forEachRow(id, outcome, only, report -> each.accept(ImportRowResponse.from(report))));
    }

    @GetMapping("/formats")
    @Operation(operationId = "listImportFormats", summary = "The import formats", description = "Each format's "
            + "name (for `format`), media type, what its files hold and how their rows become facts, and an example. "
            + "Not paged; by name, a fixed order. Also as CSV, as every list.")
    @ApiResponse(responseCode = "200", description = "The formats, by name")
    @CsvResponse
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED (a `sort`: the formats' order is fixed)")
    List<ImportFormatResponse> formats(@Parameter(hidden = true) @RequestParam(required = false) String sort) {
        PageRequests.unsorted(sort);
        return formats();
    }

    @Hidden
    @GetMapping(path = "/formats", produces = CsvLists.TEXT_CSV)
    void formatsCsv(@RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
        PageRequests.unsorted(sort);
        csv.write(response, "import-formats", ImportFormatResponse.class, CsvLists.all(formats()));
    }

    private List<ImportFormatResponse> formats() {
        return imports.formats().stream().map(ImportFormatResponse::from).toList();
    }
}
