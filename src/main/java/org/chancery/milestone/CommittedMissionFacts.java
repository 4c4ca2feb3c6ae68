package org.chancery.milestone;

import java.util.Optional;

import org.chancery.mission.MissionFacts;
import org.chancery.mission.MissionService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a mission as last committed, in a transaction of its own, so that a read made after
 * taking the pair's lock is not answered from the caller's persistence context as it stood before.
 */
@Component
class CommittedMissionFacts {

    private final MissionService missions;

    CommittedMissionFacts(MissionService missions) {
        this.missions = missions;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Optional<MissionFacts> of(long missionId) {
        return missions.facts(missionId);
    }
}
