package org.chancery.imports;

import java.io.IOException;

import org.springframework.http.MediaType;

/**
 * A format that {@code POST /api/imports?format=…} takes: one small class that checks a file as a
 * whole at once, then turns its rows into the commands the services take, saying per row what it
 * did ({@link ImportRun#row}).
 */
public interface ImportFormat {

    /** The name clients give as {@code format}, such as {@code kenkel-us-missions}. */
    String name();

    /** The media type of its files ({@code text/csv}, {@code application/x-ndjson}). */
    MediaType mediaType();

    /** One sentence on what the format is. */
    String summary();

    /** What a file holds and how its rows become facts (Markdown, for the OpenAPI description). */
    String documentation();

    /** A small file of the format, for the OpenAPI description. */
    String example();

    /**
     * Checks, before the job starts, that the file is of the format as a whole (its header, every
     * line a JSON object…). A single malformed row is not refused here: it is that row's
     * {@code REJECTED}.
     *
     * @return the number of rows the job will report on
     * @throws org.chancery.shared.InvalidInputException ({@code VALIDATION_FAILED}) naming what is wrong
     */
    int check(ImportInput input) throws IOException;

    /** Imports a checked file: every row gets exactly one report. */
    void run(ImportInput input, ImportRun run) throws IOException;
}
