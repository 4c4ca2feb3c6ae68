package org.chancery.milestone;

import org.chancery.mission.MissionCancelled;
import org.chancery.shared.FactChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * R19: a milestone with a mission is achieved only by the mission's opening, so a mission's cancellation
 * cancels the milestones still waiting for it, in the transaction that cancels the mission. Milestones already
 * achieved or cancelled stay so.
 */
@Component
class MissionCancellations {

    private final MilestoneRepository repository;
    private final ApplicationEventPublisher publisher;

    MissionCancellations(MilestoneRepository repository, ApplicationEventPublisher publisher) {
        this.repository = repository;
        this.publisher = publisher;
    }

    /** Cancels every milestone of the mission that is neither achieved nor cancelled. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(MissionCancelled cancelled) {
        repository.findOpenOfMissionForUpdate(cancelled.missionId()).stream().filter(Milestone::open).forEach(milestone -> {
            milestone.missionCancelled();
            publisher.publishEvent(MilestoneService.changed(FactChanged.Action.UPDATED, milestone));
        });
    }
}
