package org.chancery.mission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.chancery.country.Countries;
import org.chancery.country.CountryExistence;
import org.chancery.country.CountryCode;
import org.chancery.diplomat.Diplomat;
import org.chancery.diplomat.Diplomats;
import org.chancery.mission.MissionView.HeadView;
import org.chancery.relation.Relation;
import org.chancery.relation.RelationHistory;
import org.chancery.relation.RelationPair;
import org.chancery.relation.RelationService;
import org.chancery.relation.RelationState;
import org.chancery.shared.BrokenConstraints;
import org.chancery.shared.CalendarDates;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FactChanged;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.NotFoundException;
import org.chancery.shared.PartialDate;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;
import org.chancery.shared.Text;
import org.chancery.shared.Today;
import org.chancery.shared.VersionPrecondition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mission lifecycle under the rules of API.md. Every change of a mission runs under its pair's
 * row lock ({@link RelationService#underPairLock}), so concurrent requests — from this or another instance sharing
 * the database — are applied one after the other; R7 is also backed by a unique column.
 */
@Service
public class MissionService {

    /** The embassy-class types (R7), and the types some embassy-class opening supersedes (R8), as the types say. */
    static final Set<MissionType> EMBASSY_CLASS = EnumSet.copyOf(Arrays.stream(MissionType.values())
            .filter(MissionType::embassyClass).toList());
    static final Set<MissionType> SUPERSEDED_BY_EMBASSY = EnumSet.copyOf(Arrays.stream(MissionType.values())
            .filter(other -> EMBASSY_CLASS.stream().anyMatch(type -> type.supersedes(other))).toList());

    /** The unique constraint on an open embassy-class mission's direction that makes R7 hold under concurrency. */
    private static final String EMBASSY_SLOT = "uq_mission_embassy_slot";

    /** Missions the latest opened first, then the latest recorded. */
    private static final Comparator<Mission> LATEST_FIRST = Comparator.comparing(Mission::openedOn)
            .thenComparing(Mission::id).reversed();

    /** Which of several missions {@link #findSame} takes: the first status in this order. */
    private static final List<MissionStatus> FOUND_FIRST = List.of(MissionStatus.PLANNED,
            MissionStatus.OPEN, MissionStatus.CANCELLED, MissionStatus.CLOSED);

    private final MissionRepository missions;
    private final RelationService relations;
    private final Countries countries;
    private final Diplomats diplomats;
    private final Today today;
    private final ApplicationEventPublisher events;
    private final MissionRelationGuard guard;
    private final MissionViews views;
    private final MissionSearch search;
    private final CountryExistence existence;
    private final List<MissionOpeningGuard> openingGuards;
    private final List<MissionClosingGuard> closingGuards;
    private final List<MissionReferences> references;

    MissionService(MissionRepository missions, RelationService relations, Countries countries, Diplomats diplomats,
            Today today, ApplicationEventPublisher events, MissionRelationGuard guard, MissionViews views,
            MissionSearch search, CountryExistence existence, List<MissionOpeningGuard> openingGuards,
            List<MissionClosingGuard> closingGuards, List<MissionReferences> references) {
        this.references = references;
        this.existence = existence;
        this.openingGuards = openingGuards;
        this.closingGuards = closingGuards;
        this.missions = missions;
        this.relations = relations;
        this.countries = countries;
        this.diplomats = diplomats;
        this.today = today;
        this.events = events;
        this.guard = guard;
        this.views = views;
        this.search = search;
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
        PartialDate planned = plannedOpening(plan.plannedOpening());
        Mission mission = missions.saveAndFlush(new Mission(sending, receiving, plan.type(), plan.city(), planned, power,
                plan.sources()));
        events.publishEvent(changed(FactChanged.Action.CREATED, mission));
        return mission;
    }

    /**
     * Opens a planned mission on {@code on}: R3, R5, R6, R9, R10, R12, R22 (its countries, and the
     * protecting power, exist that day), R7 (also under concurrent requests), R8 (supersedes the
     * direction's open provisional office, interests section and, for an embassy, legation), R20
     * (refuses if a recorded fact would be left breaking a rule — a severance after the opening day,
     * a predecessor that closed after it, a non-resident accreditation of the direction).
     */
    public Mission open(long id, FuzzyDate on) {
        return open(id, on, null, VersionPrecondition.ANY);
    }

    /**
     * A mission's closing recorded with its opening: a past mission, which the rules see as it was,
     * open from its opening until {@code on} (exclusive), closed for {@code reason} (a rule's own reason where the
     * recorded facts give it: see {@link #open(long, FuzzyDate, Closing, VersionPrecondition)}).
     */
    public record Closing(FuzzyDate on, String reason) {

        public Closing {
            Objects.requireNonNull(on, "on");
        }

        /**
         * The closing a request or an import line gives ({@code closedOn}, {@code closedPrecision},
         * {@code closingReason}), or null if it gives none.
         *
         * @throws InvalidInputException if it gives a precision or a reason without the day
         */
        public static Closing of(LocalDate on, DatePrecision precision, String given) {
            // a reason of which nothing is seen is none, as any optional text's
            String reason = Text.strippedOrNull(given);
            if (on == null) {
                if (precision != null || reason != null) {
                    throw new InvalidInputException(precision != null ? "closedPrecision" : "closingReason",
                            "is for a past mission's closing: give closedOn too");
                }
                return null;
            }
            return new Closing(FuzzyDate.of(on, precision), reason);
        }
    }

    /**
     * Opens a planned mission on {@code on} as {@link #open(long, FuzzyDate)} does, and, with a
     * {@code closing}, closes it then as {@link #close} does, in one write: the rules see the mission
     * open only until its closing, so a past mission is recorded before a later one of its direction
     * (R7, R8), a later severance (R11) or a later accreditation (R23), which an opening alone, open
     * from then on, would break. Unlike the close action, the closing may give a reason a rule gives
     * where the recorded facts give it (RELATIONS_SEVERED, SUPERSEDED: as an export reads). Only if
     * {@code precondition} names the mission's version.
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED} on {@code closingReason}) for a rule's reason the
     *         recorded facts do not give
     */
    public Mission open(long id, FuzzyDate on, Closing closing, VersionPrecondition precondition) {
        today.requireNotFuture(on.date(), "opening date");
        LocalDate until = closing == null ? null : closing.on().date();
        if (closing != null) {
            // a reason a rule gives is taken where the rule gave it (closedAsRecorded), under the pair's lock
            today.requireNotFuture(closing.on().date(), "closing date");
        }
        return underPairLock(id, true, precondition, (relation, mission) -> {
            LocalDate day = on.date();
            RelationHistory history = relation.history();
            CountryExistence.Lifetimes lifetimes = existence.lock(countriesOf(mission));
            if (mission.status() == MissionStatus.PLANNED) {
                lifetimes.requireExistOn(day, "the opening date");
                RelationState powerState = mission.protectingPower() == null ? RelationState.NONE
                        : relations.history(RelationPair.of(mission.protectingPower(), mission.receivingCountry())).on(day);
                MissionRules.relationsForOpening(mission, day, history.on(day), powerState);
                if (mission.type().embassyClass()) {
                    List<Mission> open = missions.findEmbassiesOpenAfter(mission.sendingCountry().value(),
                            mission.receivingCountry().value(), EMBASSY_CLASS, id, day).stream()
                            .filter(other -> openedBefore(other, until))
                            .filter(other -> !supersededOn(mission, other, day)).toList();
                    MissionRules.oneEmbassyPerDirection(mission, day, open);
                    MissionFacts facts = MissionFacts.of(mission).asOpened(day, until);
                    openingGuards.forEach(openingGuard -> openingGuard.embassyOpening(facts, day));
                }
                refuseIfSupersededLater(mission, day, until);
            }
            List<Mission> superseded = mission.type().embassyClass() && mission.status() == MissionStatus.PLANNED
                    ? supersedePredecessors(mission, on, until) : List.of();
            mission.open(on);
            superseded.forEach(mission::succeeds);
            List<HeadOfMission> ended = List.of();
            if (closing != null) {
                lifetimes.requireMayEndOn(until, "the closing date");
                ended = closedAsRecorded(mission, closing, history);
            }
            try {
                missions.flush();
            } catch (DataIntegrityViolationException e) {
                throw slotTakenMeanwhile(e, mission);
            }
            if (closing != null) {
                closing(closingGuards, mission, until);
            }
            guard.check(pairOf(mission), history);
            events.publishEvent(changed(FactChanged.Action.UPDATED, mission));
            ended.forEach(head -> events.publishEvent(headUpdated(mission, head)));
            superseded.forEach(predecessor -> events.publishEvent(changed(FactChanged.Action.UPDATED, predecessor)));
            events.publishEvent(new MissionOpened(mission.id(), mission.sendingCountry(), mission.receivingCountry(),
                    day));
            return mission;
        });
    }

    /**
     * R7 for a mission whose opening broke the embassy slot's constraint: another request opened the direction's
     * embassy since this one checked. Any other constraint is no embassy open, and its exception is answered as itself.
     */
    static RuntimeException slotTakenMeanwhile(DataIntegrityViolationException e, Mission mission) {
        return BrokenConstraints.named(e, EMBASSY_SLOT)
                ? new RuleViolationException(Rule.R7_EMBASSY_ALREADY_OPEN, mission.sendingCountry()
                        + " already has an open embassy-class mission in " + mission.receivingCountry() + ".")
                : e;
    }

    /**
     * Closes a past mission as it is opened with its closing. A reason that a rule gives is taken where the rule gave
     * it: {@code RELATIONS_SEVERED} on the day of a recorded severance of the pair, for a mission that ends with
     * diplomatic relations (R11); {@code SUPERSEDED} on the day an embassy-class mission of the direction that
     * supersedes it opened (R8), which becomes its successor. So the missions of an export are recorded as they were
     * once the severances and the successors are; answers the heads the closing ended.
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED} on {@code closingReason}) for a rule's reason the
     *         recorded facts do not give
     */
    private List<HeadOfMission> closedAsRecorded(Mission mission, Closing closing, RelationHistory history) {
        String reason = Text.strippedOrNull(closing.reason());
        LocalDate day = closing.on().date();
        if (Mission.RELATIONS_SEVERED.equals(reason) && !mission.type().needsDiplomaticRelations()) {
            throw new InvalidInputException("closingReason", "RELATIONS_SEVERED is the reason R11 gives as a severance "
                    + "closes an embassy-class mission or a provisional office, which " + withArticle(mission.type())
                    + " is not; give another reason");
        }
        if (Mission.SUPERSEDED.equals(reason) && !SUPERSEDED_BY_EMBASSY.contains(mission.type())) {
            throw new InvalidInputException("closingReason", "SUPERSEDED is the reason R8 gives as an embassy opens in "
                    + "the place of a provisional office, an interests section or a legation, which "
                    + withArticle(mission.type()) + " is not; give another reason");
        }
        if (Mission.RELATIONS_SEVERED.equals(reason) && !history.severances().contains(day)) {
            throw new InvalidInputException("closingReason", "RELATIONS_SEVERED is the reason R11 gives as a severance "
                    + "closes a mission, and no severance of the pair is recorded on " + day + ": record the SEVERED "
                    + "event first, or give another reason");
        }
        if (Mission.SUPERSEDED.equals(reason)) {
            // the successor was open on that day (one open for no day, closed as it opened, replaced nothing)
            Mission successor = missions.findEmbassiesOpenAfter(mission.sendingCountry().value(),
                    mission.receivingCountry().value(), EMBASSY_CLASS, mission.id(), day).stream()
                    .filter(embassy -> embassy.openedOn().equals(day) && embassy.type().supersedes(mission.type()))
                    .min(Comparator.comparing(Mission::id))
                    .orElseThrow(() -> new InvalidInputException("closingReason", "SUPERSEDED is the reason R8 gives "
                            + "as an embassy opens in a mission's place, and no mission of the direction that "
                            + "supersedes " + withArticle(mission.type()) + " opened on " + day + ": record that "
                            + "mission first, or this one without its closing (that mission's opening then closes it), "
                            + "or give another reason"));
            List<HeadOfMission> ended = mission.supersededBy(successor, closing.on());
            // as an opening names the latest of those it supersedes (supersedePredecessors)
            Mission named = successor.predecessorId() == null ? null
                    : missions.findById(successor.predecessorId()).orElse(null);
            if (named == null || LATEST_FIRST.compare(mission, named) < 0) {
                successor.succeeds(mission);
                events.publishEvent(changed(FactChanged.Action.UPDATED, successor));
            }
            return ended;
        }
        return mission.close(closing.on(), reason);
    }

    /** The type with its article, as a sentence reads it: "an embassy", "a consulate". */
    private static String withArticle(MissionType type) {
        String words = type.words();
        return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }

    /** R8: whether opening {@code opening} on {@code day} closes {@code other}, open that day. */
    private static boolean supersededOn(Mission opening, Mission other, LocalDate day) {
        return opening.type().supersedes(other.type()) && other.status() == MissionStatus.OPEN
                && !other.openedOn().isAfter(day);
    }

    /** Whether {@code other} opened before {@code until} (null: no end, always). */
    private static boolean openedBefore(Mission other, LocalDate until) {
        return until == null || other.openedOn().isBefore(until);
    }

    /**
     * R20: a mission that an embassy of the direction, open on some day from {@code day} until
     * {@code until} (exclusive; null: from then on), would have superseded (R8) cannot be open then.
     */
    private void refuseIfSupersededLater(Mission mission, LocalDate day, LocalDate until) {
        if (!SUPERSEDED_BY_EMBASSY.contains(mission.type())) {
            return;
        }
        missions.findEmbassiesOpenAfter(mission.sendingCountry().value(), mission.receivingCountry().value(),
                EMBASSY_CLASS, mission.id(), day).stream()
                .filter(embassy -> openedBefore(embassy, until))
                .filter(embassy -> embassy.type().supersedes(mission.type()))
                .findFirst().ifPresent(embassy -> {
                    throw new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, "The " + embassy.type()
                            + " " + embassy.id() + " of the same direction is open on or after " + day + " (opened "
                            + embassy.openedOn() + "); it supersedes a " + mission.type() + " (R8).");
                });
    }

    /**
     * R8: the missions of the direction that the embassy supersedes close as it opens. They are
     * closed, and written, before the embassy takes the direction's slot (R7), which a legation
     * holds while it is open. An embassy open only until {@code until} (a past one) leaves alone
     * those that opened after it closed. They close as precisely as the embassy's opening is known.
     */
    private List<Mission> supersedePredecessors(Mission embassy, FuzzyDate on, LocalDate until) {
        LocalDate day = on.date();
        String sending = embassy.sendingCountry().value();
        String receiving = embassy.receivingCountry().value();
        for (Mission closed : missions.findByDirection(sending, receiving, MissionStatus.CLOSED, SUPERSEDED_BY_EMBASSY)) {
            if (embassy.type().supersedes(closed.type()) && closed.closedOn().isAfter(day)
                    && openedBefore(closed, until)) {
                throw new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, "The " + closed.type() + " "
                        + closed.id() + " was open until " + closed.closedOn() + "; an " + embassy.type()
                        + " open from " + day + " would have superseded it (R8).");
            }
        }
        List<Mission> open = missions.findByDirection(sending, receiving, MissionStatus.OPEN, SUPERSEDED_BY_EMBASSY)
                .stream().filter(other -> embassy.type().supersedes(other.type()))
                .filter(other -> openedBefore(other, until)).toList();
        for (Mission later : open) {
            if (later.openedOn().isAfter(day)) {
                throw new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, "The " + later.type() + " "
                        + later.id() + " opened on " + later.openedOn() + " and is open; an " + embassy.type()
                        + " open from " + day + " would leave it open beside it (R8 closes it as an embassy opens).");
            }
        }
        List<Mission> superseded = open.stream()
                .sorted(Comparator.comparing(Mission::openedOn).thenComparing(Mission::id))
                .toList();
        List<FactChanged> endedHeads = new ArrayList<>();
        for (Mission predecessor : superseded) {
            try {
                predecessor.supersededByOpening(embassy, on)
                        .forEach(head -> endedHeads.add(headUpdated(predecessor, head)));
            } catch (RuleViolationException e) {
                throw new RuleViolationException(Rule.R20_CONFLICTS_WITH_RECORDED_FACTS, "An " + embassy.type()
                        + " opening on " + day + " would close " + predecessor.type() + " " + predecessor.id()
                        + " that day (R8), but: " + e.getMessage());
            }
        }
        missions.flush();
        superseded.forEach(predecessor -> closing(closingGuards, predecessor, day));
        endedHeads.forEach(events::publishEvent);
        return superseded;
    }

    /**
     * Closes an open mission (R3, R12) and ends its serving head that day (R16); the closing is at
     * most the day after its countries ceased to exist (R22), and leaves no accreditation without its
     * resident mission (R20). The reasons that rules give (RELATIONS_SEVERED, SUPERSEDED) are theirs:
     * the R20 checks read them as the rule's doing.
     */
    public Mission close(long id, FuzzyDate on, String reason) {
        return close(id, on, reason, List.of(), VersionPrecondition.ANY);
    }

    /**
     * Closes an open mission as {@link #close(long, FuzzyDate, String)} does, citing {@code sources} for its
     * closing, if {@code precondition} names its version.
     */
    public Mission close(long id, FuzzyDate on, String reason, List<Source> sources, VersionPrecondition precondition) {
        requireClosing(on, reason, "reason");
        return underPairLock(id, false, precondition, (relation, mission) -> {
            existence.lock(countriesOf(mission)).requireMayEndOn(on.date(), "the closing date");
            List<HeadOfMission> ended = mission.close(on, reason);
            mission.cite(sources);
            missions.flush();
            closing(closingGuards, mission, on.date());
            events.publishEvent(changed(FactChanged.Action.UPDATED, mission));
            ended.forEach(head -> events.publishEvent(headUpdated(mission, head)));
            return mission;
        });
    }

    /** R3, and a reason of one's own: the reasons that rules give (RELATIONS_SEVERED, SUPERSEDED) are theirs. */
    private void requireClosing(FuzzyDate on, String given, String reasonField) {
        today.requireNotFuture(on.date(), "closing date");
        String reason = Text.strippedOrNull(given); // as the mission keeps it
        if (Mission.RELATIONS_SEVERED.equals(reason)) {
            throw new InvalidInputException(reasonField, "RELATIONS_SEVERED is the reason R11 gives as a severance closes "
                    + "a mission: record the SEVERED event, or give another reason");
        }
        if (Mission.SUPERSEDED.equals(reason)) {
            throw new InvalidInputException(reasonField, "SUPERSEDED is the reason R8 gives as an embassy opens in a "
                    + "mission's place: open the embassy, or give another reason");
        }
    }

    /** Cancels a planned mission (R12). */
    public Mission cancel(long id) {
        return cancel(id, VersionPrecondition.ANY);
    }

    /**
     * Cancels a planned mission (R12) if {@code precondition} names its version; the milestones waiting for its
     * opening are cancelled with it (R19: only the mission's opening achieves them).
     */
    public Mission cancel(long id, VersionPrecondition precondition) {
        return underPairLock(id, false, precondition, (relation, mission) -> {
            mission.cancel();
            missions.flush();
            events.publishEvent(changed(FactChanged.Action.UPDATED, mission));
            events.publishEvent(new MissionCancelled(mission.id()));
            return mission;
        });
    }

    /**
     * What is needed to appoint a head of mission: the start of the functions, and their end if they
     * have ended, each known to a day, a month or a year.
     */
    public record Appointment(Long diplomatId, HeadRank rank, LocalDate agrementOn, FuzzyDate started,
            FuzzyDate ended, List<Source> sources) {
    }

    /**
     * Appoints a head of mission: R3, R18, R15 (diplomatic missions only; relations established when
     * the head starts, whether or not the mission is open yet), R13, R14, R16, R22 (the countries
     * exist when the head starts, and until the head ends). The rules compare the first day of each
     * date's period. An agrément after today is R3's for a rank that needs none; an ambassador's or envoy's is
     * after the start too, and R14 refuses it.
     */
    public HeadOfMission appoint(long missionId, Appointment appointment) {
        return appoint(missionId, appointment, VersionPrecondition.ANY);
    }

    /**
     * Appoints a head of mission as {@link #appoint(long, Appointment)} does if {@code precondition} names the
     * mission's version.
     */
    public HeadOfMission appoint(long missionId, Appointment appointment, VersionPrecondition precondition) {
        LocalDate startedOn = appointment.started().date();
        LocalDate endedOn = appointment.ended() == null ? null : appointment.ended().date();
        today.requireNotFuture(startedOn, "start of the functions (startedOn)");
        if (endedOn != null) {
            today.requireNotFuture(endedOn, "end of the functions (endedOn)");
        }
        requireHeadsPeriod(startedOn, endedOn);
        if (appointment.agrementOn() != null && !appointment.rank().needsAgrement()) {
            today.requireNotFuture(appointment.agrementOn(), "agrément (agrementOn)");
        }
        return underPairLock(missionId, false, precondition, (relation, mission) -> {
            var lifetimes = existence.lock(mission.sendingCountry(), mission.receivingCountry())
                    .requireExistOn(startedOn, "the head's start");
            if (endedOn != null) {
                lifetimes.requireMayEndOn(endedOn, "the head's end");
            }
            // Locks in the order every write takes them: the pair, its countries, the mission, the
            // diplomat (an accreditation locks its resident mission, then its diplomat).
            missions.lockRow(missionId);
            Diplomat diplomat = diplomats.lockedReference(appointment.diplomatId(), "diplomatId");
            MissionRules.headOfMission(mission, startedOn, relation.history().on(startedOn));
            MissionRules.headEndsBySeverance(mission, startedOn, endedOn, relation.history().severances());
            MissionRules.diplomatOfSendingCountry(mission, diplomat.country(), diplomat.name());
            HeadOfMission head = mission.appoint(diplomat.id(), diplomat.name(), appointment.rank(),
                    appointment.agrementOn(), appointment.started(), appointment.ended(), appointment.sources());
            missions.headsChanged(mission);
            missions.flush();
            events.publishEvent(FactChanged.created("head", head.id(), mission.sendingCountry().value(),
                    mission.receivingCountry().value()));
            events.publishEvent(changed(FactChanged.Action.UPDATED, mission));
            return head;
        });
    }

    /**
     * A head's period as an appointment gives it: an end (if any) not before the start.
     *
     * @throws InvalidInputException ({@code VALIDATION_FAILED} on {@code endedOn}) otherwise
     */
    public static void requireHeadsPeriod(LocalDate startedOn, LocalDate endedOn) {
        if (endedOn != null && endedOn.isBefore(startedOn)) {
            throw new InvalidInputException("endedOn", "must not be before the day the functions began (startedOn)");
        }
    }

    /** Ends a serving head of mission on {@code on}, known to a day, a month or a year (R3, R22). */
    public HeadOfMission endHead(long missionId, long headId, FuzzyDate on) {
        return endHead(missionId, headId, on, List.of(), VersionPrecondition.ANY);
    }

    /**
     * Ends a head's functions as {@link #endHead(long, long, FuzzyDate)} does, citing {@code sources} for the end,
     * if {@code precondition} names the mission's version.
     */
    public HeadOfMission endHead(long missionId, long headId, FuzzyDate on, List<Source> sources,
            VersionPrecondition precondition) {
        today.requireNotFuture(on.date(), "end of the functions");
        return underPairLockOnHead(missionId, headId, precondition, (mission, head) -> {
            existence.lock(mission.sendingCountry(), mission.receivingCountry()).requireMayEndOn(on.date(), "the head's end");
            head.end(on);
            head.cite(sources);
            missions.headsChanged(mission);
            missions.flush();
            events.publishEvent(headUpdated(mission, head));
            events.publishEvent(changed(FactChanged.Action.UPDATED, mission));
            return head;
        });
    }

    /**
     * Removes a head of mission recorded by mistake, if {@code precondition} names the mission's version: the
     * mission's other heads, and its version, stay as they are but for the increment (a change of its heads).
     *
     * @throws NotFoundException if there is no such mission, or it has no such head
     */
    public void deleteHead(long missionId, long headId, VersionPrecondition precondition) {
        underPairLockOnHead(missionId, headId, precondition, (mission, head) -> {
            mission.removeHead(head);
            missions.headsChanged(mission);
            missions.flush();
            events.publishEvent(FactChanged.deleted("head", headId, mission.sendingCountry().value(),
                    mission.receivingCountry().value()));
            events.publishEvent(changed(FactChanged.Action.UPDATED, mission));
            return null;
        });
    }

    /**
     * Removes a mission recorded by mistake, in any status, if {@code precondition} names its version and nothing
     * recorded with it would be left naming no mission or misread (R21): its heads of mission, a mission that
     * superseded it, a milestone or an accreditation that names it. The missions an embassy still open superseded
     * open again (R8 undone), with the heads that closing ended, as if it had never opened; where one cannot (see
     * {@link Mission#whyNotReopenedWithout}), or the embassy has closed since, the deletion is refused. A milestone
     * names a mission of its own pair under the pair's lock, held here; an accreditation, of a pair of its own, locks
     * the mission's row, locked here before the facts of other modules are read.
     *
     * @throws NotFoundException if there is no such mission
     * @throws RuleViolationException R21 {@code RESOURCE_IN_USE} naming what is recorded with it
     */
    public void delete(long id, VersionPrecondition precondition) {
        underPairLock(id, false, precondition, (relation, mission) -> {
            missions.lockRow(id);
            mission.recordedWithIt()
                    .or(() -> references.stream().map(refs -> refs.firstFactNaming(id)).flatMap(Optional::stream)
                            .findFirst().map(fact -> fact + " names it"))
                    .ifPresent(fact -> {
                        throw inUse(mission, fact);
                    });
            List<Mission> superseded = supersededBy(mission);
            superseded.forEach(Mission::forgetSuccessor);
            try {
                missions.flush();
                missions.delete(mission);
                missions.flush();
            } catch (DataIntegrityViolationException namedMeanwhile) {
                throw inUse(mission, "a fact recorded meanwhile names it");
            }
            events.publishEvent(changed(FactChanged.Action.DELETED, mission));
            for (Mission predecessor : superseded) {
                // the mission's row changes with it: its version moves with its heads'
                List<HeadOfMission> resumed = predecessor.reopenAfterSupersession();
                events.publishEvent(changed(FactChanged.Action.UPDATED, predecessor));
                resumed.forEach(head -> events.publishEvent(headUpdated(predecessor, head)));
            }
            try {
                missions.flush();
            } catch (DataIntegrityViolationException e) {
                throw slotTakenMeanwhile(e, superseded.get(0));
            }
            guard.check(pairOf(mission), relation.history());
            return null;
        });
    }

    /**
     * R8 undone: the missions whose closing the opening of {@code successor}, about to be deleted, gave; each
     * read with its heads, each one that can open again as it was (refused otherwise, R21).
     */
    private List<Mission> supersededBy(Mission successor) {
        List<Mission> superseded = missions.findSupersededBy(successor.id()).stream()
                .map(predecessor -> get(predecessor.id())).toList();
        superseded.stream().map(predecessor -> predecessor.whyNotReopenedWithout(successor)).flatMap(Optional::stream)
                .findFirst().ifPresent(why -> {
                    throw inUse(successor, why);
                });
        return superseded;
    }

    private static RuleViolationException inUse(Mission mission, String fact) {
        return new RuleViolationException(Rule.R21_RESOURCE_IN_USE, "Mission " + mission.id() + " ("
                + mission.sendingCountry() + " in " + mission.receivingCountry() + ") cannot be deleted: " + fact
                + ".");
    }

    /** A head asked of a mission that has none of that id (404), whichever request asked for it. */
    public static NotFoundException noSuchHead(long missionId, long headId) {
        return new NotFoundException("Mission " + missionId + " has no head of mission " + headId + ".");
    }

    @Transactional(readOnly = true)
    public Mission get(long id) {
        return missions.findById(id).orElseThrow(() -> NotFoundException.of("mission", id)).withHeads();
    }

    @Transactional(readOnly = true)
    public Optional<MissionFacts> facts(long id) {
        return missions.findById(id).map(MissionFacts::of);
    }

    /**
     * The mission's facts with its status and days as its row holds them now, though the caller's transaction
     * read the mission before (an import row's earlier line, a check before the pair's lock): under the pair's
     * lock, the opening or the cancellation committed meanwhile, which {@link #facts} would not show.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<MissionFacts> committedFacts(long id) {
        return missions.findById(id)
                .flatMap(mission -> missions.findStateById(id).map(state -> MissionFacts.of(mission).as(state)));
    }

    /**
     * The mission's facts, its row locked until the caller's transaction ends, for a fact that needs
     * the mission as it is (an accreditation's resident mission, R23): a closing, which writes the row
     * before it asks the {@link MissionClosingGuard}s, waits for that transaction, and then sees its fact.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<MissionFacts> lockedFacts(long id) {
        return missions.findForUpdate(id).map(MissionFacts::of);
    }

    /**
     * The first mission of the direction of this type, in this city (null: not known) and opened on
     * this day, if any: what an import takes for "already there". Without a day (a line that says
     * nothing of an opening), any: a planned mission first, then one opened since (the plan a file
     * described, carried out), then a cancelled one (which never opens, and no milestone can wait
     * for), then a closed one, so that the same file imported again creates nothing new (API.md),
     * whatever became of its plans.
     */
    @Transactional(readOnly = true)
    public Optional<MissionFacts> findSame(CountryCode sending, CountryCode receiving, MissionType type, String city,
            LocalDate openedOn) {
        String place = Text.strippedOrNull(city);
        return missions.findByDirectionAndType(sending.value(), receiving.value(), type).stream()
                // a city an earlier release stored with what is not seen around it is the same city
                .filter(mission -> Objects.equals(Text.strippedOrNull(mission.city()), place)
                        && (openedOn == null || openedOn.equals(mission.openedOn())))
                .min(Comparator.comparing(mission -> FOUND_FIRST.indexOf(mission.status())))
                .map(MissionFacts::of);
    }

    /** The head of the mission who is this diplomat and started on this day, if any. */
    @Transactional(readOnly = true)
    public Optional<HeadView> findHead(long missionId, long diplomatId, LocalDate startedOn) {
        return missions.findById(missionId).flatMap(mission -> mission.heads().stream()
                .filter(head -> head.diplomatId() == diplomatId && head.startedOn().equals(startedOn))
                .map(HeadView::of).findFirst());
    }

    /** The embassy-class missions of one direction that have opened, by id; one query. */
    @Transactional(readOnly = true)
    public List<MissionFacts> embassiesOfDirection(CountryCode sending, CountryCode receiving) {
        return missions.findByDirectionOpened(sending.value(), receiving.value(), EMBASSY_CLASS).stream()
                .map(MissionFacts::of).toList();
    }

    /**
     * The missions of a pair, both directions, as they stood at the end of {@code day}; one query, so
     * no transaction of its own (it joins the caller's).
     */
    public List<MissionOnDay> between(RelationPair pair, LocalDate day) {
        return views.onDayBetween(pair, day);
    }

    /** The missions of a pair, both directions, with their heads; one query, no transaction of its own. */
    public List<MissionView> withHeadsBetween(RelationPair pair) {
        return views.between(pair);
    }

    /** Filters for the mission list; any may be null. */
    public record Filter(CountryCode sending, CountryCode receiving, CountryCode country, MissionType type,
            MissionStatus status, LocalDate openOn) {
    }

    /**
     * A page of the missions the filter keeps, with their heads: the ids of the page, their count
     * (unless the page tells it) and the missions with their heads, three statements whatever the
     * page size.
     */
    @Transactional(readOnly = true)
    public Page<MissionView> search(Filter filter, Pageable pageable) {
        Page<Long> ids = search.ids(filter, pageable);
        return new PageImpl<>(views.byIds(ids.getContent()), ids.getPageable(), ids.getTotalElements());
    }

    public LocalDate today() {
        return today.date();
    }

    /**
     * Runs a change of mission {@code id} under its pair's lock ({@link RelationService#underPairLock}),
     * with the mission read after the lock was taken and its version held to {@code precondition}
     * ({@code If-Match}) before the rules read what is recorded: every change of a mission, its heads'
     * included, holds that lock.
     * With {@code protectingPower}, an interests section's change also holds the lock of its protecting
     * power's pair with the receiving state, whose history the opening reads (R9): a history change of
     * that pair, which checks the sections it protects under its own lock (R20), then waits for the
     * opening, or the opening for it. A mission's type and protecting power never change, so they can be
     * read before the locks are taken.
     */
    private <T> T underPairLock(long id, boolean protectingPower, VersionPrecondition precondition,
            BiFunction<Relation, Mission, T> change) {
        Mission found = missions.findById(id).orElseThrow(() -> NotFoundException.of("mission", id));
        RelationPair powerPair = protectingPower && found.protectingPower() != null
                ? RelationPair.of(found.protectingPower(), found.receivingCountry()) : null;
        return relations.underPairLocks(pairOf(found), powerPair, relation -> {
            Mission mission = get(id);
            precondition.check(mission.version(), "Mission " + id);
            return change.apply(relation, mission);
        });
    }

    /**
     * A change of the head {@code headId} of the mission {@code missionId} under the pair's lock: a head the mission
     * does not have is not found (404) whatever {@code precondition} says, as the request without it would be
     * (RFC 9110, 13.2.1); a stale one is refused (412) before any rule on what is recorded.
     */
    private <T> T underPairLockOnHead(long missionId, long headId, VersionPrecondition precondition,
            BiFunction<Mission, HeadOfMission, T> change) {
        return underPairLock(missionId, false, VersionPrecondition.ANY, (relation, mission) -> {
            HeadOfMission head = mission.head(headId).orElseThrow(() -> noSuchHead(missionId, headId));
            precondition.check(mission.version(), "Mission " + missionId);
            return change.apply(mission, head);
        });
    }

    /**
     * R20: the facts of other modules that the mission's closing on {@code day} may conflict with
     * (R23). Asked once the closing is written: a fact naming the mission locks its row
     * ({@link #lockedFacts}), so one of the two waits for the other and sees what it recorded.
     */
    static void closing(List<MissionClosingGuard> guards, Mission mission, LocalDate day) {
        MissionFacts facts = MissionFacts.of(mission);
        guards.forEach(guard -> guard.missionClosing(facts, day));
    }

    /** A head of the mission, appointed before and changed now (ended), for the change feed. */
    static FactChanged headUpdated(Mission mission, HeadOfMission head) {
        return FactChanged.updated("head", head.id(), mission.sendingCountry().value(), mission.receivingCountry().value());
    }

    /**
     * A change of the mission (its heads included) for the change feed: every change of a head is one of its mission
     * too, whose heads, current head and version a client keeping a copy reads again.
     */
    static FactChanged changed(FactChanged.Action action, Mission mission) {
        return new FactChanged(action, "mission", String.valueOf(mission.id()),
                List.of(mission.sendingCountry().value(), mission.receivingCountry().value()));
    }

    private static CountryCode[] countriesOf(Mission mission) {
        return mission.protectingPower() == null
                ? new CountryCode[] {mission.sendingCountry(), mission.receivingCountry()}
                : new CountryCode[] {mission.sendingCountry(), mission.receivingCountry(), mission.protectingPower()};
    }

    private static RelationPair pairOf(Mission mission) {
        return RelationPair.of(mission.sendingCountry(), mission.receivingCountry());
    }

    /**
     * A plan's {@code plannedOpening} as {@link #plan} reads it: none if left out or blank.
     *
     * @throws InvalidInputException if it is no year, half, quarter, month or day, or starts before the calendar's
     *         first day
     */
    public static PartialDate plannedOpening(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        PartialDate planned;
        try {
            planned = PartialDate.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("plannedOpening", e.getMessage());
        }
        if (planned.start().isBefore(CalendarDates.FIRST)) {
            throw new InvalidInputException("plannedOpening", "must not start before " + CalendarDates.FIRST);
        }
        return planned;
    }
}
