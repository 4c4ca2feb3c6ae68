package org.chancery.relation;

import java.time.LocalDate;

import org.chancery.shared.DatePrecision;

/** An accreditation that a relation event changed (R11: ended by a severance), as listed in the answer. */
public record AffectedAccreditation(Long id, String sendingCountry, String receivingCountry, String level,
        LocalDate from, DatePrecision fromPrecision, LocalDate to, DatePrecision toPrecision) {
}
