package org.chancery.imports;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * An import job as it stands: its status, its progress and the count of each outcome so far; {@code cancelledBy}
 * names the administrator who cancelled it (null if nobody did).
 */
public record ImportJob(long id, String format, ImportStatus status, String createdBy, Instant startedAt,
        Instant finishedAt, int rowsTotal, int rowsDone, Map<ImportOutcome, Integer> outcomes, String error,
        String cancelledBy) {

    public ImportJob {
        Map<ImportOutcome, Integer> all = new EnumMap<>(ImportOutcome.class);
        for (ImportOutcome outcome : ImportOutcome.values()) {
            all.put(outcome, outcomes.getOrDefault(outcome, 0));
        }
        outcomes = all;
    }

    /** The error of a job an administrator cancelled. */
    public static String cancellationError(String user) {
        return "Cancelled by " + user + ": the job stopped between two rows; what it imported stays. Run the file "
                + "again to complete it: what is already there answers ALREADY_PRESENT.";
    }

    /** Whether the job ended because an administrator cancelled it (not of itself, after or before they did). */
    public boolean stoppedByCancellation() {
        return status == ImportStatus.FAILED && cancelledBy != null && cancellationError(cancelledBy).equals(error);
    }
}
