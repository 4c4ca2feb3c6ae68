package org.chancery.relation.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.relation.RecordedEvent;

/** The events just recorded together, as the history applies them, each with the facts its effects changed (R11). */
@Schema(name = "RecordedEvents")
record RecordedEventsResponse(
        @Schema(description = "by date, a day's consular events first (as the history applies them), each as one "
                + "event's write answers it") List<RecordedEventResponse> events) {

    static RecordedEventsResponse from(List<RecordedEvent> recorded) {
        return new RecordedEventsResponse(recorded.stream().map(RecordedEventResponse::from).toList());
    }
}
