package org.chancery.timeline.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chancery.accreditation.web.AccreditationResponse;
import org.chancery.meeting.MeetingRef;
import org.chancery.milestone.web.MilestoneResponse;
import org.chancery.mission.web.MissionOnDayResponse;
import org.chancery.observation.web.ObservationResponse;
import org.chancery.relation.RelationSnapshot;
import org.chancery.relation.RelationStatus;
import org.chancery.relation.web.EventResponse;
import org.chancery.shared.DatePrecision;
import org.chancery.timeline.RelationOverview;

@Schema(name = "Relation", description = "How two countries stand, since when, and how they got there")
record RelationView(
        @Schema(description = "the two countries, sorted", example = "[\"CU\", \"KR\"]") List<String> countries,
        RelationStatus status,
        @Schema(nullable = true, description = "date of the event that set the diplomatic status; null for NONE")
        LocalDate since,
        @Schema(nullable = true, description = "how well `since` is known (DAY, MONTH or YEAR, its first day kept); "
                + "null for NONE") DatePrecision sincePrecision,
        RelationStatus consularStatus,
        @Schema(description = "the day the view describes (the end of it): asOf, or today") LocalDate asOf,
        List<EventResponse> events,
        @Schema(description = "the pair's missions in both directions, with their status on that day (one opened later "
                + "is PLANNED, a cancelled one CANCELLED: no day of planning or cancellation is recorded)")
        List<MissionOnDayResponse> missions,
        @Schema(description = "the pair's milestones as they stand today, whatever asOf")
        List<MilestoneResponse> milestones,
        @Schema(description = "the non-resident accreditations of either country to the other in force on that day, as "
                + "recorded (their `to` may be later)")
        List<AccreditationResponse> accreditations,
        @Schema(description = "meetings between the two countries dated on or before that day") long meetingCount,
        @Schema(nullable = true, description = "the earliest meeting between the two countries on or after the latest ESTABLISHED or "
                + "RESTORED event; null if none") FirstMeeting firstMeetingSinceEstablishment,
        @Schema(description = "observations, not facts: for each direction, the latest observation of a data set "
                + "(the COW Diplomatic Exchange) in or before the year of that day, if any")
        List<ObservationResponse> latestObservations) {

    @Schema(name = "FirstMeetingSinceEstablishment",
            example = "{\"id\": 2, \"date\": \"2024-05-22\", \"datePrecision\": \"DAY\"}")
    record FirstMeeting(long id, LocalDate date, DatePrecision datePrecision) {

        static FirstMeeting from(MeetingRef meeting) {
            return new FirstMeeting(meeting.id(), meeting.date(), meeting.datePrecision());
        }
    }

    static RelationView from(RelationOverview.Overview overview) {
        RelationSnapshot snapshot = overview.snapshot();
        MeetingRef first = overview.firstMeetingSinceEstablishment();
        return new RelationView(snapshot.pair().codes(), snapshot.state().status(), snapshot.state().since(),
                snapshot.state().sincePrecision(), snapshot.state().consularStatus(), snapshot.asOf(),
                snapshot.events().stream().map(EventResponse::from).toList(),
                overview.missions().stream().map(MissionOnDayResponse::from).toList(),
                overview.milestones().stream().map(MilestoneResponse::from).toList(),
                overview.accreditations().stream().map(AccreditationResponse::from).toList(),
                overview.meetingCount(), first == null ? null : FirstMeeting.from(first),
                overview.latestObservations().stream().map(ObservationResponse::from).toList());
    }
}
