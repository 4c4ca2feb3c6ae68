package org.chancery.mission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chancery.relation.AffectedMission;
import org.chancery.relation.RelationHistory;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationState;
import org.chancery.relation.SeveranceEffects;
import org.chancery.shared.FactChanged;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a change of a relation's history means for the pair's missions: the severance cascade
 * (R11) and the check that no recorded opening, closing or head of mission is left breaking a
 * rule (R20). Runs inside the relation's writing transaction, under the pair's lock.
 */
@Component
class MissionRelationGuard implements org.chancery.relation.RelationHistoryGuard {

    private final MissionRepository missions;
    private final ApplicationEventPublisher events;
    private final List<MissionClosingGuard> closingGuards;

    MissionRelationGuard(MissionRepository missions, ApplicationEventPublisher events,
            List<MissionClosingGuard> closingGuards) {
        this.missions = missions;
        this.events = events;
        this.closingGuards = closingGuards;
    }

    /**
     * R11: closes the pair's embassy-class missions and provisional offices open on {@code date},
     * ending their heads; a head already serving such a mission not open that day (planned, cancelled,
     * or opened later) ends too, and one recorded with an end after it is refused.
     * Liaison offices, interests sections and their heads stay.
     */
    @Override
    public SeveranceEffects severed(RelationPair pair, FuzzyDate severance) {
        LocalDate date = severance.date();
        List<AffectedMission> affected = new ArrayList<>();
        for (Mission mission : missions.findBetween(pair.first().value(), pair.second().value())) {
            if (!mission.type().needsDiplomaticRelations()) {
                continue;
            }
            if (mission.openedOn() == null || mission.openedOn().isAfter(date)) {
                mission.headServingOn(date).ifPresent(head -> {
                    if (head.endedOn() != null) {
                        throw conflict("Head of mission " + head.name() + " (mission " + mission.id() + ") served from "
                                + head.startedOn() + " to " + head.endedOn() + ", across a severance on " + date
                                + " (R11).");
                    }
                    head.endBySeverance(severance);
                    missions.headsChanged(mission);
                    events.publishEvent(MissionService.headUpdated(mission, head));
                    events.publishEvent(MissionService.changed(FactChanged.Action.UPDATED, mission));
                });
                continue;
            }
            if (mission.status() == MissionStatus.OPEN) {
                List<HeadOfMission> ended;
                try {
                    ended = mission.closeBySeverance(severance);
                    missions.flush();
                    MissionService.closing(closingGuards, mission, date);
                } catch (RuleViolationException e) {
                    throw conflict("A severance on " + date + " would close " + mission.type() + " " + mission.id()
                            + " that day, but: " + e.getMessage());
                }
                events.publishEvent(MissionService.changed(FactChanged.Action.UPDATED, mission));
                ended.forEach(head -> events.publishEvent(MissionService.headUpdated(mission, head)));
                affected.add(new AffectedMission(mission.id(), mission.sendingCountry().value(),
                        mission.receivingCountry().value(), mission.type().name(), mission.city(),
                        mission.status().name(), mission.openedOn(), mission.openedPrecision(), mission.closedOn(),
                        mission.closedPrecision(), mission.closingReason()));
            }
        }
        return SeveranceEffects.ofMissions(affected);
    }

    /**
     * R11 undone: the missions that the severance of {@code date} closed open again, and the heads it ended (of those
     * missions, or of embassy-class missions not open that day) serve again; refused where that cannot be: a head's
     * mission cancelled or closed since, or another mission of the direction holding its embassy slot (R7).
     */
    @Override
    public void unsevered(RelationPair pair, LocalDate date) {
        List<Mission> ofThePair = missions.findBetween(pair.first().value(), pair.second().value());
        for (Mission mission : ofThePair) {
            if (mission.closedBySeveranceOf(date)) {
                String slot = mission.slotWhenOpen();
                ofThePair.stream().filter(other -> other.status() == MissionStatus.OPEN && slot != null
                        && slot.equals(other.slotWhenOpen())).findFirst().ifPresent(other -> {
                            throw conflict(mission.type() + " " + mission.id() + ", closed by the severance of " + date
                                    + ", would open again beside " + other.type() + " " + other.id()
                                    + ", open since " + other.openedOn() + " (R7).");
                        });
                List<HeadOfMission> resumed = mission.reopenAfterSeverance(date);
                events.publishEvent(MissionService.changed(FactChanged.Action.UPDATED, mission));
                resumed.forEach(head -> events.publishEvent(MissionService.headUpdated(mission, head)));
            } else if (mission.heads().stream().anyMatch(h -> h.endedBySeverance() && date.equals(h.endedOn()))) {
                if (mission.status() == MissionStatus.CANCELLED || mission.status() == MissionStatus.CLOSED) {
                    throw conflict("A head of " + mission.type() + " " + mission.id() + ", ended by the severance of "
                            + date + ", would serve again, but the mission is " + mission.status() + " (R12).");
                }
                List<HeadOfMission> resumed = mission.resumeHeadsEndedBySeverance(date);
                missions.headsChanged(mission);
                events.publishEvent(MissionService.changed(FactChanged.Action.UPDATED, mission));
                resumed.forEach(head -> events.publishEvent(MissionService.headUpdated(mission, head)));
            }
        }
        missions.flush();
    }

    /**
     * R20: every recorded opening, closing and head of the pair's missions still holds under {@code
     * history}, and so does the opening of every interests section that one of the pair protects in
     * the other (R9).
     */
    @Override
    public void check(RelationPair pair, RelationHistory history) {
        for (Mission mission : missions.findBetween(pair.first().value(), pair.second().value())) {
            if (mission.openedOn() != null) {
                checkOpening(mission, history.on(mission.openedOn()));
                checkOpenAcrossSeverance(mission, history);
            }
            if (Mission.RELATIONS_SEVERED.equals(mission.closingReason())
                    && !history.severances().contains(mission.closedOn())) {
                throw conflict(mission.type() + " " + mission.id() + " was closed by the severance of "
                        + mission.closedOn() + "; the history would no longer have that severance.");
            }
            for (HeadOfMission head : mission.heads()) {
                if (head.endedBySeverance() && !history.severances().contains(head.endedOn())) {
                    throw conflict("Head of mission " + head.name() + " (mission " + mission.id() + ") was ended by "
                            + "the severance of " + head.endedOn() + " (R11); the history would no longer have that "
                            + "severance.");
                }
                if (!history.on(head.startedOn()).established()) {
                    throw conflict("Head of mission " + head.name() + " (mission " + mission.id() + ") started on "
                            + head.startedOn() + ", when diplomatic relations would not be established (R15).");
                }
            }
        }
        for (Mission section : missions.findProtectedBetween(pair.first().value(), pair.second().value())) {
            if (section.openedOn() != null && !history.on(section.openedOn()).established()) {
                throw conflict("INTERESTS_SECTION " + section.id() + " of " + section.sendingCountry() + " in "
                        + section.receivingCountry() + " opened on " + section.openedOn() + " under the protection of "
                        + section.protectingPower() + ", which would not have diplomatic relations with "
                        + section.receivingCountry() + " that day (R9).");
            }
        }
    }

    private static void checkOpening(Mission mission, RelationState onOpening) {
        MissionType type = mission.type();
        String opened = type + " " + mission.id() + " opened on " + mission.openedOn();
        if (type.needsDiplomaticRelations() && !onOpening.established()) {
            throw conflict(opened + ", when diplomatic relations would not be established (R5).");
        }
        if (type.consular() && !onOpening.consularEstablished()) {
            throw conflict(opened + ", when consular relations would not be established (R6).");
        }
        if (type == MissionType.INTERESTS_SECTION && onOpening.established()) {
            throw conflict(opened + ", when diplomatic relations would be established (R9).");
        }
    }

    /** R11: an embassy-class mission or provisional office does not outlive a severance. */
    private static void checkOpenAcrossSeverance(Mission mission, RelationHistory history) {
        if (!mission.type().needsDiplomaticRelations()) {
            return;
        }
        for (LocalDate severance : history.severances()) {
            boolean openThatDay = !mission.openedOn().isAfter(severance)
                    && (mission.closedOn() == null || mission.closedOn().isAfter(severance));
            if (openThatDay) {
                throw conflict(mission.type() + " " + mission.id() + " was open from " + mission.openedOn()
                        + (mission.closedOn() == null ? "" : " to " + mission.closedOn())
                        + ", across a severance on " + severance + " (R11).");
            }
        }
    }

    private static RuleViolationException conflict(String detail) {
        return new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, detail);
    }
}
