package org.chancery.imports;

/** The status of an import job. */
public enum ImportStatus {
    RUNNING, SUCCEEDED,
    /** The job could not go on ({@code error} says why); what it imported stays, and running it again completes it. */
    FAILED
}
