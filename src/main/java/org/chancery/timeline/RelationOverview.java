package org.chancery.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chancery.accreditation.AccreditationRecord;
import org.chancery.accreditation.Accreditations;
import org.chancery.meeting.MeetingRef;
import org.chancery.meeting.Meetings;
import org.chancery.milestone.MilestoneView;
import org.chancery.milestone.Milestones;
import org.chancery.mission.MissionOnDay;
import org.chancery.mission.MissionService;
import org.chancery.observation.Observation;
import org.chancery.observation.Observations;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.relation.RelationSnapshot;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a relation with what the other modules know of the pair, in one read-only transaction
 * and a fixed number of queries whatever the length of the pair's history.
 */
@Service
@Transactional(readOnly = true)
public class RelationOverview {

    private final RelationService relations;
    private final MissionService missions;
    private final Milestones milestones;
    private final Meetings meetings;
    private final Accreditations accreditations;
    private final Observations observations;

    RelationOverview(RelationService relations, MissionService missions, Milestones milestones, Meetings meetings,
            Accreditations accreditations, Observations observations) {
        this.accreditations = accreditations;
        this.observations = observations;
        this.relations = relations;
        this.missions = missions;
        this.milestones = milestones;
        this.meetings = meetings;
    }

    /** The pair at the end of {@code asOf} (today if null). */
    public Overview of(RelationPair pair, LocalDate asOf) {
        RelationSnapshot snapshot = relations.snapshot(pair, asOf);
        LocalDate day = snapshot.asOf();
        LocalDate establishment = snapshot.state().latestEstablishment();
        Optional<MeetingRef> first = establishment == null ? Optional.empty()
                : meetings.firstBetweenOnOrAfter(pair, establishment, day);
        return new Overview(snapshot, missions.between(pair, day), milestones.ofPair(pair),
                accreditations.activeOn(pair, day), meetings.countBetween(pair, day), first.orElse(null),
                observations.latest(pair, day.getYear()));
    }

    public record Overview(RelationSnapshot snapshot, List<MissionOnDay> missions, List<MilestoneView> milestones,
            List<AccreditationRecord> accreditations, long meetingCount, MeetingRef firstMeetingSinceEstablishment,
            List<Observation> latestObservations) {
    }
}
