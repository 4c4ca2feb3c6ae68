package org.chancery.relation.web;

import java.time.LocalDate;
import java.util.List;

import org.chancery.relation.AffectedMission;
import org.chancery.relation.EventType;
import org.chancery.relation.RecordedEvent;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Source;

/** The event just recorded, and the missions its effects changed (R11). */
record RecordedEventResponse(Long id, EventType type, LocalDate date, DatePrecision datePrecision, String note,
        List<Source> sources, List<AffectedMission> affectedMissions) {

    static RecordedEventResponse from(RecordedEvent recorded) {
        EventResponse event = EventResponse.from(recorded.event());
        return new RecordedEventResponse(event.id(), event.type(), event.date(), event.datePrecision(), event.note(),
                event.sources(), recorded.affectedMissions());
    }
}
