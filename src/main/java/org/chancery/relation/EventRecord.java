package org.chancery.relation;

import java.time.LocalDate;
import java.util.List;

import org.chancery.shared.DatePrecision;
import org.chancery.shared.Source;

/** A recorded relation event as the views read it: a row, not the entity ({@link RelationEvent}). */
public record EventRecord(Long id, EventType type, LocalDate date, DatePrecision datePrecision, String note,
        List<Source> sources) implements EventFact {
}
