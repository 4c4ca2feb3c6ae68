package org.chancery.accreditation;

import java.time.LocalDate;
import java.util.List;

import org.chancery.country.CountryCode;
import org.chancery.shared.DatePrecision;
import org.chancery.shared.Source;

/**
 * An accreditation as read for the relation view and the timeline, and as clients see it: the
 * entity's values, without the entity ({@link AccreditationRows}).
 */
public record AccreditationRecord(Long id, CountryCode sendingCountry, CountryCode receivingCountry,
        AccreditationLevel level, LocalDate from, DatePrecision fromPrecision, LocalDate to, DatePrecision toPrecision,
        Long residentMissionId, Long diplomatId, long version, List<Source> sources) {

    /** Whether the accreditation is in force at the end of {@code day}. */
    public boolean activeOn(LocalDate day) {
        return Accreditation.activeOn(from, to, day);
    }
}
