package org.chancery.country;

import java.util.Optional;

/**
 * Facts recorded in other modules that name a country on a date (events, missions, heads of
 * mission, meetings, accreditations, milestone achievements). R20: a country's lifetime may not
 * change so that one of them falls outside it (R22). Asked under the country's row lock.
 */
public interface CountryFacts {

    /**
     * A description of one fact of {@code country} that {@code lifetime} would leave outside the
     * country's existence ("SEVERED on 1995-01-01 between DD and US"), if any: dated before its
     * start or after its end, or (a closing, an end) after the day following its end.
     */
    Optional<String> outside(CountryCode country, Lifetime lifetime);

    /**
     * A description of one fact of {@code country} that has no end yet — a mission still open, a head of
     * mission still serving, an accreditation still in force — and so would go on after any end a change
     * gives the country ("EMBASSY 5 of US in DD (opened 1974-12-09, still open)"), if any.
     */
    default Optional<String> goingOn(CountryCode country) {
        return Optional.empty();
    }
}
