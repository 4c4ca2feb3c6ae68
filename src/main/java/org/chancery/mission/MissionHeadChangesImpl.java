package org.chancery.mission;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

class MissionHeadChangesImpl implements MissionHeadChanges {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public void headsChanged(Mission mission) {
        entityManager.lock(mission, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }
}
