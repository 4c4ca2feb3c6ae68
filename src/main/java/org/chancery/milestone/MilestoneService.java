package org.chancery.milestone;

import java.time.LocalDate;
import java.util.List;

import org.chancery.country.CountryExistence;
import org.chancery.mission.MissionFacts;
import org.chancery.mission.MissionService;
import org.chancery.mission.MissionStatus;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.shared.CalendarDates;
import org.chancery.shared.FactChanged;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.PartialDate;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;
import org.chancery.shared.Text;
import org.chancery.shared.Today;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans, achieves and cancels milestones: R18 and R19 on the mission a milestone names, R3 on the
 * day it is achieved, and the transitions of {@link Milestone}. Answers are read back with today's
 * status.
 */
@Service
public class MilestoneService {

    private final MilestoneRepository repository;
    private final Milestones milestones;
    private final MissionService missions;
    private final RelationService relations;
    private final Today today;
    private final CountryExistence existence;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate writing;

    MilestoneService(MilestoneRepository repository, Milestones milestones, MissionService missions,
            RelationService relations, Today today, CountryExistence existence, ApplicationEventPublisher publisher,
            PlatformTransactionManager transactions) {
        this.existence = existence;
        this.publisher = publisher;
        this.writing = new TransactionTemplate(transactions);
        this.repository = repository;
        this.milestones = milestones;
        this.missions = missions;
        this.relations = relations;
        this.today = today;
    }

    /** What is needed to plan a milestone; the target as the client wrote it. */
    public record Plan(String title, String target, Long missionId, List<Source> sources) {
    }

    /**
     * Plans a milestone of {@code pair}. A milestone whose mission has already opened is achieved
     * at once, on the mission's opening day.
     *
     * <p>With a mission, the milestone is recorded under the pair's row lock, as opening a mission
     * is, and the mission is read again from its row once the lock is held (not from the persistence
     * context, which an import row's transaction may have filled before): so a mission opened or
     * cancelled concurrently either sees the new milestone or is seen by it. (The mission is first
     * checked before the lock, so that a refused request does not create the pair's row.)
     *
     * @throws InvalidInputException {@code VALIDATION_FAILED} on {@code title} if it is blank or
     *         longer than 300 characters, on {@code target} if it is not a partial date
     * @throws RuleViolationException R18 {@code UNKNOWN_REFERENCE} if {@code missionId} names no
     *         mission, R19 {@code MISSION_NOT_IN_RELATION} if the mission is not between the pair's
     *         two countries, R19 {@code MILESTONE_STATUS_INVALID} if the mission was cancelled (it will not
     *         open, and only its opening achieves the milestone)
     */
    public MilestoneView plan(RelationPair pair, Plan plan) {
        String title = title(plan.title());
        PartialDate target = target(plan.target());
        if (plan.missionId() == null) {
            return writing.execute(status -> recorded(FactChanged.Action.CREATED,
                    repository.save(new Milestone(pair, title, target, null, plan.sources()))));
        }
        long missionId = plan.missionId();
        achievableBy(pair, missions.facts(missionId).orElseThrow(() -> unknownMission(missionId)));
        return relations.underPairLock(pair, relation -> {
            Milestone milestone = new Milestone(pair, title, target, missionId, plan.sources());
            // read again past the persistence context: the transaction may hold the mission as it read it before
            LocalDate openedOn = achievableBy(pair,
                    missions.committedFacts(missionId).orElseThrow(() -> unknownMission(missionId))).openedOn();
            if (openedOn != null) {
                milestone.missionOpened(openedOn);
            }
            return recorded(FactChanged.Action.CREATED, repository.save(milestone));
        });
    }

    /**
     * Records a milestone of {@code pair} cancelled before its mission, if it has one, opened or was cancelled, as an
     * export of one reads: planned now, it would be achieved by the opening since, or refused for the mission's
     * cancellation. The mission is one between the pair's two countries (R19), whatever became of it.
     *
     * @throws InvalidInputException as {@link #plan} does
     * @throws RuleViolationException R18 {@code UNKNOWN_REFERENCE} if {@code missionId} names no mission, R19
     *         {@code MISSION_NOT_IN_RELATION} if the mission is not between the pair's two countries
     */
    public MilestoneView recordCancelled(RelationPair pair, Plan plan) {
        String title = title(plan.title());
        PartialDate target = target(plan.target());
        if (plan.missionId() == null) {
            return writing.execute(status -> cancelled(pair, title, target, plan));
        }
        long missionId = plan.missionId();
        requireBetween(pair, missions.facts(missionId).orElseThrow(() -> unknownMission(missionId)));
        // under the pair's lock, as every change of the mission is: one deleting it meanwhile is waited for
        return relations.underPairLock(pair, relation -> {
            requireBetween(pair, missions.committedFacts(missionId).orElseThrow(() -> unknownMission(missionId)));
            return cancelled(pair, title, target, plan);
        });
    }

    private MilestoneView cancelled(RelationPair pair, String title, PartialDate target, Plan plan) {
        Milestone milestone = new Milestone(pair, title, target, plan.missionId(), plan.sources());
        milestone.cancel();
        return recorded(FactChanged.Action.CREATED, repository.save(milestone));
    }

    /**
     * Records that a milestone without a mission was achieved on {@code on}.
     *
     * @throws NotFoundException if there is no such milestone
     * @throws RuleViolationException R3 {@code DATE_IN_FUTURE} if {@code on} is after today, R22
     *         {@code COUNTRY_NOT_IN_EXISTENCE} if a country of the pair did not exist that day, R19
     *         {@code MILESTONE_STATUS_INVALID} if the milestone has a mission or is already achieved
     *         or cancelled
     */
    @Transactional
    public MilestoneView achieve(long id, LocalDate on) {
        return achieve(id, on, List.of());
    }

    /** {@link #achieve(long, LocalDate)}, citing {@code sources} for the achievement (an import's line). */
    @Transactional
    public MilestoneView achieve(long id, LocalDate on, List<Source> sources) {
        Milestone milestone = milestones.lock(id);
        today.requireNotFuture(on, "achievement date");
        milestone.achieve(on);
        milestone.cite(sources);
        // only a milestone without a mission gets here: a mission's opening, which locks the
        // countries before its milestones, never locks this one
        existence.lock(milestone.pair().first(), milestone.pair().second()).requireExistOn(on, "the achievement date");
        repository.flush();
        return recorded(FactChanged.Action.UPDATED, milestone);
    }

    /**
     * Gives a milestone up.
     *
     * @throws NotFoundException if there is no such milestone
     * @throws RuleViolationException R19 {@code MILESTONE_STATUS_INVALID} if it is already achieved
     *         or cancelled
     */
    @Transactional
    public MilestoneView cancel(long id) {
        Milestone milestone = milestones.lock(id);
        milestone.cancel();
        repository.flush();
        return recorded(FactChanged.Action.UPDATED, milestone);
    }

    /**
     * Removes a milestone recorded by mistake, whatever its status: nothing else refers to a milestone, and a
     * mission it names stays as it is.
     *
     * @throws NotFoundException if there is no such milestone
     */
    @Transactional
    public void delete(long id) {
        Milestone milestone = milestones.lock(id);
        repository.delete(milestone);
        repository.flush();
        publisher.publishEvent(changed(FactChanged.Action.DELETED, milestone));
    }

    /** The milestone as it stands today, its change published for the change feed. */
    private MilestoneView recorded(FactChanged.Action action, Milestone milestone) {
        publisher.publishEvent(changed(action, milestone));
        return MilestoneView.of(milestone, today.date());
    }

    static FactChanged changed(FactChanged.Action action, Milestone milestone) {
        return new FactChanged(action, "milestone", String.valueOf(milestone.id()), milestone.pair().codes());
    }

    /** The mission of {@code pair} whose opening would achieve a milestone: one that was not cancelled (R19). */
    private static MissionFacts achievableBy(RelationPair pair, MissionFacts mission) {
        long missionId = mission.id();
        requireBetween(pair, mission);
        if (mission.status() == MissionStatus.CANCELLED) {
            throw new RuleViolationException(Rule.R19_MILESTONE_STATUS_INVALID, "Mission " + missionId + " ("
                    + mission.sendingCountry() + " in " + mission.receivingCountry() + ") was cancelled and will not "
                    + "open, and a milestone with a mission is achieved only by the mission's opening (R19): plan it "
                    + "without the mission, or with the mission planned in its place.");
        }
        return mission;
    }

    private static RuleViolationException unknownMission(long missionId) {
        return new RuleViolationException(Rule.R18_UNKNOWN_REFERENCE, "missionId names no known mission: " + missionId
                + ".");
    }

    private static void requireBetween(RelationPair pair, MissionFacts mission) {
        long missionId = mission.id();
        if (!RelationPair.of(mission.sendingCountry(), mission.receivingCountry()).equals(pair)) {
            throw new RuleViolationException(Rule.R19_MISSION_NOT_IN_RELATION, "Mission " + missionId + " ("
                    + mission.sendingCountry() + " in " + mission.receivingCountry() + ") is not between "
                    + pair.first() + " and " + pair.second() + ".");
        }
    }

    private static String title(String title) {
        if (title == null || Text.isBlank(title)) {
            throw new InvalidInputException("title", "must not be blank");
        }
        if (Text.strip(title).length() > 300) {
            throw new InvalidInputException("title", "size must be between 1 and 300");
        }
        return Text.strip(title);
    }

    /** The target a client wrote, trimmed and read as a partial date from {@link CalendarDates#FIRST} on. */
    static PartialDate target(String text) {
        PartialDate target;
        try {
            target = PartialDate.parse(text == null ? null : text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("target", e.getMessage());
        }
        if (target.start().isBefore(CalendarDates.FIRST)) {
            throw new InvalidInputException("target", "must not start before " + CalendarDates.FIRST);
        }
        return target;
    }
}
