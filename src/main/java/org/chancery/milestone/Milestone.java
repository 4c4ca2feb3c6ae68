package org.chancery.milestone;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.chancery.country.CountryCode;
import org.chancery.relation.RelationPair;
import org.chancery.shared.PartialDate;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;
import org.chancery.shared.SourcesConverter;
import org.chancery.shared.Text;

/**
 * A planned step of a relation, due within a {@link PartialDate target}, optionally tied to the
 * mission whose opening achieves it. What is recorded is the plan and what became of it (the day
 * it was achieved, or that it was cancelled); the {@link #status(LocalDate) status} is derived from
 * those facts and the day it is read.
 *
 * <p>Recorded outcomes move only {@code open → achieved} or {@code open → cancelled}, once.
 */
@Entity
@Table(name = "milestone")
class Milestone {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "milestone_seq")
    @SequenceGenerator(name = "milestone_seq", sequenceName = "milestone_seq", allocationSize = 50)
    private Long id;

    @Column(name = "country_a", nullable = false, length = 2)
    private String countryA;

    @Column(name = "country_b", nullable = false, length = 2)
    private String countryB;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Column(name = "target", nullable = false, length = 10)
    private String target;

    @Column(name = "target_start", nullable = false)
    private LocalDate targetStart;

    @Column(name = "target_end", nullable = false)
    private LocalDate targetEnd;

    @Column(name = "mission_id")
    private Long missionId;

    @Column(name = "achieved_on")
    private LocalDate achievedOn;

    @Column(name = "cancelled", nullable = false)
    private boolean cancelled;

    @Convert(converter = SourcesConverter.class)
    @Column(name = "sources", length = 1000000)
    private List<Source> sources;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Milestone() {
    }

    Milestone(RelationPair pair, String title, PartialDate target, Long missionId, List<Source> sources) {
        this.countryA = pair.first().value();
        this.countryB = pair.second().value();
        this.title = Text.strip(Objects.requireNonNull(title, "title"));
        this.target = target.toString();
        this.targetStart = target.start();
        this.targetEnd = target.end();
        this.missionId = missionId;
        this.sources = SourcesConverter.orEmpty(sources);
    }

    /**
     * Records that the milestone was achieved on {@code on}, by hand.
     *
     * @throws RuleViolationException R19 {@code MILESTONE_STATUS_INVALID} if the milestone is already achieved or
     *         cancelled (said first: a cancelled milestone's mission, cancelled too, will not open), or has a mission
     *         (only the mission's opening achieves it)
     */
    void achieve(LocalDate on) {
        Objects.requireNonNull(on, "on");
        requireOpen("achieved");
        if (missionId != null) {
            throw statusInvalid("Milestone " + id + " is achieved only by the opening of mission " + missionId
                    + ", not by hand.");
        }
        this.achievedOn = on;
    }

    /**
     * Records that the milestone's mission opened on {@code on}, which achieves the milestone.
     *
     * @throws RuleViolationException R19 {@code MILESTONE_STATUS_INVALID} if the milestone has no
     *         mission, or is already achieved or cancelled
     */
    void missionOpened(LocalDate on) {
        Objects.requireNonNull(on, "on");
        if (missionId == null) {
            throw statusInvalid("Milestone " + id + " has no mission whose opening could achieve it.");
        }
        requireOpen("achieved");
        this.achievedOn = on;
    }

    /**
     * Records that the milestone was given up.
     *
     * @throws RuleViolationException R19 {@code MILESTONE_STATUS_INVALID} if it is already achieved
     *         or cancelled
     */
    void cancel() {
        requireOpen("cancelled");
        this.cancelled = true;
    }

    /**
     * Records that the milestone's mission was cancelled: it will not open, and only its opening could achieve the
     * milestone (R19), which is cancelled with it.
     *
     * @throws RuleViolationException R19 {@code MILESTONE_STATUS_INVALID} if the milestone has no
     *         mission, or is already achieved or cancelled
     */
    void missionCancelled() {
        if (missionId == null) {
            throw statusInvalid("Milestone " + id + " has no mission whose cancellation could cancel it.");
        }
        requireOpen("cancelled");
        this.cancelled = true;
    }

    /** The status on {@code today}: achieved, cancelled, overdue once today is past the target, else pending. */
    MilestoneStatus status(LocalDate today) {
        return status(achievedOn, cancelled, targetEnd, today);
    }

    /** The status on {@code today} of a milestone so achieved or cancelled, whose target ends on {@code targetEnd}. */
    static MilestoneStatus status(LocalDate achievedOn, boolean cancelled, LocalDate targetEnd, LocalDate today) {
        if (achievedOn != null) {
            return MilestoneStatus.ACHIEVED;
        }
        if (cancelled) {
            return MilestoneStatus.CANCELLED;
        }
        return today.isAfter(targetEnd) ? MilestoneStatus.OVERDUE : MilestoneStatus.PENDING;
    }

    /** Whether it was achieved by the target's last day; null while it is not achieved. */
    Boolean onTime() {
        return onTime(achievedOn, targetEnd);
    }

    static Boolean onTime(LocalDate achievedOn, LocalDate targetEnd) {
        return achievedOn == null ? null : !achievedOn.isAfter(targetEnd);
    }

    /** Neither achieved nor cancelled. */
    boolean open() {
        return achievedOn == null && !cancelled;
    }

    private void requireOpen(String wanted) {
        if (achievedOn != null) {
            throw statusInvalid("Milestone " + id + " was achieved on " + achievedOn + " and cannot be " + wanted + ".");
        }
        if (cancelled) {
            throw statusInvalid("Milestone " + id + " was cancelled and cannot be " + wanted + ".");
        }
    }

    private static RuleViolationException statusInvalid(String detail) {
        return new RuleViolationException(Rule.R19_MILESTONE_STATUS_INVALID, detail);
    }

    Long id() {
        return id;
    }

    RelationPair pair() {
        return RelationPair.of(new CountryCode(countryA), new CountryCode(countryB));
    }

    String title() {
        return title;
    }

    /** The target as it was planned, in its canonical text ({@link PartialDate#toString()}). */
    String target() {
        return target;
    }

    LocalDate targetStart() {
        return targetStart;
    }

    LocalDate targetEnd() {
        return targetEnd;
    }

    Long missionId() {
        return missionId;
    }

    LocalDate achievedOn() {
        return achievedOn;
    }

    boolean cancelled() {
        return cancelled;
    }

    List<Source> sources() {
        return sources == null ? List.of() : sources;
    }

    /** Adds {@code more} to the milestone's sources (those of its achievement, an import's line). */
    void cite(List<Source> more) {
        this.sources = Source.adding(sources(), more);
    }
}
