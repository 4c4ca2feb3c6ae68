package org.chancery.relation;

import java.time.LocalDate;

import org.chancery.shared.DatePrecision;

/** How a pair stood at the end of a day: a row of the relation list. */
public record RelationStanding(RelationPair pair, RelationStatus status, LocalDate since, DatePrecision sincePrecision,
        RelationStatus consularStatus) {
}
