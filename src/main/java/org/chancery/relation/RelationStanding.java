package org.chancery.relation;

import java.time.LocalDate;

/** How a pair stood at the end of a day: a row of the relation list. */
public record RelationStanding(RelationPair pair, RelationStatus status, LocalDate since, RelationStatus consularStatus) {
}
