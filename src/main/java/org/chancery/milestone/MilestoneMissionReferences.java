package org.chancery.milestone;

import java.util.Optional;

import org.chancery.mission.MissionReferences;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** R21: a mission that a milestone names (R19: its opening achieves the milestone) cannot be deleted. */
@Component
class MilestoneMissionReferences implements MissionReferences {

    private final MilestoneRepository repository;

    MilestoneMissionReferences(MilestoneRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<String> firstFactNaming(long missionId) {
        return repository.findIdsOfMission(missionId, PageRequest.of(0, 1)).stream().findFirst()
                .map(id -> "milestone " + id);
    }
}
