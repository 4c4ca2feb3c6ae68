package org.chancery.relation;

import java.time.LocalDate;

import org.chancery.shared.DatePrecision;

/**
 * How a relation stands at the end of a day: the diplomatic status and the date of the event that
 * set it (with how well that date is known), the consular status, and the date of the latest
 * {@code ESTABLISHED} or {@code RESTORED} event.
 */
public record RelationState(RelationStatus status, LocalDate since, DatePrecision sincePrecision,
        RelationStatus consularStatus, LocalDate latestEstablishment) {

    public static final RelationState NONE = new RelationState(RelationStatus.NONE, null, null, RelationStatus.NONE,
            null);

    public boolean established() {
        return status == RelationStatus.ESTABLISHED;
    }

    public boolean consularEstablished() {
        return consularStatus == RelationStatus.ESTABLISHED;
    }
}
