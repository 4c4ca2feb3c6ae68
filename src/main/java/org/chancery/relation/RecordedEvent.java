package org.chancery.relation;

/** An event just recorded, with the facts its effects changed (R11). */
public record RecordedEvent(RelationPair pair, RelationEvent event, SeveranceEffects effects) {
}
