package org.chancery.relation;

import java.time.LocalDate;

import org.chancery.shared.DatePrecision;

/** A dated relation event as the state machine sees it. */
public interface EventFact {

    /** The id of a recorded event, null for one being added. */
    Long id();

    EventType type();

    LocalDate date();

    /** How well {@link #date} is known: the first day of its month or year for MONTH or YEAR. */
    default DatePrecision datePrecision() {
        return DatePrecision.DAY;
    }
}
