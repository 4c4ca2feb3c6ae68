package org.chancery.relation;

import java.time.LocalDate;

import org.chancery.shared.DatePrecision;

/** A mission that a relation event changed (R11: closed by a severance), as listed in the answer. */
public record AffectedMission(Long id, String sendingCountry, String receivingCountry, String type,
        String city,
        String status, LocalDate openedOn, DatePrecision openedPrecision, LocalDate closedOn,
        DatePrecision closedPrecision, String closingReason) {
}
