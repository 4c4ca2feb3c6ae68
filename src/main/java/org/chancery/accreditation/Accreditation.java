package org.chancery.accreditation;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.chancery.country.CountryCode;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.FuzzyDate;
import org.chancery.shared.InvalidInputException;
import org.chancery.shared.Rule;
import org.chancery.shared.RuleViolationException;
import org.chancery.shared.Source;
import org.chancery.shared.SourcesConverter;

/**
 * A non-resident accreditation of the sending country to the receiving country, from {@code from}
 * until {@code to} (exclusive, like a mission's closing; null while it lasts). Rules that need the
 * relation, the missions of the direction or the other accreditations are checked by
 * {@link Accreditations} before it records one.
 */
@Entity
@Table(name = "accreditation")
public class Accreditation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "accreditation_seq")
    @SequenceGenerator(name = "accreditation_seq", sequenceName = "accreditation_seq", allocationSize = 50)
    private Long id;

    @Column(name = "sending_country", nullable = false, length = 2)
    private String sendingCountry;

    @Column(name = "receiving_country", nullable = false, length = 2)
    private String receivingCountry;

    @Enumerated(EnumType.STRING)
    @Column(name = "accreditation_level", nullable = false, length = 16)
    private AccreditationLevel level;

    @Column(name = "from_date", nullable = false)
    private LocalDate fromDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_precision", nullable = false, length = 8)
    private DatePrecision fromPrecision;

    @Column(name = "to_date")
    private LocalDate toDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_precision", length = 8)
    private DatePrecision toPrecision;

    @Column(name = "resident_mission_id")
    private Long residentMissionId;

    @Column(name = "diplomat_id")
    private Long diplomatId;

    @Convert(converter = SourcesConverter.class)
    @Column(name = "sources", length = 1000000)
    private List<Source> sources;

    @Column(name = "ended_by_severance", nullable = false)
    private boolean endedBySeverance;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Accreditation() {
    }

    Accreditation(CountryCode sending, CountryCode receiving, AccreditationLevel level, FuzzyDate from,
            Long residentMissionId, Long diplomatId, List<Source> sources) {
        this.sendingCountry = sending.value();
        this.receivingCountry = receiving.value();
        this.level = level;
        this.fromDate = from.date();
        this.fromPrecision = from.precision();
        this.residentMissionId = residentMissionId;
        this.diplomatId = diplomatId;
        this.sources = SourcesConverter.orEmpty(sources);
    }

    /**
     * Ends the accreditation on {@code on} (exclusive).
     *
     * @throws RuleViolationException R23 {@code ACCREDITATION_CONFLICT} if it has already ended
     * @throws InvalidInputException ({@code VALIDATION_FAILED}) if {@code on} is before its start
     */
    void end(FuzzyDate on) {
        if (toDate != null) {
            throw new RuleViolationException(Rule.R23_ACCREDITATION_CONFLICT,
                    "Accreditation " + id + " already ended on " + toDate + ".");
        }
        if (on.date().isBefore(fromDate)) {
            throw new InvalidInputException("date", "must not be before the accreditation's start (" + fromDate + ")");
        }
        this.toDate = on.date();
        this.toPrecision = on.precision();
    }

    /** Adds {@code more} to the sources of the accreditation (those of a later fact about it, as its end). */
    void cite(List<Source> more) {
        this.sources = Source.adding(sources(), more);
    }

    /** R11 undone: the severance that ended the accreditation is deleted, and it is in force again. */
    void resumeAfterSeverance() {
        if (!endedBySeverance) {
            throw new IllegalStateException("Accreditation " + id + " was not ended by a severance.");
        }
        this.toDate = null;
        this.toPrecision = null;
        this.endedBySeverance = false;
    }

    /** R11: ends the accreditation on the day of a severance, which it then relies on (R20). */
    void endBySeverance(FuzzyDate severance) {
        end(severance);
        this.endedBySeverance = true;
    }

    /** Whether a severance ended it, on its {@link #to} day. */
    public boolean endedBySeverance() {
        return endedBySeverance;
    }

    /** Whether the accreditation is in force at the end of {@code day}. */
    public boolean activeOn(LocalDate day) {
        return activeOn(fromDate, toDate, day);
    }

    /** Whether an accreditation from {@code from} until {@code to} (exclusive; null: open-ended) is in force at the end of {@code day}. */
    static boolean activeOn(LocalDate from, LocalDate to, LocalDate day) {
        return !from.isAfter(day) && (to == null || to.isAfter(day));
    }

    /** Its values, as the relation view and the timeline read them. */
    public AccreditationRecord asRecord() {
        return new AccreditationRecord(id, sendingCountry(), receivingCountry(), level, fromDate, fromPrecision, toDate,
                toPrecision, residentMissionId, diplomatId, version, sources());
    }

    /** Whether it is in force on some day from {@code start} until {@code end} (exclusive; null: open-ended). */
    public boolean overlaps(LocalDate start, LocalDate end) {
        return (end == null || fromDate.isBefore(end)) && (toDate == null || toDate.isAfter(start));
    }

    /** "AMBASSADOR accreditation 3 of US to AG from 1994-06-30". */
    public String describe() {
        return level + " accreditation " + id + " of " + sendingCountry + " to " + receivingCountry + " from "
                + fromDate + (toDate == null ? "" : " to " + toDate);
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

    public AccreditationLevel level() {
        return level;
    }

    public LocalDate from() {
        return fromDate;
    }

    public DatePrecision fromPrecision() {
        return fromPrecision;
    }

    public LocalDate to() {
        return toDate;
    }

    public DatePrecision toPrecision() {
        return toPrecision;
    }

    public Long residentMissionId() {
        return residentMissionId;
    }

    public Long diplomatId() {
        return diplomatId;
    }

    public List<Source> sources() {
        return sources == null ? List.of() : sources;
    }

    public long version() {
        return version;
    }
}
