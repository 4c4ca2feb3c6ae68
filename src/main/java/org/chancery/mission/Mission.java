package org.chancery.mission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.chancery.country.CountryCode;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.PartialDate;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;
import org.chancery.shared.SourcesConverter;
import org.chancery.shared.Text;
import org.hibernate.Hibernate;
import org.hibernate.annotations.BatchSize;

/**
 * A mission of a sending country in a receiving country, with its lifecycle (R12) and its heads
 * (R14, R16). Rules that need other aggregates (the relation's state, the diplomat's country, the
 * other missions of the direction) are checked by {@link MissionService} before it calls these
 * transitions.
 */
@Entity
@Table(name = "mission")
public class Mission {

    public static final String SUPERSEDED = "SUPERSEDED";
    public static final String RELATIONS_SEVERED = "RELATIONS_SEVERED";
    /** Closing reasons of the Kenkel import: the state left the state system for a while, ended, or the level changed. */
    public static final String GAP = "GAP";
    public static final String STATE_ENDED = "STATE_ENDED";
    public static final String REPRESENTATION_CHANGED = "REPRESENTATION_CHANGED";
    /** A city given holds more than white space: where it is not known, it is left out (the API and imports alike). */
    public static final String CITY_BLANK = "must not be blank; leave it out where the city is not known";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mission_seq")
    @SequenceGenerator(name = "mission_seq", sequenceName = "mission_seq", allocationSize = 50)
    private Long id;

    @Column(name = "sending_country", nullable = false, length = 2)
    private String sendingCountry;

    @Column(name = "receiving_country", nullable = false, length = 2)
    private String receivingCountry;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 32)
    private MissionType type;

    @Column(name = "city", length = 200)
    private String city;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private MissionStatus status;

    @Column(name = "planned_opening", length = 10)
    private String plannedOpening;

    @Column(name = "opened_on")
    private LocalDate openedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "opened_precision", length = 8)
    private DatePrecision openedPrecision;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_precision", length = 8)
    private DatePrecision closedPrecision;

    @Column(name = "closing_reason", length = 500)
    private String closingReason;

    @Column(name = "protecting_power", length = 2)
    private String protectingPower;

    @Column(name = "predecessor_id")
    private Long predecessorId;

    @Column(name = "successor_id")
    private Long successorId;

    /** {@code SSRR} while an embassy-class mission is open, else null: unique in the database (R7). */
    @Column(name = "embassy_slot", length = 4)
    private String embassySlot;

    @Convert(converter = SourcesConverter.class)
    @Column(name = "sources", length = 1000000)
    private List<Source> sources;

    /**
     * Whether a severance closed it as it was recorded (R11), which deleting that severance undoes; a closing recorded
     * with its reason ({@code RELATIONS_SEVERED} on a severance's day, by hand or by an import) is not undone.
     */
    @Column(name = "closed_by_severance", nullable = false)
    private boolean closedBySeverance;

    /**
     * Whether the opening of its successor closed it as it was recorded (R8), which deleting that successor undoes; a
     * closing recorded with its reason ({@code SUPERSEDED} on the successor's opening day, by hand or by an import)
     * is not undone.
     */
    @Column(name = "closed_by_supersession", nullable = false)
    private boolean closedBySupersession;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "mission", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("startedOn, id")
    @BatchSize(size = 200)
    private List<HeadOfMission> heads = new ArrayList<>();

    protected Mission() {
    }

    Mission(CountryCode sending, CountryCode receiving, MissionType type, String city, PartialDate plannedOpening,
            CountryCode protectingPower, List<Source> sources) {
        this.sendingCountry = sending.value();
        this.receivingCountry = receiving.value();
        this.type = type;
        this.city = Text.strippedOrNull(city);
        this.plannedOpening = plannedOpening == null ? null : plannedOpening.toString();
        this.protectingPower = protectingPower == null ? null : protectingPower.value();
        this.sources = SourcesConverter.orEmpty(sources);
        this.status = MissionStatus.PLANNED;
    }

    /**
     * Opens a planned mission (R12).
     *
     * @throws RuleViolationException R12 {@code MISSION_STATUS_INVALID} unless {@code PLANNED}
     */
    void open(FuzzyDate on) {
        requireStatus(MissionStatus.PLANNED, "opened");
        this.status = MissionStatus.OPEN;
        this.openedOn = on.date();
        this.openedPrecision = on.precision();
        this.embassySlot = slotWhenOpen();
    }

    /**
     * Closes an open mission and ends its serving head on the same day (R12, R16); answers the heads
     * it ended.
     *
     * @throws RuleViolationException R12 {@code MISSION_STATUS_INVALID} unless {@code OPEN}, if the
     *         closing date is before the opening date, or a head started or ended after it (serves after that
     *         day)
     */
    List<HeadOfMission> close(FuzzyDate on, String reason) {
        requireStatus(MissionStatus.OPEN, "closed");
        if (on.date().isBefore(openedOn)) {
            throw new RuleViolationException(Rule.R12_MISSION_STATUS_INVALID, "Mission " + id + " cannot close on "
                    + on.date() + ", before it opened on " + openedOn + ".");
        }
        for (HeadOfMission head : heads) {
            if (head.startedOn().isAfter(on.date()) || (head.endedOn() != null && head.endedOn().isAfter(on.date()))) {
                throw new RuleViolationException(Rule.R12_MISSION_STATUS_INVALID, "Mission " + id + " cannot close on "
                        + on.date() + ": its head " + head.name() + " serves after that day.");
            }
        }
        List<HeadOfMission> ended = heads.stream().filter(h -> h.endedOn() == null).toList();
        ended.forEach(h -> h.end(on));
        this.status = MissionStatus.CLOSED;
        this.closedOn = on.date();
        this.closedPrecision = on.precision();
        this.closingReason = Text.strippedOrNull(reason);
        this.embassySlot = null;
        return ended;
    }

    /**
     * R11: closes an open mission on the day of a severance, and ends its serving head that day as the severance
     * ended it (R20: the head's end relies on the severance, as the mission's closing does); answers the heads it ended.
     */
    List<HeadOfMission> closeBySeverance(FuzzyDate severance) {
        List<HeadOfMission> ended = close(severance, RELATIONS_SEVERED);
        ended.forEach(HeadOfMission::markEndedBySeverance);
        this.closedBySeverance = true;
        return ended;
    }

    /** Whether the severance of {@code day}, as it was recorded, closed this mission (R11). */
    boolean closedBySeveranceOf(LocalDate day) {
        return closedBySeverance && status == MissionStatus.CLOSED && day.equals(closedOn);
    }

    /**
     * R11 undone: the severance of {@code day} that closed this mission is deleted, and the mission is open again
     * (holding its direction's embassy slot again, R7); answers the heads that severance had ended, serving again.
     *
     * @throws IllegalStateException unless that severance closed it
     */
    List<HeadOfMission> reopenAfterSeverance(LocalDate day) {
        if (!closedBySeveranceOf(day)) {
            throw new IllegalStateException("Mission " + id + " was not closed by a severance on " + day + ".");
        }
        reopen();
        return resumeHeadsEndedBySeverance(day);
    }

    /**
     * The closing that a rule's fact, deleted now, gave this mission is undone: it is open again, holding its
     * direction's embassy slot again (R7).
     */
    private void reopen() {
        this.status = MissionStatus.OPEN;
        this.closedOn = null;
        this.closedPrecision = null;
        this.closingReason = null;
        this.closedBySeverance = false;
        this.closedBySupersession = false;
        this.embassySlot = slotWhenOpen();
    }

    /** R11 undone: the heads that the severance of {@code day} ended serve again; answers them. */
    List<HeadOfMission> resumeHeadsEndedBySeverance(LocalDate day) {
        List<HeadOfMission> resumed = heads.stream()
                .filter(head -> head.endedBySeverance() && day.equals(head.endedOn())).toList();
        resumed.forEach(HeadOfMission::resumeAfterSeverance);
        return resumed;
    }

    /** The embassy slot (R7) this mission holds while open: {@code SSRR} for an embassy-class one, else null. */
    String slotWhenOpen() {
        return type.embassyClass() ? sendingCountry + receivingCountry : null;
    }

    /**
     * R8: closes this mission because {@code successor} opened in its place, on its opening day and as
     * precisely as that is known; answers the heads it ended.
     */
    List<HeadOfMission> supersededBy(Mission successor, FuzzyDate on) {
        List<HeadOfMission> ended = close(on, SUPERSEDED);
        this.successorId = successor.id();
        return ended;
    }

    /**
     * R8 as the successor opens: closes this mission as {@link #supersededBy} does, the closing and the heads' ends it
     * gives kept as that opening's doing, which deleting the successor undoes; answers the heads it ended.
     */
    List<HeadOfMission> supersededByOpening(Mission successor, FuzzyDate on) {
        List<HeadOfMission> ended = supersededBy(successor, on);
        ended.forEach(HeadOfMission::markEndedBySupersession);
        this.closedBySupersession = true;
        return ended;
    }

    /**
     * R8 undone, step one: the successor named is about to be deleted as recorded by mistake, and this mission
     * names it no longer (the reopening follows once the successor, holding the embassy slot, is gone).
     */
    void forgetSuccessor() {
        this.successorId = null;
    }

    /**
     * R8 undone: the successor whose opening closed this mission is deleted, and the mission is open again (holding
     * its direction's embassy slot again, R7); answers the heads that closing ended, serving again.
     *
     * @throws IllegalStateException unless a supersession closed it
     */
    List<HeadOfMission> reopenAfterSupersession() {
        if (status != MissionStatus.CLOSED || !closedBySupersession) {
            throw new IllegalStateException("Mission " + id + " was not closed by a supersession.");
        }
        reopen();
        List<HeadOfMission> resumed = heads.stream().filter(HeadOfMission::endedBySupersession).toList();
        resumed.forEach(HeadOfMission::resumeAfterSupersession);
        return resumed;
    }

    /**
     * R8 undone is refused for this predecessor of {@code successor} where its reopening could break what was
     * recorded since, or misread it: why, or nothing. A closing recorded with its reason (by hand, by an import, or
     * before the release that keeps which closings an opening gave) stays as recorded; an interests section would
     * reopen under a protecting power whose existence since is not re-read (R22).
     */
    Optional<String> whyNotReopenedWithout(Mission successor) {
        if (!closedBySupersession || status != MissionStatus.CLOSED || !successor.openedOn().equals(closedOn)) {
            return Optional.of("the closing of mission " + id + " on " + closedOn + " (" + closingReason + ") was "
                    + "recorded as such, not given by its opening, and stays: it names it as its successor (R8)");
        }
        if (type == MissionType.INTERESTS_SECTION) {
            return Optional.of("its opening closed interests section " + id + " (R8), which would reopen under its "
                    + "protecting power " + protectingPower + ", whose existence since is not re-read (R22)");
        }
        return Optional.empty();
    }

    void succeeds(Mission predecessor) {
        this.predecessorId = predecessor.id();
    }

    /**
     * Cancels a planned mission (R12). A head may serve before the opening (R15), but none serves a
     * cancelled mission: while one serves, the cancellation is refused (the heads who served before stay listed).
     *
     * @throws RuleViolationException R12 {@code MISSION_STATUS_INVALID} unless {@code PLANNED}, or
     *         while a head serves
     */
    void cancel() {
        requireStatus(MissionStatus.PLANNED, "cancelled");
        for (HeadOfMission head : heads) {
            if (head.endedOn() == null) {
                throw new RuleViolationException(Rule.R12_MISSION_STATUS_INVALID, "Mission " + id + " cannot be "
                        + "cancelled while its head " + head.name() + " (" + head.rank() + ", since " + head.startedOn()
                        + ") serves: no head serves a cancelled mission. End the head's functions first.");
            }
        }
        this.status = MissionStatus.CANCELLED;
    }

    /**
     * R15: heads of mission are for diplomatic missions.
     *
     * @throws RuleViolationException R15 {@code MISSION_TYPE_INVALID} for a consular post
     */
    void requireDiplomatic() {
        if (type.consular()) {
            throw new RuleViolationException(Rule.R15_MISSION_TYPE_INVALID,
                    "Heads of mission are for diplomatic missions; mission " + id + " is a " + type + ".");
        }
    }

    /**
     * Appoints a head of mission. The caller has checked R13 (the diplomat's country) and R15 (the
     * relation's state on {@code startedOn}).
     *
     * @throws RuleViolationException R15 {@code MISSION_TYPE_INVALID} for a consular post, R14
     *         {@code AGREMENT_REQUIRED}, R16 {@code HEAD_OF_MISSION_OVERLAP}, R12 for a cancelled
     *         mission or a period past the mission's closing
     */
    HeadOfMission appoint(long diplomatId, String name, HeadRank rank, LocalDate agrementOn,
            FuzzyDate started, FuzzyDate ended, List<Source> sources) {
        LocalDate startedOn = started.date();
        LocalDate endedOn = ended == null ? null : ended.date();
        requireDiplomatic();
        if (rank.needsAgrement() && (agrementOn == null || agrementOn.isAfter(startedOn))) {
            throw new RuleViolationException(Rule.R14_AGREMENT_REQUIRED, "A head of rank " + rank + " needs agrément on or before "
                    + startedOn + (agrementOn == null ? "; none was given." : "; it was given on " + agrementOn + "."));
        }
        if (status == MissionStatus.CANCELLED) {
            throw new RuleViolationException(Rule.R12_MISSION_STATUS_INVALID,
                    "Mission " + id + " was cancelled; it cannot have a head.");
        }
        if (status == MissionStatus.CLOSED && (endedOn == null || endedOn.isAfter(closedOn))) {
            throw new RuleViolationException(Rule.R12_MISSION_STATUS_INVALID, "Mission " + id + " closed on " + closedOn
                    + "; a head's period must end by then.");
        }
        for (HeadOfMission other : heads) {
            if (other.overlaps(startedOn, endedOn)) {
                throw new RuleViolationException(Rule.R16_HEAD_OF_MISSION_OVERLAP, "The period from " + startedOn
                        + (endedOn == null ? "" : " to " + endedOn) + " overlaps that of " + other.name() + " ("
                        + other.rank() + ", from " + other.startedOn()
                        + (other.endedOn() == null ? ", still serving" : " to " + other.endedOn()) + ").");
            }
        }
        HeadOfMission head = new HeadOfMission(this, diplomatId, name, rank, agrementOn, started, ended, sources);
        heads.add(head);
        return head;
    }

    /** The status at the end of {@code day}. */
    public MissionStatus statusOn(LocalDate day) {
        return statusOn(status, openedOn, closedOn, day);
    }

    /** The status on {@code day} of a mission whose recorded status, opening and closing are these. */
    static MissionStatus statusOn(MissionStatus recorded, LocalDate openedOn, LocalDate closedOn, LocalDate day) {
        if (recorded == MissionStatus.CANCELLED) {
            return MissionStatus.CANCELLED;
        }
        if (openedOn == null || openedOn.isAfter(day)) {
            return MissionStatus.PLANNED;
        }
        return closedOn == null || closedOn.isAfter(day) ? MissionStatus.OPEN : MissionStatus.CLOSED;
    }

    public Optional<HeadOfMission> headServingOn(LocalDate day) {
        return heads.stream().filter(h -> h.servesOn(day)).findFirst();
    }

    public Optional<HeadOfMission> head(long headId) {
        return heads.stream().filter(h -> h.id() != null && h.id() == headId).findFirst();
    }

    /**
     * Removes a head recorded by mistake: R16 compares the heads that remain, which a removal cannot make overlap,
     * and no other fact names a head.
     */
    void removeHead(HeadOfMission head) {
        heads.remove(head);
    }

    /**
     * R21: what is recorded with this mission that its deletion would leave naming no mission or misread: a head of
     * mission, the mission that superseded it, or — once it has closed — the missions it superseded (R8: the
     * predecessor's closing, with its heads' ends, relies on the successor's opening; a successor still open can
     * give them back, which its deletion does). Nothing for a mission that can go as if never recorded.
     */
    Optional<String> recordedWithIt() {
        if (!heads.isEmpty()) {
            HeadOfMission head = heads.get(0);
            return Optional.of("head of mission " + head.id() + " (" + head.name() + ") is recorded on it; delete "
                    + (heads.size() == 1 ? "that head" : "its " + heads.size() + " heads") + " first");
        }
        if (successorId != null) {
            return Optional.of("mission " + successorId + " superseded it (R8), and its closing relies on that "
                    + "opening");
        }
        if (predecessorId != null && status != MissionStatus.OPEN) {
            return Optional.of("it superseded mission " + predecessorId + " when it opened (R8) and has closed since: "
                    + "the missions it superseded would reopen across what was recorded after it");
        }
        return Optional.empty();
    }

    /** Loads the heads while the transaction is open, so that the mission can be read after it. */
    Mission withHeads() {
        Hibernate.initialize(heads);
        return this;
    }

    private void requireStatus(MissionStatus required, String action) {
        if (status != required) {
            throw new RuleViolationException(Rule.R12_MISSION_STATUS_INVALID,
                    "Mission " + id + " is " + status + "; only " + (required == MissionStatus.OPEN ? "an " : "a ") + required
                            + " mission can be " + action + ".");
        }
    }

    public Long id() {
        return id;
    }

    public CountryCode sendingCountry() {
        return new CountryCode(sendingCountry);
    }

    public CountryCode receivingCountry() {
        return new CountryCode(receivingCountry);
    }

    public MissionType type() {
        return type;
    }

    public String city() {
        return city;
    }

    /** The city, or the receiving country where the city is not known: "in Havana", "in CU". */
    public String place() {
        return city == null ? receivingCountry : city;
    }

    public MissionStatus status() {
        return status;
    }

    public PartialDate plannedOpening() {
        return plannedOpening == null ? null : PartialDate.parse(plannedOpening);
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public DatePrecision openedPrecision() {
        return openedPrecision;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public DatePrecision closedPrecision() {
        return closedPrecision;
    }

    public String closingReason() {
        return closingReason;
    }

    public CountryCode protectingPower() {
        return protectingPower == null ? null : new CountryCode(protectingPower);
    }

    public Long predecessorId() {
        return predecessorId;
    }

    public Long successorId() {
        return successorId;
    }

    /** Adds {@code more} to the sources of the mission (those of a later fact about it, as its closing). */
    void cite(List<Source> more) {
        this.sources = Source.adding(sources(), more);
    }

    public List<Source> sources() {
        return sources == null ? List.of() : sources;
    }

    public long version() {
        return version;
    }

    public List<HeadOfMission> heads() {
        return heads.stream().sorted(Comparator.comparing(HeadOfMission::startedOn)
                .thenComparing(HeadOfMission::id, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }
}
