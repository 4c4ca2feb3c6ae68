package org.chancery.relation;

import java.util.List;

/** An event just recorded, with the missions its effects changed. */
public record RecordedEvent(RelationPair pair, RelationEvent event, List<AffectedMission> affectedMissions) {
}
