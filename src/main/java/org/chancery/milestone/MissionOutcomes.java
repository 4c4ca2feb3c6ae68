package org.chancery.milestone;

import java.util.function.Consumer;

import org.chancery.mission.MissionCancelled;
import org.chancery.mission.MissionOpened;
import org.chancery.shared.FactChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * R19: a milestone with a mission is achieved only by the mission's opening, on the opening day; a mission's
 * cancellation cancels the milestones still waiting for it, as it will not open. Either in the transaction that
 * opens or cancels the mission; milestones already achieved or cancelled stay so.
 */
@Component
class MissionOutcomes {

    private final MilestoneRepository repository;
    private final ApplicationEventPublisher publisher;

    MissionOutcomes(MilestoneRepository repository, ApplicationEventPublisher publisher) {
        this.repository = repository;
        this.publisher = publisher;
    }

    /** Achieves, on the opening day, every milestone of the mission that is neither achieved nor cancelled. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(MissionOpened opened) {
        eachWaitingFor(opened.missionId(), milestone -> milestone.missionOpened(opened.openedOn()));
    }

    /** Cancels every milestone of the mission that is neither achieved nor cancelled. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(MissionCancelled cancelled) {
        eachWaitingFor(cancelled.missionId(), Milestone::missionCancelled);
    }

    /** Changes each milestone still waiting for the mission, its row locked, its change published for the feed. */
    private void eachWaitingFor(long missionId, Consumer<Milestone> change) {
        repository.findOpenOfMissionForUpdate(missionId).stream().filter(Milestone::open).forEach(milestone -> {
            change.accept(milestone);
            publisher.publishEvent(MilestoneService.changed(FactChanged.Action.UPDATED, milestone));
        });
    }
}
