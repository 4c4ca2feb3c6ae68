package org.chancery.relation;

import java.time.LocalDate;
import java.util.List;

/**
 * A relation as it stood at the end of a day: its state and the events recorded up to then.
 */
public record RelationSnapshot(RelationPair pair, LocalDate asOf, RelationState state, List<EventRecord> events) {
}
