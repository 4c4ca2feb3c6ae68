package org.chancery.timeline.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.shared.DatePrecision;
import org.chancery.timeline.TimelineItem;

/** One dated fact about a pair as answered, with how well its date is known. */
@Schema(name = "TimelineItem", example = "{\"date\": \"2024-02-14\", \"type\": \"RESTORED\", "
        + "\"summary\": \"Diplomatic relations restored between CU and KR\", \"ref\": {\"kind\": \"event\", \"id\": 3, "
        + "\"href\": \"/api/relations/CU/KR/events/3\"}, \"datePrecision\": \"DAY\"}")
record TimelineItemResponse(
        LocalDate date,
        @Schema(description = "what happened: ESTABLISHED, SEVERED, RESTORED, CONSULAR_ESTABLISHED, CONSULAR_SEVERED, "
                + "MEETING, FIRST_MEETING_SINCE_ESTABLISHMENT, MISSION_OPENED, MISSION_CLOSED, "
                + "HEAD_OF_MISSION_STARTED, HEAD_OF_MISSION_ENDED, ACCREDITATION_STARTED, ACCREDITATION_ENDED, "
                + "MILESTONE_ACHIEVED or MILESTONE_DUE (API.md's types are \"at least\" these: a later version may "
                + "add one, which a client shows as it is)", example = "RESTORED")
        String type,
        String summary, Ref ref,
        @Schema(description = "how well `date` is known: DAY, MONTH or YEAR (its first day kept); a milestone's "
                + "due dates are days, its achievement by an opening as well known as the opening (last, so that the "
                + "CSV's earlier columns keep their places)")
        DatePrecision datePrecision) {

    /** What the item is about and the address that reads it. */
    @Schema(name = "TimelineRef")
    record Ref(
            @Schema(allowableValues = {"event", "meeting", "mission", "head", "accreditation", "milestone"}) String kind,
            long id,
            @Schema(description = "the API address that reads the fact", example = "/api/relations/CU/KR/events/3")
            String href) {
    }

    static TimelineItemResponse from(TimelineItem item) {
        TimelineItem.Ref ref = item.ref();
        return new TimelineItemResponse(item.date(), item.type(), item.summary(),
                new Ref(ref.kind(), ref.id(), ref.href()), item.datePrecision());
    }
}
