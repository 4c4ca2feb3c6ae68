package org.chancery.milestone;

import org.chancery.mission.MissionOpened;
import org.chancery.shared.FactChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * R19: a mission's opening achieves its milestones on the opening day, in the transaction that
 * opens the mission. Milestones already cancelled stay cancelled.
 */
@Component
class MissionOpenings {

    private final MilestoneRepository repository;
    private final ApplicationEventPublisher publisher;

    MissionOpenings(MilestoneRepository repository, ApplicationEventPublisher publisher) {
        this.repository = repository;
        this.publisher = publisher;
    }

    /** Achieves, on the opening day, every milestone of the mission that is neither achieved nor cancelled. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(MissionOpened opened) {
        repository.findOpenOfMissionForUpdate(opened.missionId()).stream().filter(Milestone::open).forEach(milestone -> {
            milestone.missionOpened(opened.openedOn());
            publisher.publishEvent(MilestoneService.changed(FactChanged.Action.UPDATED, milestone));
        });
    }
}
