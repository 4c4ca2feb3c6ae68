package org.chancery.mission;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.chancery.country.Countries;
import org.chancery.country.CountryCode;
import org.chancery.diplomat.Diplomat;
import org.chancery.diplomat.Diplomats;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.relation.RelationState;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.PartialDate;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;
import org.chancery.shared.Today;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mission lifecycle under the rules of API.md. Every change that depends on the state of the
 * relation or on the other missions of a pair first takes the pair's row lock
 * ({@link RelationService#lock}), so concurrent requests — from this or another instance sharing
 * the database — are applied one after the other; R7 is also backed by a unique column.
 */
@Service
@Transactional(readOnly = true)
public class MissionService {

    static final Set<MissionType> EMBASSY_CLASS = EnumSet.of(MissionType.EMBASSY, MissionType.HIGH_COMMISSION,
            MissionType.NUNCIATURE);
    static final Set<MissionType> SUPERSEDED_BY_EMBASSY = EnumSet.of(MissionType.PROVISIONAL_OFFICE,
            MissionType.INTERESTS_SECTION);

    private final MissionRepository missions;
    private final RelationService relations;
    private final Countries countries;
    private final Diplomats diplomats;
    private final Today today;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;

    MissionService(MissionRepository missions, RelationService relations, Countries countries, Diplomats diplomats,
            Today today, ApplicationEventPublisher events, EntityManager entityManager) {
        this.missions = missions;
        this.relations = relations;
        this.countries = countries;
        this.diplomats = diplomats;
        this.today = today;
        this.events = events;
        this.entityManager = entityManager;
    }

    /** What is needed to plan a mission; codes as clients sent them. */
    public record Plan(String sendingCountry, String receivingCountry, MissionType type, String city,
            String plannedOpening, String protectingPower, List<Source> sources) {
    }

    /**
     * Plans a mission (status {@code PLANNED}).
     *
     * @throws RuleViolationException R18 for an unknown country, R4 for one country twice, R9 for an
     *         interests section without an acceptable protecting power
     */
    @Transactional
    public Mission plan(Plan plan) {
        CountryCode sending = countries.reference(plan.sendingCountry(), "sendingCountry");
        CountryCode receiving = countries.reference(plan.receivingCountry(), "receivingCountry");
        RelationPair.of(sending, receiving);
        CountryCode power = plan.protectingPower() == null ? null
                : countries.reference(plan.protectingPower(), "protectingPower");
        if (power != null && plan.type() != MissionType.INTERESTS_SECTION) {
            throw new InvalidInputException("protectingPower", "is only for an INTERESTS_SECTION");
        }
        MissionRules.protectingPower(plan.type(), sending, receiving, power);
        PartialDate planned = parsePlannedOpening(plan.plannedOpening());
        return missions.saveAndFlush(new Mission(sending, receiving, plan.type(), plan.city(), planned, power,
                plan.sources()));
    }

    /**
     * Opens a planned mission on {@code on}: R3, R5, R6, R9, R10, R12, R7 (also under concurrent
     * requests), R8 (supersedes the direction's open provisional office and interests section),
     * R20 (refuses if a recorded mission would be left breaking R8).
     */
    @Transactional
    public Mission open(long id, FuzzyDate on) {
        today.requireNotFuture(on.date(), "opening date");
        Mission mission = lockedMission(id);
        LocalDate day = on.date();
        RelationState pairState = relations.history(pairOf(mission)).on(day);
        RelationState powerState = mission.protectingPower() == null ? RelationState.NONE
                : relations.history(RelationPair.of(mission.protectingPower(), mission.receivingCountry())).on(day);
        if (mission.status() == MissionStatus.PLANNED) {
            MissionRules.relationsForOpening(mission, day, pairState, powerState);
        }
        if (mission.type().embassyClass() && mission.status() == MissionStatus.PLANNED) {
            MissionRules.oneEmbassyPerDirection(mission, day, missions.findEmbassiesOpenAfter(
                    mission.sendingCountry().value(), mission.receivingCountry().value(), EMBASSY_CLASS, id, day));
        }
        mission.open(on);
        if (mission.type().embassyClass()) {
            supersedePredecessors(mission, day);
        }
        try {
            missions.flush();
        } catch (DataIntegrityViolationException e) {
            throw new RuleViolationException(Rule.R7_EMBASSY_ALREADY_OPEN, mission.sendingCountry()
                    + " already has an open embassy-class mission in " + mission.receivingCountry() + ".");
        }
        events.publishEvent(new MissionOpened(mission.id(), mission.sendingCountry(), mission.receivingCountry(), day));
        return mission;
    }

    /** R8: the direction's open provisional office and interests section close as the embassy opens. */
    private void supersedePredecessors(Mission embassy, LocalDate day) {
        String sending = embassy.sendingCountry().value();
        String receiving = embassy.receivingCountry().value();
        for (Mission closed : missions.findByDirection(sending, receiving, MissionStatus.CLOSED, SUPERSEDED_BY_EMBASSY)) {
            if (!closed.openedOn().isAfter(day) && closed.closedOn().isAfter(day)) {
                throw new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, "The " + closed.type() + " "
                        + closed.id() + " was open until " + closed.closedOn() + "; an embassy opening on " + day
                        + " would have superseded it that day (R8).");
            }
        }
        missions.findByDirection(sending, receiving, MissionStatus.OPEN, SUPERSEDED_BY_EMBASSY).stream()
                .filter(predecessor -> !predecessor.openedOn().isAfter(day))
                .sorted(Comparator.comparing(Mission::openedOn).thenComparing(Mission::id))
                .forEach(predecessor -> {
                    predecessor.supersededBy(embassy, day);
                    embassy.succeeds(predecessor);
                });
    }

    /** Closes an open mission (R3, R12) and ends its serving head that day (R16). */
    @Transactional
    public Mission close(long id, FuzzyDate on, String reason) {
        today.requireNotFuture(on.date(), "closing date");
        Mission mission = lockedMission(id);
        mission.close(on, reason);
        missions.flush();
        return mission;
    }

    /** Cancels a planned mission (R12). */
    @Transactional
    public Mission cancel(long id) {
        Mission mission = lockedMission(id);
        mission.cancel();
        missions.flush();
        return mission;
    }

    /** What is needed to appoint a head of mission. */
    public record Appointment(Long diplomatId, HeadRank rank, LocalDate agrementOn, LocalDate startedOn,
            LocalDate endedOn, List<Source> sources) {
    }

    /**
     * Appoints a head of mission: R3, R18, R15 (diplomatic missions only; relations established when
     * the head starts, whether or not the mission is open yet), R13, R14, R16.
     */
    @Transactional
    public HeadOfMission appoint(long missionId, Appointment appointment) {
        today.requireNotFuture(appointment.startedOn(), "startedOn");
        if (appointment.endedOn() != null) {
            today.requireNotFuture(appointment.endedOn(), "endedOn");
            if (appointment.endedOn().isBefore(appointment.startedOn())) {
                throw new InvalidInputException("endedOn", "must not be before startedOn");
            }
        }
        if (appointment.agrementOn() != null) {
            today.requireNotFuture(appointment.agrementOn(), "agrementOn");
        }
        Mission mission = lockedMission(missionId);
        Diplomat diplomat = diplomats.reference(appointment.diplomatId(), "diplomatId");
        RelationState onStart = relations.history(pairOf(mission)).on(appointment.startedOn());
        MissionRules.headOfMission(mission, appointment.startedOn(), onStart);
        MissionRules.diplomatOfSendingCountry(mission, diplomat.country(), diplomat.name());
        HeadOfMission head = mission.appoint(diplomat.id(), diplomat.name(), appointment.rank(),
                appointment.agrementOn(), appointment.startedOn(), appointment.endedOn(), appointment.sources());
        missions.flush();
        return head;
    }

    /** Ends a serving head of mission on {@code on} (R3). */
    @Transactional
    public HeadOfMission endHead(long missionId, long headId, LocalDate on) {
        today.requireNotFuture(on, "date");
        Mission mission = lockedMission(missionId);
        HeadOfMission head = mission.head(headId).orElseThrow(() ->
                new NotFoundException("Mission " + missionId + " has no head of mission " + headId + "."));
        head.end(on);
        missions.flush();
        return head;
    }

    public Mission get(long id) {
        return missions.findById(id).orElseThrow(() -> NotFoundException.of("mission", id)).withHeads();
    }

    public Optional<MissionFacts> facts(long id) {
        return missions.findById(id).map(MissionFacts::of);
    }

    /** The missions of a pair, both directions, as they stood at the end of {@code day}; one query. */
    public List<MissionOnDay> between(RelationPair pair, LocalDate day) {
        return missions.findBetween(pair.first().value(), pair.second().value()).stream()
                .map(mission -> MissionOnDay.of(mission, day)).toList();
    }

    /** The missions of a pair, both directions, with their heads. */
    public List<Mission> withHeadsBetween(RelationPair pair) {
        List<Mission> between = missions.findBetween(pair.first().value(), pair.second().value());
        between.forEach(Mission::withHeads);
        return between;
    }

    /** Filters for the mission list; any may be null. */
    public record Filter(CountryCode sending, CountryCode receiving, CountryCode country, MissionType type,
            MissionStatus status, LocalDate openOn) {
    }

    public Page<Mission> search(Filter filter, Pageable pageable) {
        Page<Mission> page = missions.search(code(filter.sending()), code(filter.receiving()), code(filter.country()),
                filter.type(), filter.status(), filter.openOn(), pageable);
        page.forEach(Mission::withHeads);
        return page;
    }

    public LocalDate today() {
        return today.date();
    }

    private Mission lockedMission(long id) {
        Mission mission = get(id);
        relations.lock(pairOf(mission));
        entityManager.refresh(mission);
        return mission.withHeads();
    }

    private static RelationPair pairOf(Mission mission) {
        return RelationPair.of(mission.sendingCountry(), mission.receivingCountry());
    }

    private static String code(CountryCode code) {
        return code == null ? null : code.value();
    }

    private static PartialDate parsePlannedOpening(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PartialDate.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("plannedOpening", e.getMessage());
        }
    }
}
