package org.chancery.shared;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date known to a {@link DatePrecision}; {@link #date()} is the first day of the period.
 */
public record FuzzyDate(LocalDate date, DatePrecision precision) {

    public FuzzyDate {
        Objects.requireNonNull(date, "date");
        precision = DatePrecision.orDefault(precision);
        date = precision.normalize(date);
    }

    public static FuzzyDate of(LocalDate date, DatePrecision precision) {
        return new FuzzyDate(date, precision);
    }
}
