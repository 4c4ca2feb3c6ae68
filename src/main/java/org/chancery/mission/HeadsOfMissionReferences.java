package org.chancery.mission;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.chancery.country.CountryCode;
import org.chancery.diplomat.DiplomatReferences;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.shared.FactChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * R21: a diplomat who heads or headed a mission cannot be deleted; R13: nor moved to another country. A head shows
 * the diplomat's name, which a renaming changes: a change of the head, and of its mission (and its version).
 */
@Component
class HeadsOfMissionReferences implements DiplomatReferences {

    private final MissionRepository missions;
    private final RelationService relations;
    private final ApplicationEventPublisher events;

    HeadsOfMissionReferences(MissionRepository missions, RelationService relations, ApplicationEventPublisher events) {
        this.missions = missions;
        this.relations = relations;
        this.events = events;
    }

    @Override
    public Optional<String> firstReferenceTo(long diplomatId) {
        return missions.findMissionIdsHeadedBy(diplomatId, PageRequest.of(0, 1)).stream().findFirst()
                .map(missionId -> "a head of mission of mission " + missionId);
    }

    @Override
    public Optional<String> factFixingTheCountryOf(long diplomatId) {
        return firstReferenceTo(diplomatId);
    }

    /**
     * Locks the pairs of the missions the diplomat heads or headed, then those missions' rows: every other change
     * of a mission holds its pair's lock, so none reads a mission the renaming changes.
     */
    @Override
    public Renaming lockForRenaming(long diplomatId) {
        List<MissionRepository.MissionDirection> headed = missions.findDirectionsHeadedBy(diplomatId);
        relations.lockPairs(headed.stream()
                .map(m -> RelationPair.of(CountryCode.of(m.sending()), CountryCode.of(m.receiving()))).toList());
        Set<Long> locked = headed.stream().map(MissionRepository.MissionDirection::id)
                .collect(Collectors.toCollection(TreeSet::new));
        locked.forEach(missions::lockRow);
        return name -> {
            for (Mission mission : missions.findHeadedBy(diplomatId)) {
                if (!locked.contains(mission.id())) {
                    throw new RecordedMeanwhile("Diplomat " + diplomatId + " was appointed head of mission "
                            + mission.id() + " while their renaming took its locks.");
                }
                for (HeadOfMission head : mission.heads()) {
                    if (head.diplomatId() == diplomatId) {
                        head.renamed(name);
                        events.publishEvent(MissionService.headUpdated(mission, head));
                    }
                }
                missions.headsChanged(mission);
                events.publishEvent(MissionService.changed(FactChanged.Action.UPDATED, mission));
            }
        };
    }
}
