package org.chancery.imports;

import io.swagger.v3.oas.annotations.media.Schema;

/** The status of an import job. */
@Schema(enumAsRef = true)
public enum ImportStatus {
    RUNNING, SUCCEEDED,
    /** The job could not go on ({@code error} says why); what it imported stays, and running it again completes it. */
    FAILED
}
