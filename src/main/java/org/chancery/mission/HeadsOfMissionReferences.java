package org.chancery.mission;

import java.util.Optional;

import org.chancery.diplomat.DiplomatReferences;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** R21: a diplomat who heads or headed a mission cannot be deleted; R13: nor moved to another country. */
@Component
class HeadsOfMissionReferences implements DiplomatReferences {

    private final MissionRepository missions;

    HeadsOfMissionReferences(MissionRepository missions) {
        this.missions = missions;
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
}
