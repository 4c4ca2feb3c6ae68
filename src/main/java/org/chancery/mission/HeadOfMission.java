package org.chancery.mission;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;
import org.chancery.shared.SourcesConverter;

/**
 * A diplomat heading a mission from the day they took up functions ({@code startedOn}) until the
 * day they stopped ({@code endedOn}, exclusive; null while serving). Either date may be known to a
 * month or a year only; it is then the first day of that period, which is what the rules compare.
 * Part of the {@link Mission} aggregate.
 */
@Entity
@Table(name = "head_of_mission")
public class HeadOfMission {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "head_of_mission_seq")
    @SequenceGenerator(name = "head_of_mission_seq", sequenceName = "head_of_mission_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "mission_id")
    private Mission mission;

    @Column(name = "diplomat_id", nullable = false)
    private Long diplomatId;

    @Column(name = "name", nullable = false, length = 300)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "head_rank", nullable = false, length = 40)
    private HeadRank rank;

    @Column(name = "agrement_on")
    private LocalDate agrementOn;

    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "started_precision", nullable = false, length = 8)
    private DatePrecision startedPrecision;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "ended_precision", length = 8)
    private DatePrecision endedPrecision;

    @Column(name = "ended_by_severance", nullable = false)
    private boolean endedBySeverance;

    @Column(name = "ended_by_supersession", nullable = false)
    private boolean endedBySupersession;

    @Convert(converter = SourcesConverter.class)
    @Column(name = "sources", length = 1000000)
    private List<Source> sources;

    protected HeadOfMission() {
    }

    HeadOfMission(Mission mission, long diplomatId, String name, HeadRank rank, LocalDate agrementOn,
            FuzzyDate started, FuzzyDate ended, List<Source> sources) {
        this.mission = mission;
        this.diplomatId = diplomatId;
        this.name = name;
        this.rank = rank;
        this.agrementOn = agrementOn;
        this.startedOn = started.date();
        this.startedPrecision = started.precision();
        if (ended != null) {
            this.endedOn = ended.date();
            this.endedPrecision = ended.precision();
        }
        this.sources = SourcesConverter.orEmpty(sources);
    }

    /**
     * Ends the head's functions on {@code on}.
     *
     * @throws RuleViolationException R12 {@code MISSION_STATUS_INVALID} if already ended
     * @throws InvalidInputException ({@code VALIDATION_FAILED}, an end before the start) if {@code on}
     *         is before the start
     */
    void end(FuzzyDate on) {
        if (endedOn != null) {
            throw new RuleViolationException(Rule.R12_MISSION_STATUS_INVALID,
                    "Head of mission " + id + " already ended on " + endedOn + ".");
        }
        if (on.date().isBefore(startedOn)) {
            throw new InvalidInputException("date", "must not be before the head's start (" + startedOn + ")");
        }
        this.endedOn = on.date();
        this.endedPrecision = on.precision();
    }

    /** The head's diplomat has been renamed: the head shows the new name. */
    void renamed(String name) {
        this.name = name;
    }

    /** Adds {@code more} to the sources of the head (those of a later fact about it, as its end). */
    void cite(List<Source> more) {
        this.sources = Source.adding(sources(), more);
    }

    /** R11: ends the functions on the day of a severance, which they then rely on (R20). */
    void endBySeverance(FuzzyDate severance) {
        end(severance);
        this.endedBySeverance = true;
    }

    /** R11: the functions, ended on the day their mission closed by a severance, rely on that severance (R20). */
    void markEndedBySeverance() {
        this.endedBySeverance = true;
    }

    /** R11 undone: the severance that ended the functions is deleted, and they go on. */
    void resumeAfterSeverance() {
        if (!endedBySeverance) {
            throw new IllegalStateException("Head of mission " + id + " was not ended by a severance.");
        }
        goOn();
    }

    /** R8: the functions, ended on the day their mission was superseded, rely on the successor's opening. */
    void markEndedBySupersession() {
        this.endedBySupersession = true;
    }

    /** R8 undone: the successor whose opening ended the functions is deleted, and they go on. */
    void resumeAfterSupersession() {
        if (!endedBySupersession) {
            throw new IllegalStateException("Head of mission " + id + " was not ended by a supersession.");
        }
        goOn();
    }

    /** The end that a rule's fact, deleted now, gave the functions is undone: they go on, ended by nothing. */
    private void goOn() {
        this.endedOn = null;
        this.endedPrecision = null;
        this.endedBySeverance = false;
        this.endedBySupersession = false;
    }

    /** Whether the opening of the mission's successor ended the functions, on the {@link #endedOn} day (R8). */
    public boolean endedBySupersession() {
        return endedBySupersession;
    }

    /** Whether a severance ended the functions, on the {@link #endedOn} day. */
    public boolean endedBySeverance() {
        return endedBySeverance;
    }

    /** Serving at the end of {@code day}. */
    public boolean servesOn(LocalDate day) {
        return serves(startedOn, endedOn, day);
    }

    /** Whether a head from {@code startedOn} until {@code endedOn} (exclusive; null: still) serves on {@code day}. */
    static boolean serves(LocalDate startedOn, LocalDate endedOn, LocalDate day) {
        return !startedOn.isAfter(day) && (endedOn == null || endedOn.isAfter(day));
    }

    /** Whether this head's period overlaps {@code [start, end)} (an open end is null). */
    boolean overlaps(LocalDate start, LocalDate end) {
        boolean startsBeforeOtherEnds = end == null || startedOn.isBefore(end);
        boolean otherStartsBeforeThisEnds = endedOn == null || start.isBefore(endedOn);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    public Long id() {
        return id;
    }

    public long missionId() {
        return mission.id();
    }

    public long diplomatId() {
        return diplomatId;
    }

    public String name() {
        return name;
    }

    public HeadRank rank() {
        return rank;
    }

    public LocalDate agrementOn() {
        return agrementOn;
    }

    public LocalDate startedOn() {
        return startedOn;
    }

    public DatePrecision startedPrecision() {
        return startedPrecision;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    /** How precisely {@link #endedOn()} is known; null while serving. */
    public DatePrecision endedPrecision() {
        return endedPrecision;
    }

    public List<Source> sources() {
        return sources == null ? List.of() : sources;
    }
}
