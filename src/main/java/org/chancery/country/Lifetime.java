package org.chancery.country;

import java.time.LocalDate;

import org.chancery.shared.InvalidInputException;

/**
 * The days a country exists as a state: from {@code startedOn} to {@code endedOn}, both
 * inclusive; a null bound is not known, or not reached (a country that has not ended).
 */
public record Lifetime(LocalDate startedOn, LocalDate endedOn) {

    public static final Lifetime UNBOUNDED = new Lifetime(null, null);

    private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /**
     * @throws InvalidInputException ({@code VALIDATION_FAILED} on {@code endedOn}) if the country would end before
     *         it started: refused alike whoever writes the lifetime (the API, an import line)
     */
    public Lifetime {
        if (startedOn != null && endedOn != null && endedOn.isBefore(startedOn)) {
            throw new InvalidInputException("endedOn", "must not be before startedOn (" + startedOn + ")");
        }
    }

    /** Whether the country exists on {@code day}: neither before its start nor after its end. */
    public boolean existsOn(LocalDate day) {
        return (startedOn == null || !day.isBefore(startedOn)) && (endedOn == null || !day.isAfter(endedOn));
    }

    /**
     * Whether something the country took part in may close or end on {@code day}: at most the day
     * after its last day (a closing date is exclusive).
     */
    public boolean mayEndOn(LocalDate day) {
        return endedOn == null || !day.isAfter(endedOn.plusDays(1));
    }

    /** The first day of existence, for a query: {@code startedOn}, or the earliest day the databases store. */
    public LocalDate firstDay() {
        return startedOn == null ? EARLIEST : startedOn;
    }

    /** The last day of existence, for a query: {@code endedOn}, or the latest day the databases store. */
    public LocalDate lastDay() {
        return endedOn == null ? LATEST : endedOn;
    }

    /** The last day a closing or an end may fall on, for a query (see {@link #mayEndOn}). */
    public LocalDate lastEndDay() {
        return endedOn == null ? LATEST : endedOn.plusDays(1);
    }

    /** Whether every day is a day of existence: no fact can fall outside it. */
    public boolean unbounded() {
        return startedOn == null && endedOn == null;
    }

    /** Whether the country has ceased to exist (R22's "former" states). */
    public boolean ended() {
        return endedOn != null;
    }

    /** "from 1949-10-07 to 1990-10-02", "from 1949-10-07", "until 1990-10-02" or "at all times". */
    public String describe() {
        if (startedOn == null && endedOn == null) {
            return "at all times";
        }
        if (endedOn == null) {
            return "from " + startedOn;
        }
        return startedOn == null ? "until " + endedOn : "from " + startedOn + " to " + endedOn;
    }
}
