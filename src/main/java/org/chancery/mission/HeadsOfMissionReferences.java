package org.chancery.mission;

import java.util.Optional;

import org.chancery.diplomat.DiplomatReferences;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * R21: a diplomat who heads or headed a mission cannot be deleted; R13: nor moved to another country. A head shows
 * the diplomat's name, which a renaming changes: a change of the head, and of its mission's version.
 */
@Component
class HeadsOfMissionReferences implements DiplomatReferences {

    private final MissionRepository missions;
    private final ApplicationEventPublisher events;

    HeadsOfMissionReferences(MissionRepository missions, ApplicationEventPublisher events) {
        this.missions = missions;
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

    @Override
    public void lockCopiesOfTheName(long diplomatId) {
        missions.lockRowsHeadedBy(diplomatId);
    }

    @Override
    public void renamed(long diplomatId, String name) {
        for (Mission mission : missions.findHeadedBy(diplomatId)) {
            for (HeadOfMission head : mission.heads()) {
                if (head.diplomatId() == diplomatId) {
                    head.renamed(name);
                    events.publishEvent(MissionService.headUpdated(mission, head));
                }
            }
            missions.headsChanged(mission);
        }
    }
}
